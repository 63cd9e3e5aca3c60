/// An ADaM Basic Data Structure dataset (ADLB, ADQS, ADVS…): one record per participant,
/// parameter and analysis visit (and time point), column by column.
///
/// Parameters are indices into `parameterCodes`, in order of first appearance; the standard
/// variables the dataset does not have are `nil`.
public struct BDSTable: Sendable {
    /// The dataset's file inside the study folder, e.g. `data/adlbc.xpt`.
    public var file: String
    /// The participant (an index into `ParticipantTable`) of each record.
    public var participant: [Int32] = []
    /// PARAMCD, as an index into `parameterCodes`.
    public var parameter: [Int32] = []
    /// AVISITN; `Double.nan` where missing.
    public var visitNumber: [Double] = []
    /// AVAL; `Double.nan` where missing.
    public var value: [Double] = []
    /// Whether ABLFL is `Y`: the record is the baseline of its participant and parameter.
    public var isBaseline: [Bool] = []
    /// BASE, when the dataset has it; `Double.nan` where missing.
    public var base: [Double]?
    /// CHG, when the dataset has it.
    public var change: [Double]?
    /// PCHG, when the dataset has it.
    public var percentChange: [Double]?
    /// ATPTN (the time point within a visit), when the dataset has it.
    public var timePoint: [Double]?
    /// Each analysis flag the dataset has (ANL01FL, ANL02FL, …) by name: whether it is `Y` in each record.
    public var analysisFlags: [String: [Bool]] = [:]
    /// DTYPE (how a record was derived, e.g. `LOCF`), or `nil` for an observed record; `nil`
    /// throughout when the dataset has no DTYPE.
    public var derivationType: [String?]?
    /// The distinct PARAMCD values, in order of first appearance.
    public var parameterCodes = StringTable()
    /// Each parameter's PARAM (its description, e.g. "Adas-Cog(11) Subscore"), or `""`.
    public var parameterLabels: [String] = []
    /// Each parameter's unit: AVALU, else the text in brackets ending PARAM ("Sodium (mmol/L)"), or `""`.
    public var units: [String] = []
    /// The distinct visits, ascending by AVISITN, each with its AVISIT label (or `""`).
    public var visits: [(number: Double, label: String)] = []

    /// An empty table of `file`.
    public init(file: String) {
        self.file = file
    }

    /// The number of records.
    public var count: Int { value.count }

    /// Makes room in the record columns for `count` records.
    public mutating func reserveCapacity(_ count: Int) {
        participant.reserveCapacity(count)
        parameter.reserveCapacity(count)
        visitNumber.reserveCapacity(count)
        value.reserveCapacity(count)
        isBaseline.reserveCapacity(count)
    }
}
