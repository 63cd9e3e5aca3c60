import Foundation
import Testing
import TrialAnalysis

/// The plan's `figureStyle` section: the journal preset, panel letters and where the figures' notes
/// go, read with locations and written back in the canonical YAML.
@Suite struct PlanFigureStyleTests {
    @Test func readsEveryKey() throws {
        let plan = try AnalysisPlan.load(yaml: """
            figureStyle:
              preset: nature
              panelLetters: true
              notes: caption
            """).plan
        #expect(plan.figureStyle == FigureStyle(preset: .nature, panelLetters: true, notes: .caption))
    }

    @Test func absentOrEmptyKeepsTheDefaults() throws {
        #expect(try AnalysisPlan.load(yaml: "title: T\n").plan.figureStyle == FigureStyle())
        #expect(try AnalysisPlan.load(yaml: "figureStyle: {}\n").plan.figureStyle
            == FigureStyle(preset: .default, panelLetters: false, notes: .image))
    }

    @Test func roundTripsThroughTheCanonicalYAMLAndIsLeftOutWhenDefault() throws {
        let plan = try AnalysisPlan.load(yaml: "figureStyle: {preset: bmc}\n").plan
        #expect(plan.canonicalYAML.hasSuffix("""
            figureStyle:
              preset: bmc
              panelLetters: false
              notes: image

            """))
        #expect(try AnalysisPlan.load(yaml: plan.canonicalYAML).plan == plan)
        #expect(!AnalysisPlan().canonicalYAML.contains("figureStyle"))
    }

    @Test func everyMistakeAtItsLine() {
        #expect(planDiagnostics("figureStyle:\n  preset: lancet\n  panelLetter: true\n  notes: legend\n") == [
            "error: study.yaml:2:11: figureStyle.preset: expected one of 'default', 'bmc', 'nature', got \"lancet\"",
            "error: study.yaml:3:3: figureStyle: unknown key 'panelLetter'; did you mean 'panelLetters'?",
            "error: study.yaml:4:10: figureStyle.notes: expected one of 'image', 'caption', got \"legend\"",
        ])
        #expect(planDiagnostics("figureStyle: {panelLetters: yes please}\n")
            == ["error: study.yaml:1:29: figureStyle.panelLetters: expected true or false, got \"yes please\""])
        #expect(planDiagnostics("figurestyle: {}\n") == ["error: study.yaml:1:1: unknown key 'figurestyle'; did you mean 'figureStyle'?"])
    }
}
