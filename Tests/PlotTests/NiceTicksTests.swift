import Foundation
import Plot
import Testing

@Suite struct NiceTicksTests {
    @Test(arguments: PlotReference.shared.ticks.indices)
    func extendedTicksMatchRLabelingPackage(index: Int) {
        let reference = PlotReference.shared.ticks[index]
        let ticks = NiceTicks.extended(lower: reference.lower, upper: reference.upper, target: reference.target)
        #expect(ticks.count == reference.ticks.count, "range \(reference.lower)…\(reference.upper), m = \(reference.target)")
        for (tick, expected) in zip(ticks, reference.ticks) {
            #expect(abs(tick - expected) <= 1e-9 * max(1, abs(expected)), "got \(ticks), R gives \(reference.ticks)")
        }
    }

    @Test func singleValueRangeIsWidenedAroundTheValue() {
        let ticks = NiceTicks.extended(lower: 5, upper: 5)
        #expect(ticks.count >= 3)
        #expect(ticks.first! <= 5 && ticks.last! >= 5)
    }

    @Test func zeroOnlyRangeGetsTicksAroundZero() {
        let ticks = NiceTicks.extended(lower: 0, upper: 0)
        #expect(ticks.contains(0))
        #expect(ticks.first! < 0 && ticks.last! > 0)
    }

    @Test func ticksAreRoundedToTheStepDecimals() {
        // 0.1 + 0.2 must print as 0.3: ticks carry no floating-point residue.
        for tick in NiceTicks.extended(lower: 0.13, upper: 0.87, target: 7) {
            #expect(tick == NumberText.rounded(tick, decimals: 2))
        }
    }

    @Test func ticksIncreaseWithEvenSteps() {
        for (lower, upper) in [(-3.7, 12.2), (0.001, 0.0093), (-250.0, 1750.0), (97.3, 102.1)] {
            let ticks = NiceTicks.extended(lower: lower, upper: upper)
            let steps = zip(ticks, ticks.dropFirst()).map { $1 - $0 }
            #expect(steps.allSatisfy { abs($0 - steps[0]) < 1e-9 * abs(steps[0]) + 1e-12 && $0 > 0 })
        }
    }

    @Test func nonFiniteRangeGivesNoTicks() {
        #expect(NiceTicks.extended(lower: .nan, upper: 1).isEmpty)
        #expect(NiceTicks.extended(lower: 0, upper: .infinity).isEmpty)
    }
}

@Suite struct LogTicksTests {
    @Test func oddsRatioRangeGetsOneTwoFiveTicks() {
        #expect(LogTicks.ticks(lower: 0.1, upper: 10) == [0.1, 0.2, 0.5, 1, 2, 5, 10])
    }

    @Test func narrowRangeKeepsOneTwoFiveWithinIt() {
        #expect(LogTicks.ticks(lower: 0.3, upper: 3.5) == [0.5, 1, 2])
    }

    @Test func wideRangeThinsToDecades() {
        let ticks = LogTicks.ticks(lower: 1e-3, upper: 1e5)
        #expect(ticks.count <= 8 && ticks.count >= 3)
        #expect(ticks.allSatisfy { value in let e = log10(value); return abs(e - e.rounded()) < 1e-9 })
        #expect(ticks.contains(1))
    }

    @Test func rangeWithinOneDecadeFallsBackToLinearTicks() {
        let ticks = LogTicks.ticks(lower: 1.2, upper: 1.9)
        #expect(ticks.count >= 2)
        #expect(ticks.allSatisfy { $0 >= 1.2 && $0 <= 1.9 })
    }

    @Test func nonPositiveBoundsGiveNoTicks() {
        #expect(LogTicks.ticks(lower: 0, upper: 10).isEmpty)
    }
}

@Suite struct TickFormatterTests {
    @Test func linearLabelsShareTheirDecimals() {
        let labels = TickFormatter.linearLabels([0, 0.25, 0.5, 0.75, 1]).map(\.plainText)
        #expect(labels == ["0.00", "0.25", "0.50", "0.75", "1.00"])
    }

    @Test func wholeNumberTicksHaveNoDecimals() {
        #expect(TickFormatter.linearLabels([-4, 0, 4, 8, 12]).map(\.plainText) == ["\u{2212}4", "0", "4", "8", "12"])
    }

    @Test func negativeValuesUseTheMinusSign() {
        #expect(NumberText.fixed(-0.5, decimals: 1) == "\u{2212}0.5")
        #expect(NumberText.fixed(-0.0001, decimals: 1) == "0.0")
    }

    @Test func logLabelsArePlainDecimalsForOddsRatios() {
        #expect(TickFormatter.logLabels([0.1, 0.2, 0.5, 1, 2, 5, 10]).map(\.plainText)
            == ["0.1", "0.2", "0.5", "1", "2", "5", "10"])
    }

    @Test func logLabelsUsePowersOfTenForWideRanges() {
        let labels = TickFormatter.logLabels([1e-4, 1, 1e4, 1e8])
        #expect(labels[0].runs.last == RichText.Run("\u{2212}4", style: .superscript))
        #expect(labels[3].plainText == "108")
    }

    @Test func givenTicksBeyondTheLimitsAreLeftOutWithTheirLabels() {
        let scale = Scale.linear("y", limits: 0...90, ticks: [0, 20, 40, 60, 80, 100],
                                 tickLabels: ["0", "20", "40", "60", "80", "100"])
        let resolved = ResolvedScale(scale: scale, coordinates: [], targetTickCount: 5, axis: .y)
        #expect(resolved.tickLabels.map(\.plainText) == ["0", "20", "40", "60", "80"])
        #expect(resolved.tickFractions.allSatisfy { (0...1).contains($0) })
    }
}
