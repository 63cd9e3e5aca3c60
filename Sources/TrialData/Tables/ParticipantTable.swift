/// Sex as recorded in ADSL `SEX`.
public enum Sex: UInt8, Sendable, Hashable {
    case male
    case female
}

/// adsl.csv, one entry per participant, column by column. A participant is referred to by
/// its index `0..<count` everywhere after loading; missing numbers are `Double.nan`.
public struct ParticipantTable: Sendable {
    /// USUBJID: participant `i` has id `ids[i]`.
    public var ids: StringTable
    /// The arm labels of the plan; `arm[i]` indexes this list.
    public var arms: [String]
    /// ARM, as an index into `arms`.
    public var arm: [Int32]
    /// AGE, years at enrolment.
    public var age: [Double]
    /// AGEDX, years at diagnosis of type 1 diabetes.
    public var ageAtDiagnosis: [Double]
    /// SEX.
    public var sex: [Sex]
    /// BMI (kg/m²), or `nil` when the column is absent.
    public var bodyMassIndex: [Double]?
    /// DIABDUR, months of diabetes at enrolment, or `nil` when the column is absent.
    public var diabetesDuration: [Double]?
    /// MSCDOSE, total UC-MSC dose (10^6 cells/kg; missing for control), or `nil` when absent.
    public var cellDose: [Double]?
    /// LASTMO, month of last follow-up, or `nil` when the column is absent.
    public var lastFollowUpMonth: [Double]?
    /// Every other column of adsl.csv, in file order.
    public var extraColumns: [ExtraColumn]

    /// The number of participants.
    public var count: Int { arm.count }

    /// The index of the participant with this USUBJID, or `nil`.
    /// - Complexity: O(1) expected.
    public func index(of id: String) -> Int? { ids.index(of: id) }

    /// The extra column with this name, or `nil`.
    public func extraColumn(named name: String) -> ExtraColumn? {
        extraColumns.first { $0.name == name }
    }

    /// The numbers of any numeric ADSL column by its name in the file (`AGE`, `BMI`, an extra
    /// numeric column, …), or `nil` when there is no such numeric column.
    public func numbers(named name: String) -> [Double]? {
        switch name {
        case "AGE": age
        case "AGEDX": ageAtDiagnosis
        case "BMI": bodyMassIndex
        case "DIABDUR": diabetesDuration
        case "MSCDOSE": cellDose
        case "LASTMO": lastFollowUpMonth
        default:
            if case .numbers(let values)? = extraColumn(named: name)?.values { values } else { nil }
        }
    }
}

/// An ADSL column beyond those of SPEC.md, kept for the plan: numeric when every non-missing
/// cell is a number, text otherwise.
public struct ExtraColumn: Sendable {
    public enum Values: Sendable {
        /// One number per participant; `Double.nan` where missing.
        case numbers([Double])
        /// One code per participant indexing `levels`; `-1` where missing.
        case text(codes: [Int32], levels: StringTable)
    }

    /// The column name in adsl.csv.
    public var name: String
    public var values: Values
}
