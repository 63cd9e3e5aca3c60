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
}
