/// adlb.csv, one entry per measurement (BDS long format), column by column.
///
/// Parameters and visits are stored as indices into `parameterCodes` and `visits`, so that
/// analyses group by small integers. Planned parameters come first, in the plan's order,
/// then any others in order of first appearance.
public struct MeasurementTable: Sendable {
    /// The participant (an index into `ParticipantTable`) of each measurement.
    public var participant: [Int32]
    /// PARAMCD, as an index into `parameterCodes`.
    public var parameter: [Int32]
    /// AVISITN, as an index into `visits`.
    public var visit: [Int32]
    /// AVAL; `Double.nan` where missing.
    public var value: [Double]
    /// The parameter codes: the plan's first, then codes the plan does not know.
    public var parameterCodes: StringTable
    /// How many of `parameterCodes` are the plan's (those come first).
    public var plannedParameterCount: Int
    /// The distinct AVISITN values, ascending.
    public var visits: [Double]

    /// A table; with no arguments, a study without measurements.
    public init(participant: [Int32] = [], parameter: [Int32] = [], visit: [Int32] = [], value: [Double] = [],
                parameterCodes: StringTable = StringTable(), plannedParameterCount: Int = 0, visits: [Double] = []) {
        self.participant = participant
        self.parameter = parameter
        self.visit = visit
        self.value = value
        self.parameterCodes = parameterCodes
        self.plannedParameterCount = plannedParameterCount
        self.visits = visits
    }

    /// The number of measurements.
    public var count: Int { value.count }

    /// The index of a visit number in `visits`, or `nil` when no measurement has it.
    public func visitIndex(of visitNumber: Double) -> Int? {
        visits.firstIndex(of: visitNumber)
    }
}
