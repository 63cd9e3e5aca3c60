import Foundation
import Testing
import TrialAnalysis

/// The plan's `figureFormats` and `figureDpi`: the figure files `figures` and `render` write,
/// read with locations and written back in the canonical YAML when changed.
@Suite struct PlanFigureFilesTests {
    @Test func readsBothKeys() throws {
        let plan = try AnalysisPlan.load(yaml: "figureFormats: [pdf, tiff, eps]\nfigureDpi: 600\n").plan
        #expect(plan.figureFormats == [.pdf, .tiff, .eps])
        #expect(plan.figureDpi == 600)
    }

    @Test func absentKeepsPDFSVGAndPNGAt300Dpi() throws {
        let plan = try AnalysisPlan.load(yaml: "title: T\n").plan
        #expect(plan.figureFormats == [.pdf, .svg, .png] && plan.figureDpi == 300)
    }

    @Test func roundTripsThroughTheCanonicalYAMLAndIsLeftOutWhenDefault() throws {
        let plan = try AnalysisPlan.load(yaml: "figureDpi: 1200\nfigureFormats: [tiff, png]\n").plan
        #expect(plan.canonicalYAML.hasSuffix("figureFormats: [tiff, png]\nfigureDpi: 1200\n"))
        #expect(try AnalysisPlan.load(yaml: plan.canonicalYAML).plan == plan)
        #expect(!AnalysisPlan().canonicalYAML.contains("figure" + "Formats"))
        #expect(!AnalysisPlan().canonicalYAML.contains("figureDpi"))
    }

    @Test func everyMistakeAtItsLine() {
        #expect(planDiagnostics("figureFormats: [pdf, gif, pdf]\nfigureDpi: 2400\n") == [
            "error: study.yaml:1:22: figureFormats[1]: expected one of 'pdf', 'svg', 'png', 'tiff', 'eps', got \"gif\"",
            "error: study.yaml:1:27: figureFormats[2]: format 'pdf' is listed twice",
            "error: study.yaml:2:12: figureDpi: expected a resolution from 72 to 1200 dots per inch, got 2400",
        ])
        #expect(planDiagnostics("figureFormats: []\nfigureDpi: high\n") == [
            "error: study.yaml:1:16: figureFormats: at least one format is needed",
            "error: study.yaml:2:12: figureDpi: expected a number, got \"high\"",
        ])
        #expect(planDiagnostics("figuredpi: 300\n") == ["error: study.yaml:1:1: unknown key 'figuredpi'; did you mean 'figureDpi'?"])
    }
}
