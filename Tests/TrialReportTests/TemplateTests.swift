import Foundation
import Testing
@testable import TrialReport
import TrialAnalysis
import TrialData

/// The variable, section and partial names a template uses that the context does not have,
/// resolved the way Mustache resolves them (innermost section first, dotted names).
enum TemplateKeys {
    static func unresolved(in name: String, directory: URL, context: [String: Any]) throws -> [String] {
        var missing: [String] = []
        try check(name, directory: directory, stack: [context], missing: &missing)
        return missing
    }

    private static func check(_ name: String, directory: URL, stack: [Any], missing: inout [String]) throws {
        let text = try String(contentsOf: directory.appendingPathComponent(name + ".mustache"), encoding: .utf8)
        var stack = stack
        var sections: [(String, Int)] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            var tag = String(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
            if tag.hasPrefix("{") { tag.removeFirst(); if rest.hasPrefix("}") { rest.removeFirst() } }
            let kind = tag.first ?? " "
            let key = tag.drop(while: { "#^/&>!%".contains($0) }).trimmingCharacters(in: .whitespaces)
            switch kind {
            case "!", "%": continue
            case ">": try check(key, directory: directory, stack: stack, missing: &missing)
            case "/":
                if let last = sections.popLast() { stack.removeLast(stack.count - last.1) }
            case "#", "^":
                sections.append((key, stack.count))
                guard let value = resolve(key, in: stack) else { missing.append(name + ": " + key); continue }
                if kind == "#", let array = value as? [Any], let first = array.first { stack.append(merged(array) ?? first) }
                if kind == "#", let dictionary = value as? [String: Any] { stack.append(dictionary) }
            default:
                if resolve(key, in: stack) == nil { missing.append(name + ": " + key) }
            }
        }
    }

    /// A list of dictionaries as one dictionary with every key any of them has, a value that is
    /// not `false` preferred: so a section that only some elements show (an endpoint's
    /// sensitivity analysis) is checked too.
    private static func merged(_ array: [Any]) -> [String: Any]? {
        let dictionaries = array.compactMap { $0 as? [String: Any] }
        guard dictionaries.count == array.count else { return nil }
        return dictionaries.reduce(into: [:]) { merged, element in
            merged.merge(element) { kept, new in (kept as? Bool) == false ? new : kept }
        }
    }

    private static func resolve(_ key: String, in stack: [Any]) -> Any? {
        if key == "." { return stack.last }
        let parts = key.split(separator: ".").map(String.init)
        for frame in stack.reversed() {
            guard let dictionary = frame as? [String: Any], var value = dictionary[parts[0]] else { continue }
            for part in parts.dropFirst() {
                guard let next = (value as? [String: Any])?[part] else { return nil }
                value = next
            }
            return value
        }
        return nil
    }
}

@Suite("Report templates")
struct TemplateTests {
    static func context() -> [String: Any] {
        context(DocumentSamples.results(), plan: AnalysisPlan())
    }

    /// The context of the bundled CDISC pilot (an ADaM study with three arms, analysis sets, an
    /// ANCOVA endpoint and treatment-emergent events): no section of the seed study's layout.
    static func adamContext() throws -> [String: Any] {
        let pilot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/cdisc-pilot")
        let input = try StudyInput.load(from: pilot)
        return context(StudyAnalysis.run(data: input.data, plan: input.plan.plan), plan: input.plan.plan)
    }

    /// The context of the bundled seed study (examples/uc-msc-t1d), with its supportive analyses.
    static func seedExampleContext() throws -> [String: Any] {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/uc-msc-t1d")
        let input = try StudyInput.load(from: example)
        return context(StudyAnalysis.run(data: input.data, plan: input.plan.plan), plan: input.plan.plan)
    }

    private static func context(_ results: Results, plan: AnalysisPlan) -> [String: Any] {
        let context = ReportContext(results: results, plan: plan, provenance: DocumentSamples.provenance,
                                    tables: ReportTables(results: results, plan: plan).all(),
                                    figureNames: TrialFigures(results: results, plan: plan).names.map(\.rawValue))
        var values = context.values()
        values["body"] = "<p>body</p>"
        values["description"] = "summary"
        return values
    }

    /// A key the seed study's context (the bundled example's) lacks must be one the ADaM study's
    /// context has, and the other way round (a section shown only for one of them).
    @Test func everyKeyTheBundledTemplatesUseExistsInTheContext() throws {
        let directory = DocumentSamples.templatesDirectory
        for name in [ReportTemplates.markdownName, ReportTemplates.htmlName] {
            let missingForSeed = try TemplateKeys.unresolved(in: name, directory: directory, context: try Self.seedExampleContext())
            let missingForADaM = try TemplateKeys.unresolved(in: name, directory: directory, context: try Self.adamContext())
            let missing = Set(missingForSeed).intersection(missingForADaM)
            #expect(missing.isEmpty, "\(missing.sorted())")
        }
    }

    @Test func theADaMTemplateShowsTheDesignAndTheSetsAndNoSeedSection() throws {
        let markdown = try ReportTemplates(directory: DocumentSamples.templatesDirectory).markdown(try Self.adamContext())
        #expect(markdown.contains("**Arms:** Placebo (N = 86), Xanomeline Low Dose (N = 84) and Xanomeline High Dose (N = 84)"))
        #expect(markdown.contains("Doses: Placebo 0, Xanomeline Low Dose 54 and Xanomeline High Dose 81."))
        #expect(markdown.contains("- **Safety** (SAFFL = Y, analysed by actual treatment): 254 participants; Placebo 86; "
                                  + "Xanomeline Low Dose 84; Xanomeline High Dose 84."))
        #expect(markdown.contains("[[table:analysis-sets]]"))
        #expect(markdown.contains("Least-squares mean difference from Placebo: Xanomeline Low Dose −0.47 (95% CI −2.08 to 1.15; "
                                  + "p = 0.569) and Xanomeline High Dose −1.01 (95% CI −2.66 to 0.65; p = 0.233). Across the arms: "
                                  + "p = 0.490. Dose response: p = 0.245."))
        #expect(markdown.contains("[[table:ancova-1]]") && markdown.contains("[[table:teae-by-class]]"))
        #expect(markdown.contains("[[table:baseline-characteristics]]"))
        // The appendix shows the sample provenance's plan, the seed study's.
        let sections = try #require(markdown.components(separatedBy: "## Appendix").first)
        #expect(!sections.contains("Primary endpoint"))
        #expect(!sections.contains("remission"))
    }

    @Test func syntaxErrorNamesFileLineAndColumn() throws {
        let scratch = try ScratchFolder()
        let templates = try scratch.templatesCopy()
        try "## Safety\n\nText {{#safety.any}} never closed\n".write(
            to: templates.appendingPathComponent("partials/safety.mustache"), atomically: true, encoding: .utf8)
        #expect {
            _ = try ReportTemplates(directory: templates)
        } throws: { error in
            let error = error as? TrialReportError
            return error?.kind == .invalidInput
                && error?.diagnostics.map(\.description).contains { $0.hasPrefix("error: templates/partials/safety.mustache:") } == true
        }
    }

    @Test func unknownPartialIsAnErrorAtItsLine() throws {
        let scratch = try ScratchFolder()
        let templates = try scratch.templatesCopy()
        let master = templates.appendingPathComponent("report.md.mustache")
        try (String(contentsOf: master, encoding: .utf8) + "\n{{> ../../etc/passwd}}\n").write(to: master, atomically: true, encoding: .utf8)
        let line = try String(contentsOf: master, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect {
            _ = try ReportTemplates(directory: templates)
        } throws: { error in
            (error as? TrialReportError)?.diagnostics.map(\.description)
                == ["error: templates/report.md.mustache:\(line):1: no partial named '../../etc/passwd' in the templates folder"]
        }
    }

    @Test func symbolicLinkInTheTemplatesFolderIsRefused() throws {
        let scratch = try ScratchFolder()
        let templates = try scratch.templatesCopy()
        try FileManager.default.createSymbolicLink(atPath: templates.appendingPathComponent("partials/outside.mustache").path,
                                                   withDestinationPath: "/etc/hostname")
        #expect(throws: TrialReportError.self) { _ = try ReportTemplates(directory: templates) }
    }

    @Test func templateWithASectionRemovedAndOneAddedRenders() throws {
        let scratch = try ScratchFolder()
        let templates = try scratch.templatesCopy()
        let master = templates.appendingPathComponent("report.md.mustache")
        let text = try String(contentsOf: master, encoding: .utf8).replacing("{{> partials/baseline}}\n", with: "")
        try (text + "\n{{> partials/discussion}}\n").write(to: master, atomically: true, encoding: .utf8)
        try "## Discussion {#sec-discussion}\n\nRemission in {{remission.treatment.fraction}} participants.\n".write(
            to: templates.appendingPathComponent("partials/discussion.mustache"), atomically: true, encoding: .utf8)
        let report = try DocumentSamples.compose(templates: templates)
        #expect(report.markdown.contains("## Discussion\n\nRemission in 11/27 (40.7%) participants."))
        #expect(!report.markdown.contains("## Baseline characteristics"))
        // Tables are numbered as shown: without Table 1 and 2 of baseline, the primary endpoint is Table 1.
        #expect(report.markdown.contains("**Table 1. Remission at month 12"))
        #expect(report.tables.first { $0.name == "baseline" }?.number == nil)
        #expect(try PDFText.extract(report.pdf).contains("Discussion"))
    }

    @Test func markdownTemplatesEscapeDataForMarkdown() throws {
        var results = DocumentSamples.results()
        results.arms[0].arm = "UC*MSC_[1]"
        results.remission?.overall.byArm[0].arm = "UC*MSC_[1]"
        let report = try DocumentSamples.compose(results)
        #expect(report.markdown.contains("with UC\\*MSC\\_\\[1\\] vs"))
        #expect(try PDFText.extract(report.pdf).contains("with UC*MSC_[1] vs"))
    }
}
