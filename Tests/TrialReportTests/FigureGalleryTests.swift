import Foundation
import Plot
import Testing
import TrialAnalysis
@testable import TrialReport

/// Writes every figure as PNG for looking at, when `TRIAL_FIGURES_DIR` names a folder.
@Suite struct FigureGalleryTests {
    @Test func everyFigureIsWrittenForLookingAtWhenAskedTo() throws {
        guard let folder = ProcessInfo.processInfo.environment["TRIAL_FIGURES_DIR"] else { return }
        for (label, results) in [("example", FigureSamples.example), ("large", FigureSamples.large)] {
            let figures = TrialFigures(results: results, plan: FigureSamples.plan)
            let written = try figures.writeAll(to: URL(fileURLWithPath: folder).appendingPathComponent(label), formats: [.png, .pdf])
            #expect(!written.isEmpty)
        }
    }
}
