import Testing
@testable import TrialStats

/// The vector scans agree with a loop over every value, wherever the value that decides lies:
/// in the vectors or in the last few looked at one by one.
@Suite("Sample scans")
struct SampleScanTests {
    static let lengths = Array(0...40) + [63, 64, 65, 1_000]

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func firstNonFiniteIsTheLoopsAnswer(bad: Double) {
        for length in Self.lengths {
            let finite = (0..<length).map { Double($0) * 0.5 - 7 }
            #expect(SampleScan.firstNonFinite(finite) == nil, "n = \(length)")
            for position in 0..<length {
                var values = finite
                values[position] = bad
                if position + 3 < length { values[position + 3] = .nan }
                #expect(SampleScan.firstNonFinite(values) == position, "n = \(length), at \(position)")
            }
        }
    }

    @Test func ascendingIsTheLoopsAnswer() {
        for length in Self.lengths {
            // Ties, −0 before +0, and +0 before −0 (equal: ascending either way).
            let sorted = (0..<length).map { Double($0 / 3) - 4 }
            #expect(SampleScan.isAscending(sorted), "n = \(length)")
            #expect(SampleScan.isAscending([-0.0, 0.0] + sorted.filter { $0 > 0 }) && SampleScan.isAscending([0.0, -0.0]))
            for position in 1..<Swift.max(1, length) {
                var values = sorted
                values[position] = values[position - 1] - 0.25  // one step down
                #expect(!SampleScan.isAscending(values), "n = \(length), at \(position)")
                values[position] = .nan
                #expect(!SampleScan.isAscending(values), "n = \(length), NaN at \(position)")
            }
        }
    }

    /// The distinct values of sorted samples with every pattern of ties: each value repeated a
    /// fixed number of times, and each position in turn made equal to the one before.
    @Test func distinctCountIsTheLoopsAnswer() {
        let loop = Self.distinctCount
        for length in Self.lengths {
            for repeats in [1, 2, 3, 8, 9] {
                let sorted = (0..<length).map { Double($0 / repeats) * 0.5 - 3 }
                #expect(SampleScan.survey(sorted).distinctCount == loop(sorted), "n = \(length), runs of \(repeats)")
            }
            let distinct = (0..<length).map { Double($0) }
            for position in 1..<Swift.max(1, length) {
                var values = distinct
                values[position] = values[position - 1]
                #expect(SampleScan.survey(values).distinctCount == length - 1, "n = \(length), tie at \(position)")
            }
        }
        // −0 and +0 are one value.
        #expect(SampleScan.survey([-1, -0.0, 0.0, -0.0, 0.0, 2]).distinctCount == 3)
    }

    /// The distinct values of a sorted sample by a loop over every value.
    static func distinctCount(_ values: [Double]) -> Int {
        values.isEmpty ? 0 : 1 + values.indices.dropFirst().filter { values[$0] != values[$0 - 1] }.count
    }

    /// One pass's survey agrees with the two scans and the loop's distinct count, wherever a non-finite value, a step down
    /// or a tie lies.
    @Test func surveyIsTheScansAnswers() {
        func expected(_ values: [Double]) -> SampleScan.Survey {
            let ascending = SampleScan.isAscending(values)
            return SampleScan.Survey(allFinite: SampleScan.firstNonFinite(values) == nil, ascending: ascending,
                                     distinctCount: ascending ? Self.distinctCount(values) : 0)
        }
        for length in Self.lengths {
            let sorted = (0..<length).map { Double($0 / 3) - 4 }
            #expect(SampleScan.survey(sorted) == expected(sorted), "n = \(length)")
            for position in 0..<length {
                for bad in [Double.nan, .infinity, -.infinity, -100, sorted[position]] {
                    var values = sorted
                    values[position] = bad
                    #expect(SampleScan.survey(values) == expected(values), "n = \(length), \(bad) at \(position)")
                }
            }
        }
        #expect(SampleScan.survey([-0.0, 0.0, -0.0, 1]) == SampleScan.Survey(allFinite: true, ascending: true, distinctCount: 2))
    }
}
