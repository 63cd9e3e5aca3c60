import TrialData
import TrialStats

/// The plan's baseline characteristics table (`baseline`): each subject-level variable by arm and
/// in total, in the plan's analysis set, with the plan's test across the arms.
///
/// Tests use the arms with values and, for a categorical variable, the categories found (as R's
/// `table` of `factor`s does); a test that cannot be computed (one arm with values, constant
/// values, an exact test too large) leaves its p-value `nil` with a note.
struct BaselineCharacteristicsAnalysis {
    let plan: AnalysisPlan
    let participants: ParticipantTable

    /// The table, or `nil` when the plan has no `baseline`.
    /// - Complexity: O(*v* · *n* log *n*) for *v* variables and *n* participants.
    func run(_ log: inout NoteLog) -> BaselineCharacteristicsTable? {
        guard let table = plan.baseline else { return nil }
        let members = AnalysisSetMembers.byArm(of: table.set, plan: plan, participants: participants)
        let context = table.set ?? "all participants"
        let variables = table.variables.compactMap { variable -> BaselineCharacteristic? in
            guard let column = participants.column(named: variable.variable) else {
                log.record("\(variable.variable), \(context)", "not summarised: the subject-level data have no variable \(variable.variable)")
                return nil
            }
            let label = variable.label ?? (column.label.isEmpty ? variable.variable : column.label)
            switch variable.kind ?? (column.numbers == nil ? .categorical : .continuous) {
            case .continuous:
                guard let numbers = column.numbers else {
                    log.record("\(variable.variable), \(context)", "not summarised as continuous: \(variable.variable) holds text")
                    return nil
                }
                return continuous(variable, label: label, numbers, members, table.continuousTest, "\(variable.variable), \(context)", &log)
            case .categorical:
                return categorical(variable, label: label, column, members, table.categoricalTest, "\(variable.variable), \(context)", &log)
            }
        }
        let arms = zip(plan.arms.ordered, members).map { ArmSize(arm: $0, n: $1.count) }
        return BaselineCharacteristicsTable(set: table.set, arms: arms, total: members.reduce(0) { $0 + $1.count }, variables: variables)
    }

    private func continuous(_ variable: BaselineVariable, label: String, _ numbers: [Double], _ members: [[Int32]],
                            _ test: BaselineContinuousTest, _ context: String, _ log: inout NoteLog) -> BaselineCharacteristic {
        let samples = members.map { arm in Sample(arm.map { numbers[Int($0)] }.filter { !$0.isNaN }) }
        let summaries = zip(samples, members).map { sample, arm in
            BaselineSummary(n: sample.count, missing: arm.count - sample.count, descriptives: sample.descriptives, counts: [])
        }
        let total = Sample(merging: samples)
        let result = continuousTest(test, samples.filter { $0.count > 0 }.map(\.sorted), context, &log)
        return BaselineCharacteristic(
            variable: variable.variable, label: label, kind: .continuous, decimals: variable.decimals, levels: [],
            byArm: summaries, total: BaselineSummary(n: total.count, missing: summaries.reduce(0) { $0 + $1.missing },
                                                     descriptives: total.descriptives, counts: []),
            test: result.name, statistic: result.statistic, degreesOfFreedom: result.degreesOfFreedom,
            pValue: result.pValue, smallExpectedCounts: nil)
    }

    private func categorical(_ variable: BaselineVariable, label: String, _ column: DataColumn, _ members: [[Int32]],
                             _ test: BaselineCategoricalTest, _ context: String, _ log: inout NoteLog) -> BaselineCharacteristic {
        let orderBy = variable.orderBy.flatMap(participants.numbers(named:))
        let categories = BaselineCategories(column, levels: variable.levels, orderBy: orderBy)
        if !categories.unlisted.isEmpty {
            log.record(context, "categories not among the plan's levels, shown after them: " + categories.unlisted.joined(separator: ", "))
        }
        // counts[arm][category]
        let counts = members.map { arm in
            var counts = [Int](repeating: 0, count: categories.values.count)
            for participant in arm where categories.codes[Int(participant)] >= 0 { counts[Int(categories.codes[Int(participant)])] += 1 }
            return counts
        }
        func summary(_ counts: [Int], members: Int) -> BaselineSummary {
            let n = counts.reduce(0, +)
            return BaselineSummary(n: n, missing: members - n, descriptives: nil, counts: zip(categories.values, counts).map { value, count in
                LevelCount(level: value, n: count, proportion: n > 0 ? Double(count) / Double(n) : nil)
            })
        }
        let totals = categories.values.indices.map { category in counts.reduce(0) { $0 + $1[category] } }
        let labels = Dictionary((variable.levels ?? []).compactMap { level in level.label.map { (level.value, $0) } },
                                uniquingKeysWith: { first, _ in first })
        let result = categoricalTest(test, counts, context, &log)
        return BaselineCharacteristic(
            variable: variable.variable, label: label, kind: .categorical, decimals: variable.decimals,
            levels: categories.values.map { BaselineCategory(value: $0, label: labels[$0] ?? $0) },
            byArm: zip(counts, members).map { summary($0, members: $1.count) },
            total: summary(totals, members: members.reduce(0) { $0 + $1.count }),
            test: result.name, statistic: result.statistic, degreesOfFreedom: result.degreesOfFreedom,
            pValue: result.pValue, smallExpectedCounts: result.smallExpectedCounts)
    }
}

/// A test across arms as computed: its name, statistic, degrees of freedom and p-value.
private struct ComputedTest {
    var name: TestName?
    var statistic: Double?
    var degreesOfFreedom: [Double] = []
    var pValue: Double?
    var smallExpectedCounts: Bool?
}

extension BaselineCharacteristicsAnalysis {
    /// The plan's test of the non-empty arms' sorted values.
    private func continuousTest(_ test: BaselineContinuousTest, _ groups: [[Double]], _ context: String,
                                _ log: inout NoteLog) -> ComputedTest {
        switch test {
        case .none:
            return ComputedTest()
        case .anova:
            let result = log.attempt("one-way ANOVA", context) { try OneWayTest.anova(groups) }
            return ComputedTest(name: .oneWayANOVA, statistic: result?.statistic,
                                degreesOfFreedom: result.map { [$0.numeratorDegreesOfFreedom, $0.denominatorDegreesOfFreedom] } ?? [],
                                pValue: result?.pValue)
        case .kruskalWallis:
            let result = log.attempt("Kruskal–Wallis test", context) { try KruskalWallisTest(groups) }
            return ComputedTest(name: .kruskalWallis, statistic: result?.statistic,
                                degreesOfFreedom: result.map { [Double($0.degreesOfFreedom)] } ?? [], pValue: result?.pValue)
        }
    }

    /// The plan's test of the categories × arms table, without empty categories and arms.
    private func categoricalTest(_ test: BaselineCategoricalTest, _ counts: [[Int]], _ context: String,
                                 _ log: inout NoteLog) -> ComputedTest {
        let arms = counts.filter { $0.contains { $0 > 0 } }
        let categories = (arms.first?.indices ?? 0..<0).filter { category in arms.contains { $0[category] > 0 } }
        let table = categories.map { category in arms.map { $0[category] } }
        switch test {
        case .none:
            return ComputedTest()
        case .chiSquare:
            let result = log.attempt("chi-square test", context) {
                try ChiSquareTest(table.map { $0.map(Double.init) }, continuityCorrection: false)
            }
            if result?.hasSmallExpectedCounts == true {
                log.record(context, "chi-square test: an expected count is below 5; the approximation may be poor")
            }
            return ComputedTest(name: .chiSquare, statistic: result?.statistic,
                                degreesOfFreedom: result.map { [Double($0.degreesOfFreedom)] } ?? [],
                                pValue: result?.pValue, smallExpectedCounts: result?.hasSmallExpectedCounts)
        case .fisherExact:
            let name: TestName = table.count <= 2 && arms.count <= 2 ? .fisherExact : .fisherFreemanHalton
            guard table.count >= 2, arms.count >= 2 else {
                log.record(context, "\(name == .fisherExact ? "Fisher's exact" : "Fisher–Freeman–Halton") test: "
                    + "the test needs two categories and two arms with values")
                return ComputedTest(name: name)
            }
            let (usedChiSquare, pValue) = ExactContingencyTest.run(table, context: context, &log)
            return ComputedTest(name: usedChiSquare ? .chiSquare : name, pValue: pValue)
        }
    }
}

extension BaselineCharacteristicsTable {
    /// The plan's baseline characteristics table (`plan.baseline`) of a study's participants,
    /// with a note for each statistic that could not be computed (section `baselineCharacteristics`).
    /// - Returns: `nil` for the table when the plan has no `baseline`.
    /// - Complexity: O(*v* · *n* log *n*) for *v* variables and *n* participants.
    public static func analyse(_ plan: AnalysisPlan, participants: ParticipantTable) -> (table: BaselineCharacteristicsTable?, notes: [AnalysisNote]) {
        var log = NoteLog(section: "baselineCharacteristics")
        let table = BaselineCharacteristicsAnalysis(plan: plan, participants: participants).run(&log)
        return (table, log.notes)
    }
}
