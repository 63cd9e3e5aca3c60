/// adlb.csv, one entry per measurement (BDS long format), column by column.
///
/// Parameters and visits are stored as indices into `parameterCodes` and `visits`, so that
/// analyses group by small integers (at most `distinctLimit` of each). Planned parameters come
/// first, in the plan's order, then any others in order of first appearance.
public struct MeasurementTable: Sendable {
    /// The participant (an index into `ParticipantTable`) of each measurement.
    public var participant: [Int32]
    /// PARAMCD, as an index into `parameterCodes`.
    public var parameter: [UInt16]
    /// AVISITN, as an index into `visits`.
    public var visit: [UInt16]
    /// AVAL; `Double.nan` where missing.
    public var value: [Double]
    /// The parameter codes: the plan's first, then codes the plan does not know.
    public var parameterCodes: StringTable
    /// How many of `parameterCodes` are the plan's (those come first).
    public var plannedParameterCount: Int
    /// The distinct AVISITN values, ascending.
    public var visits: [Double]

    /// A table; with no arguments, a study without measurements.
    public init(participant: [Int32] = [], parameter: [UInt16] = [], visit: [UInt16] = [], value: [Double] = [],
                parameterCodes: StringTable = StringTable(), plannedParameterCount: Int = 0, visits: [Double] = []) {
        self.participant = participant
        self.parameter = parameter
        self.visit = visit
        self.value = value
        self.parameterCodes = parameterCodes
        self.plannedParameterCount = plannedParameterCount
        self.visits = visits
    }

    /// The most distinct PARAMCD values, and the most distinct AVISITN values, a measurements
    /// file may have: their indices take two bytes a row each (at 19 million rows, 77 MB less
    /// than four). More is an error where the file is read.
    public static let distinctLimit = 1 << 16

    /// The number of measurements.
    public var count: Int { value.count }

    /// The index of a visit number in `visits`, or `nil` when no measurement has it.
    public func visitIndex(of visitNumber: Double) -> Int? {
        visits.firstIndex(of: visitNumber)
    }
}
