import TrialData
import TrialStats

/// The plan's disposition table (`disposition`): the participants of its set who completed,
/// discontinued (and why) or have another or no status, per arm and in total, with Fisher's exact
/// test across the arms of completion and of each reason.
///
/// The status is a completion flag (every value `Y`, `N` or blank: `Y` completed, `N`
/// discontinued) or an end-of-study status (`COMPLETED`, `DISCONTINUED`, others on rows of their
/// own). A row's test compares, across the arms, the participants on it with the others who have a
/// status (R: `fisher.test` of the 2 × k table).
struct DispositionAnalysis {
    let plan: AnalysisPlan
    let participants: ParticipantTable

    /// The table, or `nil` when the plan has no `disposition` or the data lack its status variable
    /// (with a note).
    /// - Complexity: O(*n* + *r* log *r*) for *n* participants and *r* reasons.
    func run(_ log: inout NoteLog) -> DispositionTable? {
        guard let disposition = plan.disposition else { return nil }
        guard let statusVariable = disposition.statusVariable(in: participants),
              let statusColumn = participants.column(named: statusVariable) else {
            log.record("disposition", "not tabulated: the subject-level data have no \(disposition.status ?? DispositionPlan.defaultStatus)")
            return nil
        }
        let members = AnalysisSetMembers.byArm(of: disposition.set, plan: plan, participants: participants)
        let statuses = Set(members.joined().compactMap { statusColumn.text(at: Int($0)) }.filter { !$0.isEmpty })
        let isFlag = statuses.isSubset(of: ["Y", "N"])
        let completedValue = isFlag ? "Y" : "COMPLETED", discontinuedValue = isFlag ? "N" : "DISCONTINUED"
        let others = statuses.subtracting([completedValue, discontinuedValue]).sorted()

        func status(_ participant: Int32) -> String? {
            statusColumn.text(at: Int(participant)).flatMap { $0.isEmpty ? nil : $0 }
        }
        func counts(_ isOnRow: (Int32) -> Bool) -> [Int] {
            members.map { arm in arm.reduce(0) { $0 + (isOnRow($1) ? 1 : 0) } }
        }
        let withStatus = counts { status($0) != nil }
        func row(_ value: String?, _ label: String, tested: Bool, _ isOnRow: (Int32) -> Bool) -> DispositionRow {
            let byArm = counts(isOnRow)
            let pValue = tested && disposition.test == .fisherExact
                ? log.attempt("Fisher's exact test", "disposition, \(label)") {
                    try FisherFreemanHaltonTest([byArm, zip(withStatus, byArm).map { $0 - $1 }]).pValue
                } : nil
            return DispositionRow(value: value, label: label, byArm: byArm, pValue: pValue)
        }

        var reasons: [DispositionRow] = []
        var missingReason: DispositionRow?
        let reasonVariable = disposition.reasonVariable(in: participants)
        if let reasonVariable, let reasonColumn = participants.column(named: reasonVariable) {
            let categories = BaselineCategories(reasonColumn, levels: disposition.reasons, orderBy: nil)
            let labels = Dictionary((disposition.reasons ?? []).compactMap { level in level.label.map { (level.value, $0) } },
                                    uniquingKeysWith: { first, _ in first })
            let discontinued = { (participant: Int32) in status(participant) == discontinuedValue }
            reasons = categories.values.enumerated().map { index, value in
                row(value, labels[value] ?? value, tested: true) { discontinued($0) && categories.codes[Int($0)] == Int32(index) }
            }
            missingReason = row(nil, "Missing", tested: false) { discontinued($0) && categories.codes[Int($0)] < 0 }
        }
        let arms = zip(plan.arms.ordered, members).map { ArmSize(arm: $0, n: $1.count) }
        return DispositionTable(
            set: disposition.set, statusVariable: statusVariable, reasonVariable: reasonVariable,
            arms: arms, total: members.reduce(0) { $0 + $1.count },
            completed: row(completedValue, disposition.completedLabel, tested: true) { status($0) == completedValue },
            discontinued: row(discontinuedValue, disposition.discontinuedLabel, tested: false) { status($0) == discontinuedValue },
            otherStatuses: others.map { value in row(value, value, tested: false) { status($0) == value } },
            missingStatus: row(nil, "Missing", tested: false) { status($0) == nil },
            reasons: reasons, missingReason: missingReason,
            test: disposition.test == .fisherExact ? (members.count > 2 ? .fisherFreemanHalton : .fisherExact) : nil)
    }
}

extension DispositionTable {
    /// The plan's disposition table (`plan.disposition`) of a study's participants, with a note for
    /// each statistic that could not be computed (section `disposition`).
    /// - Returns: `nil` for the table when the plan has no `disposition`.
    /// - Complexity: O(*n* + *r* log *r*) for *n* participants and *r* reasons.
    public static func analyse(_ plan: AnalysisPlan, participants: ParticipantTable) -> (table: DispositionTable?, notes: [AnalysisNote]) {
        var log = NoteLog(section: "disposition")
        let table = DispositionAnalysis(plan: plan, participants: participants).run(&log)
        return (table, log.notes)
    }
}
