/// The subject-level file (adsl.csv), one entry per participant, column by column. A participant
/// is referred to by its index `0..<count` everywhere after loading.
public struct ParticipantTable: Sendable {
    /// USUBJID: participant `i` has id `ids[i]`.
    public var ids: StringTable
    /// The arm labels of the plan; `arm[i]` indexes this list.
    public var arms: [String]
    /// The arm, as an index into `arms`.
    public var arm: [Int32]
    /// Every other column of the file (AGE, SEX, …), in file order.
    public var columns: [DataColumn]

    /// A table of participants.
    public init(ids: StringTable, arms: [String], arm: [Int32], columns: [DataColumn]) {
        self.ids = ids
        self.arms = arms
        self.arm = arm
        self.columns = columns
    }

    /// The number of participants.
    public var count: Int { arm.count }

    /// The index of the participant with this USUBJID, or `nil`.
    /// - Complexity: O(1) expected.
    public func index(of id: String) -> Int? { ids.index(of: id) }

    /// The column with this name, or `nil`.
    /// - Complexity: O(*c*) for *c* columns.
    public func column(named name: String) -> DataColumn? {
        columns.first { $0.name == name }
    }

    /// The numbers of the numeric column with this name (`AGE`, `BMI`, …), or `nil` when there is
    /// no such numeric column.
    public func numbers(named name: String) -> [Double]? {
        column(named: name)?.numbers
    }
}
