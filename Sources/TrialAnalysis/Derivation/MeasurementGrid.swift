import Dispatch
import TrialData

/// The plan's measurements as a dense grid: one value per parameter × visit × participant
/// (`Double.nan` where missing), with the baseline, change and percent change derived from it.
///
/// Parameters are the plan's, in plan order; visits are the plan's visits. Measurements at
/// visits the plan does not list, and of parameters it does not define, are not in the grid.
public struct MeasurementGrid: Sendable {
    /// The number of participants (the stride of the grid).
    public let participantCount: Int
    /// The plan's visits, ascending.
    public let visits: [Double]
    /// The position of the baseline visit in `visits`.
    public let baselineVisit: Int
    /// Values at `(parameter * visits.count + visit) * participantCount + participant`.
    private let values: [Double]

    /// The grid of `table`'s measurements of the plan's parameters at the plan's visits.
    ///
    /// - Complexity: O(*m* + *p* · *v* · *n*) for *m* measurements, *p* parameters, *v* visits,
    ///   *n* participants.
    public init(_ table: MeasurementTable, participantCount: Int, plan: AnalysisPlan) {
        self.participantCount = participantCount
        visits = plan.visits
        baselineVisit = plan.visits.firstIndex(of: plan.baselineVisit) ?? 0
        let parameterCount = plan.parameters.count
        let parameterIndex = (0..<table.parameterCodes.count).map { index in
            plan.parameters.firstIndex { $0.code == table.parameterCodes[index] } ?? -1
        }
        let visitIndex = table.visits.map { visit in plan.visits.firstIndex(of: visit) ?? -1 }
        var grid = Self.missingValues(count: parameterCount * plan.visits.count * participantCount)
        let visitCount = plan.visits.count
        grid.withUnsafeMutableBufferPointer { grid in
            for row in 0..<table.count {
                let parameter = parameterIndex[Int(table.parameter[row])]
                let visit = visitIndex[Int(table.visit[row])]
                guard parameter >= 0, visit >= 0 else { continue }
                grid[(parameter * visitCount + visit) * participantCount + Int(table.participant[row])] = table.value[row]
            }
        }
        values = grid
    }

    /// `count` NaNs. A large grid's pages are new to the process, and the kernel clears each one
    /// as it is first written (at 1,000,000 participants most of the grid's time): the cores
    /// write parts of 1 MiB, each taking the next as it is done (pages that come back from freed
    /// memory cost far less than new ones, so equal halves would not take equal times).
    private static func missingValues(count: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { values, initialized in
            let parts = max(1, count / (1 << 17))
            nonisolated(unsafe) let start = values.baseAddress
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let range = part * count / parts..<(part + 1) * count / parts
                start?.advanced(by: range.lowerBound).initialize(repeating: .nan, count: range.count)
            }
            initialized = count
        }
    }

    /// The value of a parameter at a visit (positions in the plan's lists); NaN when missing.
    @inline(__always)
    public func value(parameter: Int, visit: Int, participant: Int) -> Double {
        values[(parameter * visits.count + visit) * participantCount + participant]
    }

    /// Calls `body` with the values of a parameter at a visit and at baseline, each indexed by
    /// participant, without copying.
    public func withValues<Result>(parameter: Int, visit: Int,
                                   _ body: (_ atVisit: UnsafeBufferPointer<Double>, _ atBaseline: UnsafeBufferPointer<Double>) -> Result) -> Result {
        values.withUnsafeBufferPointer { all in
            let visitStart = (parameter * visits.count + visit) * participantCount
            let baselineStart = (parameter * visits.count + baselineVisit) * participantCount
            return body(UnsafeBufferPointer(rebasing: all[visitStart..<visitStart + participantCount]),
                        UnsafeBufferPointer(rebasing: all[baselineStart..<baselineStart + participantCount]))
        }
    }

    /// The baseline value of a parameter; NaN when missing.
    @inline(__always)
    public func baseline(parameter: Int, participant: Int) -> Double {
        value(parameter: parameter, visit: baselineVisit, participant: participant)
    }

    /// Value at the visit minus baseline; NaN when either is missing.
    @inline(__always)
    public func change(parameter: Int, visit: Int, participant: Int) -> Double {
        value(parameter: parameter, visit: visit, participant: participant) - baseline(parameter: parameter, participant: participant)
    }

    /// (value − baseline) / baseline × 100; NaN when either is missing or the baseline is 0.
    @inline(__always)
    public func percentChange(parameter: Int, visit: Int, participant: Int) -> Double {
        Self.percentChange(from: baseline(parameter: parameter, participant: participant),
                           to: value(parameter: parameter, visit: visit, participant: participant))
    }

    /// (value − baseline) / baseline × 100; NaN when either is missing or the baseline is 0
    /// (the percent change is then undefined, SPEC.md §2).
    @inline(__always)
    public static func percentChange(from baseline: Double, to value: Double) -> Double {
        baseline == 0 ? .nan : (value - baseline) / baseline * 100
    }

    /// Whether the participant has any value of any parameter at a visit at or after `month`.
    public func hasVisit(atOrAfter month: Double, participant: Int, parameterCount: Int) -> Bool {
        for visit in visits.indices where visits[visit] >= month {
            for parameter in 0..<parameterCount where !value(parameter: parameter, visit: visit, participant: participant).isNaN {
                return true
            }
        }
        return false
    }
}
