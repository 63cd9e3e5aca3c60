import Foundation
import Plot
import Testing
import TrialAnalysis
@testable import TrialReport

/// Figures of 1,000,000-participant-like results: summaries, not a million marks.
@Suite struct FigureLargeDataTests {
    static let figures = TrialFigures(results: FigureSamples.large, plan: FigureSamples.plan)

    @Test(arguments: FigureName.seedStudy)
    func everyFileStaysUnderTwoMegabytes(name: FigureName) throws {
        let figure = Self.figures.build(name)
        for format in OutputFormat.allCases {
            let bytes = try figure.render(as: format)
            #expect(bytes.count < 2_000_000, "\(name.rawValue).\(format.rawValue): \(bytes.count) bytes")
        }
    }

    /// The rows of a figure's first panel (its y categories).
    static func rows(_ name: FigureName) throws -> Int {
        let figure = Self.figures.build(name)
        let drawn = try #require(figure.drawable as? Figure)
        return drawn.layout(size: figure.canvas().size, measurer: PangoTextMeasurer()).panels[0].yTickLabels.count
    }

    @Test func adverseEventPlotShowsTheMostFrequentTermsAndSaysHowMany() throws {
        #expect(try Self.rows(.adverseEvents) == AdverseEventsFigure.maximumTerms)
        let texts = FigureFiles.texts(Self.figures.build(.adverseEvents)).joined(separator: " ")
        #expect(texts.contains("The 25 most frequent of 300 terms are shown."))
    }

    @Test func swimmerPlotShowsTheLongestParticipantsAndSaysHowMany() throws {
        #expect(try Self.rows(.insulinIndependence) == InsulinIndependenceFigure.maximumRows)
        let texts = FigureFiles.texts(Self.figures.build(.insulinIndependence)).joined(separator: " ")
        #expect(texts.contains("The 25 longest of 3600 participants are shown."))
    }

    @Test func swimmerRowsAreSortedByTimeWithoutInsulin() throws {
        let figure = Self.figures.build(.insulinIndependence)
        let durations = FigureFiles.texts(figure).filter { $0.hasSuffix("\u{A0}mo") }.compactMap { Double($0.dropLast(3)) }
        #expect(durations.count == InsulinIndependenceFigure.maximumRows)
        #expect(durations == durations.sorted(by: >))
    }
}
