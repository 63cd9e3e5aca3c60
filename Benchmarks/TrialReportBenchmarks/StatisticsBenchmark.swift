import Foundation
import TrialStats

/// The TrialStats speed cases of the statistics issue, each on deterministic data made before
/// timing (SplitMix64), run in a child process like the stages.
enum StatisticsBenchmark: String, CaseIterable {
    case logistic
    case rankSum = "rank-sum"
    case hodgesLehmann = "hodges-lehmann"
    case fisher
    case exactWilcoxon = "exact-wilcoxon"
    case ancova
    case mmrm

    /// What the results table calls it.
    var title: String {
        switch self {
        case .logistic: "logistic regression ML, 1,000,000 × 5"
        case .rankSum: "Wilcoxon rank-sum, 500,000 + 500,000"
        case .hodgesLehmann: "Hodges–Lehmann shift and 95% CI (normal), 500,000 + 500,000 distinct values"
        case .fisher: "Fisher exact 2×2, n = 100,000"
        case .exactWilcoxon: "exact Wilcoxon distribution, 49 + 49"
        case .ancova: "ANCOVA 1,000,000: 3 arms + 10 sites + baseline, F test, LS means"
        case .mmrm: "MMRM 1,000,000 × 5 visits: arm × visit + baseline × visit, unstructured, LS means"
        }
    }

    /// Data values per run, for throughput.
    var rows: Int {
        switch self {
        case .logistic, .rankSum, .hodgesLehmann, .ancova, .mmrm: 1_000_000
        case .fisher: 100_000
        case .exactWilcoxon: 98
        }
    }

    /// The target, in seconds.
    var targetSeconds: Double {
        switch self {
        case .logistic, .rankSum, .hodgesLehmann: 0.5
        case .fisher: 0.01
        case .exactWilcoxon: 0.05
        case .ancova, .mmrm: 2
        }
    }

    /// Prepares the data, warms up and prints each timed run's seconds on a line.
    func run(warmups: Int, repetitions: Int) throws {
        var random = SplitMix64(seed: 20_250_601)
        let timed: () throws -> Void
        switch self {
        case .logistic:
            let truth = [-1.0, 0.5, -0.3, 0.8, 0.1, -0.6]
            var columns = [[Double]](repeating: [], count: 5)
            var response: [Double] = []
            for _ in 0..<rows {
                var eta = truth[0]
                for column in columns.indices {
                    let x = random.uniform() * 4 - 2
                    columns[column].append(x)
                    eta += truth[column + 1] * x
                }
                response.append(random.uniform() < 1 / (1 + exp(-eta)) ? 1 : 0)
            }
            let covariates = columns.enumerated().map { (name: "x\($0.offset + 1)", values: $0.element) }
            timed = { _ = try LogisticModel(response: response, covariates: covariates).fitMaximumLikelihood() }
        case .rankSum:
            let x = (0..<rows / 2).map { _ in random.uniform() * 100 }
            let y = (0..<rows / 2).map { _ in random.uniform() * 100 + 0.5 }
            timed = { _ = try WilcoxonTest.rankSum(x, y) }
        case .hodgesLehmann:
            // R's three uniroot searches (~120 rank sums of x − d), as a percent change's samples need.
            let x = (0..<rows / 2).map { _ in random.uniform() * 100 }
            let y = (0..<rows / 2).map { _ in random.uniform() * 100 + 0.5 }
            timed = { _ = try LocationShift(x, y) }
        case .fisher:
            timed = { _ = try FisherExactTest(26_000, 24_000, 23_500, 26_500) }
        case .exactWilcoxon:
            timed = { _ = try WilcoxonRankSumDistribution(firstSize: 49, secondSize: 49) }
        case .ancova:
            let arms = ["0", "54", "81"], sites = (1...10).map { "site\($0)" }
            var arm: [String?] = [], site: [String?] = [], baseline: [Double] = [], change: [Double] = []
            for _ in 0..<rows {
                let a = Int(random.uniform() * 3), s = Int(random.uniform() * 10), base = 10 + random.uniform() * 40
                arm.append(arms[a])
                site.append(sites[s])
                baseline.append(base)
                change.append(2 - 0.5 * Double(a) + 0.1 * Double(s) - 0.02 * base + (random.uniform() - 0.5) * 10)
            }
            timed = {
                let frame = try ModelFrame(
                    response: change,
                    variables: ["TRT": .factor(arm, levels: arms), "SITE": .factor(site), "BASE": .numeric(baseline)],
                    terms: [ModelTerm("TRT"), ModelTerm("SITE"), ModelTerm("BASE")])
                let fit = try LinearFit(frame)
                _ = fit.dropOneTest(ModelTerm("TRT"))
                _ = try fit.leastSquaresMeans(of: "TRT", weights: .proportional).differences(against: "0")
            }
        case .mmrm:
            timed = try Self.mmrm(participants: rows, random: &random)
        }
        try printTimes(of: timed, warmups: warmups, repetitions: repetitions)
    }
}

extension StatisticsBenchmark {
    /// 5 visits, 3 arms, AR-like errors, 10% intermittent gaps and dropout: the frame (one pass
    /// over the participants), the REML fit and the LS means per visit with differences.
    static func mmrm(participants: Int, random: inout SplitMix64) throws -> () throws -> Void {
        let arms = ["0", "54", "81"], visits = (1...5).map { "Week \($0 * 4)" }
        var arm: [String?] = [], baseline: [Double] = []
        var responses = [[Double]](repeating: [], count: visits.count)
        for _ in 0..<participants {
            let a = Int(random.uniform() * 3), base = 10 + random.uniform() * 40
            arm.append(arms[a])
            baseline.append(base)
            let dropout = random.uniform() < 0.2 ? 1 + Int(random.uniform() * 4) : visits.count
            var error = 0.0
            for visit in visits.indices {
                error = 0.6 * error + (random.uniform() - 0.5) * 6
                let observed = visit < dropout && random.uniform() >= 0.1
                responses[visit].append(observed ? 1 - 0.3 * Double(a * visit) - 0.02 * base + error : .nan)
            }
        }
        return {
            let frame = try RepeatedMeasuresFrame(
                responses: responses, visits: visits,
                variables: ["TRT": .factor(arm, levels: arms), "BASE": .numeric(baseline)],
                terms: [ModelTerm("TRT"), ModelTerm("VISIT"), ModelTerm("BASE"), ModelTerm("TRT", "VISIT"), ModelTerm("VISIT", "BASE")])
            let fit = try RepeatedMeasuresFit(frame, structures: [.unstructured, .compoundSymmetry])
            _ = try fit.leastSquaresMeans(of: "TRT").differences(against: "0")
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small deterministic generator for benchmark data.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A uniform value in [0, 1) with 53 random bits.
    mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}
