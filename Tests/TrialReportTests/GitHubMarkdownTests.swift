import Foundation
import Testing
import TrialAnalysis
@testable import TrialReport

/// report.md renders on GitHub: no `{#anchor}` or `^a^` left, every link to `#…` resolves to a
/// heading (by the id GitHub gives it) or an `<a id>` of the same file; report.html keeps the
/// internal anchors.
@Suite("report.md for GitHub")
struct GitHubMarkdownTests {
    /// The report of a bundled example with its figures (their SVG a placeholder).
    static func report(_ example: String) throws -> ComposedReport {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/" + example)
        let input = try StudyInput.load(from: folder)
        let results = StudyAnalysis.run(data: input.data, plan: input.plan.plan)
        let figures = TrialFigureSource().figures(results: results, plan: input.plan.plan)
        let svg = Dictionary(uniqueKeysWithValues: figures.map { ($0.name, "<svg></svg>") })
        return try ReportComposer(templates: ReportTemplates(directory: DocumentSamples.templatesDirectory))
            .compose(results: results, plan: input.plan.plan, provenance: DocumentSamples.provenance, figures: figures,
                     figureSVG: svg)
    }

    /// The ids a Markdown file defines on GitHub: each heading's (lowercased, punctuation but `-`
    /// and `_` dropped, spaces as `-`, a repeat numbered `-1`, `-2`, …) and each `<a id="…">`.
    static func ids(_ markdown: String) -> Set<String> {
        var ids: Set<String> = []
        var inCode = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCode.toggle() }
            if !inCode, let heading = line.wholeMatch(of: /#{1,6} (.*)/) {
                let base = String(heading.output.1.lowercased().unicodeScalars.compactMap { scalar -> Character? in
                    if scalar == " " { return "-" }
                    if scalar == "-" || scalar == "_" || CharacterSet.alphanumerics.contains(scalar) { return Character(scalar) }
                    return nil
                })
                var id = base, count = 0
                while ids.contains(id) { count += 1; id = base + "-" + String(count) }
                ids.insert(id)
            }
            for match in line.matches(of: /<a id="([^"]+)"><\/a>/) { ids.insert(String(match.output.1)) }
        }
        return ids
    }

    @Test(arguments: ["uc-msc-t1d", "cdisc-pilot"])
    func reportMarkdownHasNoInternalMarkupAndEveryLinkResolves(example: String) throws {
        let report = try Self.report(example)
        let markdown = report.markdown
        #expect(!markdown.contains("{#"))
        #expect(markdown.firstMatch(of: /\^[^\^\s]+\^/) == nil)
        #expect(markdown.contains("<sup>a</sup>"))
        let ids = Self.ids(markdown)
        let targets = markdown.matches(of: /\]\(#([^)]+)\)/).map { String($0.output.1) }
        #expect(targets.count >= 5)
        for target in targets { #expect(ids.contains(target), "\(example): #\(target)") }
        // The HTML page keeps the templates' anchors, and every link of it resolves too.
        let htmlIDs = Set(report.html.matches(of: /\sid="([^"]+)"/).map { String($0.output.1) })
        for target in report.html.matches(of: /href="#([^"]+)"/).map({ String($0.output.1) }) {
            #expect(htmlIDs.contains(target), "\(example) report.html: #\(target)")
        }
    }

    @Test func theSeedReportLinksItsSectionsByGitHubsIDsAndItsTablesByAnchors() throws {
        let markdown = try Self.report("uc-msc-t1d").markdown
        #expect(markdown.hasPrefix("\n# UC-MSC in recent-onset type 1 diabetes\n") || markdown.contains("\n# UC-MSC in recent-onset type 1 diabetes\n"))
        #expect(markdown.contains("\n## Methods\n"))
        #expect(markdown.contains("<a id=\"tab-baseline\"></a>**Table 1. Baseline characteristics by arm**"))
        #expect(markdown.contains("<a id=\"fig-consort\"></a>![Figure 1. Participant flow (CONSORT)](figures/consort.svg)"))
        #expect(markdown.contains("| 0.695<sup>a</sup> |"))
    }

    @Test func gitHubHeadingIDsFollowGitHub() {
        var slugs = GitHubSlugs()
        #expect(slugs.next("Treatment × Onset interaction") == "treatment--onset-interaction")
        #expect(slugs.next("Results") == "results")
        #expect(slugs.next("Results") == "results-1")
        #expect(slugs.next("Results") == "results-2")
        #expect(slugs.next("Results-1") == "results-1-1")
        #expect(GitHubSlugs.slug("HbA1c (%) — week 24") == "hba1c---week-24")
        #expect(ReportMarkdownFile.relinked("[a](#x) [b](#y) [c](#z", ids: ["x": "y", "y": "w"]) == "[a](#y) [b](#w) [c](#z")
        // A target left open runs into the next link: only the next one is replaced.
        #expect(ReportMarkdownFile.relinked("[a](#x [b](#y) end", ids: ["x": "X", "y": "Y"]) == "[a](#x [b](#Y) end")
        #expect(ReportMarkdownFile.relinked("no links](#", ids: ["": "e"]) == "no links](#")
        #expect(ReportMarkdownFile.relinked("[é] ](x) [ü](#ü) ](#)]", ids: ["ü": "u-2", "": "e"]) == "[é] ](x) [ü](#u-2) ](#e)]")
    }
}
