/// How many rows were written to each file (headers excluded).
public struct SimulationSummary: Sendable, Hashable {
    /// Rows of adsl.csv.
    public var participants = 0
    /// Rows of adlb.csv.
    public var measurements = 0
    /// Rows of adae.csv.
    public var adverseEvents = 0
    /// Rows of adii.csv.
    public var insulinFreeEpisodes = 0

    public init() {}

    static func += (total: inout Self, part: Self) {
        total.participants += part.participants
        total.measurements += part.measurements
        total.adverseEvents += part.adverseEvents
        total.insulinFreeEpisodes += part.insulinFreeEpisodes
    }
}
