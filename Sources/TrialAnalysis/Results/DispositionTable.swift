/// The disposition of the participants of the plan's `disposition` key: per arm and in total, who
/// completed, who discontinued and why (the pilot CSR's Table 14-1.02 "Summary of End of Study
/// Data"), with a test across the arms of each row.
public struct DispositionTable: Codable, Sendable, Equatable {
    /// The analysis set, or `nil` for every participant by planned arm.
    public var set: String?
    /// The subject-level variable that says who completed, e.g. `EOSSTT` or `COMP24FL`.
    public var statusVariable: String
    /// The subject-level variable of the reasons for discontinuation, or `nil` when none.
    public var reasonVariable: String?
    /// The participants of the set per arm (the denominators of the percentages), in the plan's arm order.
    public var arms: [ArmSize]
    /// The participants of the set in all arms.
    public var total: Int
    /// The participants who completed: status `Y` or `COMPLETED` (`value`).
    public var completed: DispositionRow
    /// The participants who discontinued: status `N` or `DISCONTINUED` (`value`).
    public var discontinued: DispositionRow
    /// Any other status found (e.g. `ONGOING`), one row each, sorted.
    public var otherStatuses: [DispositionRow]
    /// The participants of the set without a status.
    public var missingStatus: DispositionRow
    /// The participants who discontinued, by reason, in the plan's order (else sorted); empty
    /// without a reason variable.
    public var reasons: [DispositionRow]
    /// The participants who discontinued without a reason (when there is a reason variable).
    public var missingReason: DispositionRow?
    /// The test of the completed row and of each reason, or `nil` when the plan asks for none.
    public var test: TestName?

    /// A disposition table.
    public init(set: String?, statusVariable: String, reasonVariable: String?, arms: [ArmSize], total: Int,
                completed: DispositionRow, discontinued: DispositionRow, otherStatuses: [DispositionRow],
                missingStatus: DispositionRow, reasons: [DispositionRow], missingReason: DispositionRow?, test: TestName?) {
        self.set = set
        self.statusVariable = statusVariable
        self.reasonVariable = reasonVariable
        self.arms = arms
        self.total = total
        self.completed = completed
        self.discontinued = discontinued
        self.otherStatuses = otherStatuses
        self.missingStatus = missingStatus
        self.reasons = reasons
        self.missingReason = missingReason
        self.test = test
    }
}

/// One row of the disposition table: the participants of each arm on it.
public struct DispositionRow: Codable, Sendable, Equatable {
    /// The value of the status or reason variable counted, or `nil` for a row of missing values.
    public var value: String?
    /// The row label: the plan's, else the value.
    public var label: String
    /// The participants on the row per arm, in the plan's arm order.
    public var byArm: [Int]
    /// The participants on the row in all arms.
    public var total: Int
    /// The test across the arms of the participants on the row against the others with a status
    /// (`DispositionTable.test`), or `nil` when not tested (a note says why when it failed).
    public var pValue: Double?

    /// A row; a non-finite p-value becomes `nil`.
    public init(value: String?, label: String, byArm: [Int], pValue: Double? = nil) {
        self.value = value
        self.label = label
        self.byArm = byArm
        self.total = byArm.reduce(0, +)
        self.pValue = pValue.finite
    }
}
