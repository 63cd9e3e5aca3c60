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

    /// The rows are the participants with the longest total time without insulin, all their
    /// episodes summed, ties in the order of their first episode, longest at the top.
    @Test func swimmerRowsAreTheParticipantsWithTheLongestTotalTime() throws {
        var results = FigureSamples.large
        func episode(_ participant: Int, _ start: Double, _ months: Double?) -> InsulinIndependenceEpisode {
            InsulinIndependenceEpisode(usubjid: "P\(participant)", arm: FigureSamples.arms[participant % 2], startMonth: start,
                                       endMonth: months.map { start + $0 }, durationMonths: months, ongoing: false)
        }
        // P0–P39 with 10, 9.75, …, 0.25 months; then P7 again (11.55 in all), P30 again (8.75 in
        // all, as P5, who comes first), and P12 again without a duration.
        results.insulinIndependence?.episodes = (0..<40).map { episode($0, 0.5, Double(40 - $0) / 4) }
            + [episode(7, 10, 3.3), episode(30, 4, 6.25), episode(12, 11, nil)]
        var totals: [(participant: String, months: Double)] = [], position: [String: Int] = [:]
        for episode in try #require(results.insulinIndependence).episodes {
            guard let months = episode.durationMonths else { continue }
            if let known = position[episode.usubjid] {
                totals[known].months += months
            } else {
                position[episode.usubjid] = totals.count
                totals.append((episode.usubjid, months))
            }
        }
        let longest = totals.enumerated().sorted { left, right in
            left.element.months != right.element.months ? left.element.months > right.element.months : left.offset < right.offset
        }.prefix(InsulinIndependenceFigure.maximumRows).map(\.element.participant)
        #expect(Array(longest.prefix(9)) == ["P7", "P0", "P1", "P2", "P3", "P4", "P5", "P30", "P6"])
        let figure = TrialFigures(results: results, plan: FigureSamples.plan).build(.insulinIndependence)
        let drawn = try #require(figure.drawable as? Figure)
        let labels = drawn.layout(size: figure.canvas().size, measurer: PangoTextMeasurer()).panels[0].yTickLabels
        #expect(labels.sorted { $0.frame.minY < $1.frame.minY }.map(\.text.plainText) == longest)
        let texts = FigureFiles.texts(figure)
        #expect(texts.contains(Display.number(8.25 + 3.3, decimals: 1) + "\u{A0}mo"))
        #expect(texts.joined(separator: " ").contains("The 25 longest of 40 participants are shown."))
    }

    /// The rows kept as the totals are scanned are the first of the totals sorted longest first,
    /// ties by position: totals of few distinct values (many ties), and fewer totals than rows.
    @Test(arguments: [(2000, 7), (2000, 1000), (10, 7), (0, 7)])
    func theLongestKeptAsScannedAreTheFirstSorted(count: Int, distinct: Int) {
        let totals = (0..<count).map { Double($0 * 7919 % distinct) / 4 }
        let sorted = totals.indices.sorted { totals[$0] != totals[$1] ? totals[$0] > totals[$1] : $0 < $1 }
        #expect(InsulinIndependenceFigure.largest(totals, count: 25) == Array(sorted.prefix(25)))
    }

    @Test func swimmerRowsAreSortedByTimeWithoutInsulin() throws {
        let figure = Self.figures.build(.insulinIndependence)
        let durations = FigureFiles.texts(figure).filter { $0.hasSuffix("\u{A0}mo") }.compactMap { Double($0.dropLast(3)) }
        #expect(durations.count == InsulinIndependenceFigure.maximumRows)
        #expect(durations == durations.sorted(by: >))
    }
}
