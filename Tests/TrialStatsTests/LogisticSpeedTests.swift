import Foundation
import Testing
import TrialStats

/// Run in a release build:
/// `TRIALSTATS_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --filter LogisticSpeedTests`
@Suite("Logistic regression speed (release build, opt-in)")
struct LogisticSpeedTests {
    /// A deterministic 1,000,000 × 5 design (SplitMix64) with a known logistic truth.
    private static func simulated(rows: Int) -> (response: [Double], covariates: [(name: String, values: [Double])]) {
        var state: UInt64 = 20_240_531
        func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        let truth = [-1.0, 0.5, -0.3, 0.8, 0.1, -0.6]
        var columns = [[Double]](repeating: [], count: 5)
        var response = [Double]()
        response.reserveCapacity(rows)
        for _ in 0..<rows {
            var eta = truth[0]
            for j in 0..<5 {
                let x = uniform() * 4 - 2
                columns[j].append(x)
                eta += truth[j + 1] * x
            }
            response.append(uniform() < 1 / (1 + exp(-eta)) ? 1 : 0)
        }
        return (response, columns.enumerated().map { ("x\($0.offset + 1)", $0.element) })
    }

    /// CPU time of this process, which a loaded machine inflates less than wall time.
    private static func processorSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test(
        "Maximum likelihood on 1,000,000 rows × 5 covariates takes under 0.5 s",
        .enabled(if: ProcessInfo.processInfo.environment["TRIALSTATS_BENCHMARK"] != nil))
    func millionRowsUnderHalfSecond() throws {
        let data = Self.simulated(rows: 1_000_000)
        let clock = ContinuousClock()
        let cpuBefore = Self.processorSeconds()
        var fit: LogisticFit?
        let elapsed = try clock.measure {
            fit = try LogisticModel(response: data.response, covariates: data.covariates).fitMaximumLikelihood()
        }
        let cpu = Self.processorSeconds() - cpuBefore
        print("logistic ML, 1,000,000 × 5 (checks + fit): \(elapsed) wall, \(cpu) s CPU, \(fit?.iterations ?? 0) iterations")
        #expect(fit?.converged == true)
        #expect(elapsed < .milliseconds(500))
    }
}

