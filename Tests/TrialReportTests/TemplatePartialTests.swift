import Foundation
import Testing
@testable import TrialReport
import TrialData

/// Partials that would make Mustache recurse without end, or render nothing, are refused when the
/// templates are read (`TemplatePartials`, `MustacheTagScanner`).
@Suite("Template partials")
struct TemplatePartialTests {
    /// A templates folder holding `files` (name without `.mustache` → text) and minimal main templates.
    static func templates(_ files: [String: String], in scratch: ScratchFolder) throws -> URL {
        let folder = scratch.url.appendingPathComponent("templates")
        let all = ["report.md": "# Report\n", "report.html": "<body>{{{body}}}</body>\n"].merging(files) { $1 }
        for (name, text) in all {
            let url = folder.appendingPathComponent(name + ".mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// The diagnostics of reading `files` as templates, or `[]` when they are read.
    static func problems(_ files: [String: String]) throws -> [String] {
        let scratch = try ScratchFolder()
        let folder = try templates(files, in: scratch)
        do {
            _ = try ReportTemplates(directory: folder)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func aPartialIncludingItselfIsRefusedNamingTheChain() throws {
        #expect(try Self.problems(["report.md": "# R\n{{> partials/a}}\n", "partials/a": "text\n  {{> partials/a}}\n"]) == [
            "error: templates/partials/a.mustache:2:3: the partial 'partials/a' includes itself: partials/a → partials/a",
        ])
    }

    @Test func partialsIncludingEachOtherAreRefusedNamingTheChain() throws {
        #expect(try Self.problems(["report.md": "{{> partials/a}}", "partials/a": "{{> partials/b}}", "partials/b": "{{#x}}{{> partials/a}}{{/x}}"]) == [
            "error: templates/partials/b.mustache:1:7: the partial 'partials/a' includes itself: partials/a → partials/b → partials/a",
        ])
    }

    @Test func aParentIncludingItselfIsRefused() throws {
        let problems = try Self.problems(["report.md": "{{< layout}}{{/layout}}", "layout": "{{< layout}}{{$b}}x{{/b}}{{/layout}}"])
        #expect(problems == ["error: templates/layout.mustache:1:1: the partial 'layout' includes itself: layout → layout"])
    }

    @Test func aPartialNamedFromTheDataIsRefused() throws {
        #expect(try Self.problems(["report.md": "# R\n\n{{>*title}}\n"]) == [
            "error: templates/report.md.mustache:3:1: the partial '*title' is named from the data, which is not supported; "
                + "name the partial in the template",
        ])
    }

    @Test func aMissingPartialAfterADelimiterChangeIsReported() throws {
        #expect(try Self.problems(["report.md": "{{=<% %>=}}\n# <% title %>\n<%> partials/nonexistent %>\n"]) == [
            "error: templates/report.md.mustache:3:1: no partial named 'partials/nonexistent' in the templates folder",
        ])
    }

    @Test func partialsNamedInCommentsOrAfterADelimiterChangeAreNotInclusions() throws {
        #expect(try Self.problems(["report.md": "{{! {{> partials/nonexistent}} }}\n{{=| |=}}\n{{> partials/nonexistent}}\n"]) == [])
    }

    @Test func aChainOfSixteenTemplatesRendersAndSeventeenIsRefused() throws {
        func chain(_ length: Int) -> [String: String] {
            var files = ["report.md": "{{> p1}}"]
            for level in 1..<length { files["p\(level)"] = "\(level) {{> p\(level + 1)}}" }
            files["p\(length)"] = "end"
            return files
        }
        let scratch = try ScratchFolder()
        let templates = try ReportTemplates(directory: try Self.templates(chain(15), in: scratch))
        #expect(templates.markdown([:]) == (1..<15).map { "\($0) " }.joined() + "end")
        let problems = try Self.problems(chain(16))
        #expect(problems.count == 1)
        #expect(problems.first?.hasSuffix("partials are included more than 16 deep: "
            + (["report.md"] + (1...16).map { "p\($0)" }).joined(separator: " → ")) == true)
    }

    @Test(.timeLimit(.minutes(1))) func sectionsNestedTooDeeplyAreRefusedWithoutParsing() throws {
        let depth = 100_000
        let text = String(repeating: "{{#a}}", count: depth) + String(repeating: "{{/a}}", count: depth)
        #expect(try Self.problems(["report.md": text]) == [
            "error: templates/report.md.mustache:1:193: sections nest deeper than 32 levels",
        ])
    }

    @Test func theDeepestNestingAllowedRenders() throws {
        // 32 nested sections in each of 16 templates including each other.
        let sections = String(repeating: "{{#a}}", count: 32) + "x" + String(repeating: "{{/a}}", count: 32)
        var files = ["report.md": sections + "{{> p1}}"]
        for level in 1..<15 { files["p\(level)"] = String(repeating: "{{#a}}", count: 32) + "{{> p\(level + 1)}}" + String(repeating: "{{/a}}", count: 32) }
        files["p15"] = sections
        let scratch = try ScratchFolder()
        let templates = try ReportTemplates(directory: try Self.templates(files, in: scratch))
        #expect(templates.markdown(["a": true]) == "xx")
    }

    @Test func scannerFollowsDelimitersCommentsAndTripleMustaches() {
        let tags = MustacheTagScanner.tags(in: "{{{raw}}} {{! > no }}\n{{=<% %>=}}<%> a/b %><%# s %><%/ s %>\n<%={{ }}=%>{{<*p}}{{/p}}")
        #expect(tags.map { "\($0.kind) \($0.name) \($0.isDynamic) \($0.line):\($0.column)" } == [
            "other raw false 1:1", "other  false 1:11", "other  false 2:1", "partial a/b false 2:12", "section s false 2:22",
            "close s false 2:30", "other  false 3:1", "parent p true 3:12", "close p false 3:19",
        ])
    }
}
