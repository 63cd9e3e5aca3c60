/// Each participant's remission status by the plan's rule (SPEC.md §2), with what the
/// missing-data rule and undefined percent changes did.
public struct RemissionFlags: Sendable {
    /// One participant's remission status.
    public enum Status: Int8, Sendable {
        /// Dropped by `completeCase` (a remission parameter missing at baseline or the primary visit).
        case excluded = -1
        /// Not in remission.
        case nonResponder = 0
        /// In remission.
        case responder = 1
    }

    /// The status of each participant.
    public let status: [Status]
    /// Participants counted as non-responders by `nonResponder` with a remission value missing.
    public let missingCountedAsNonResponder: [Bool]
    /// Participants without a baseline value of at least one remission parameter (whatever the
    /// missing-data rule then did with them).
    public let missingBaseline: [Bool]
    /// Per participant, the remission parameters with a baseline of 0 (percent change undefined)
    /// and a primary-visit value, among participants not excluded.
    public let undefinedPercentChanges: [UInt8]

    /// Derives every participant's remission status.
    ///
    /// A parameter meets the rule when its percent change from baseline to the primary visit is at
    /// least `minPercentIncrease − 1e-9` (so exactly 10 % counts despite rounding). A parameter
    /// with a missing baseline or primary-visit value, or a baseline of 0, does not meet it. The
    /// rule `any` needs one parameter to meet it, `all` every one. With `completeCase` a
    /// participant missing any remission value at baseline or the primary visit is excluded.
    /// A missing baseline is treated as a missing primary-visit value is, and flagged.
    ///
    /// - Parameters:
    ///   - grid: the measurements.
    ///   - parameters: the positions of the remission parameters among the plan's parameters.
    ///   - primaryVisit: the position of the primary visit among the plan's visits.
    /// - Complexity: O(*n* · *k*) for *k* remission parameters.
    public init(rule: RemissionRule, grid: MeasurementGrid, parameters: [Int], primaryVisit: Int) {
        let threshold = rule.minPercentIncrease - RemissionRule.tolerance
        let count = grid.participantCount
        var status = [Status](repeating: .nonResponder, count: count)
        var missingCounted = [Bool](repeating: false, count: count)
        var missingBaseline = [Bool](repeating: false, count: count)
        var undefined = [UInt8](repeating: 0, count: count)
        for participant in 0..<count {
            var met = 0, missing = 0, zeroBaselines: UInt8 = 0
            for parameter in parameters {
                let baseline = grid.baseline(parameter: parameter, participant: participant)
                let value = grid.value(parameter: parameter, visit: primaryVisit, participant: participant)
                if baseline.isNaN { missingBaseline[participant] = true }
                if baseline.isNaN || value.isNaN {
                    missing += 1
                } else if baseline == 0 {
                    zeroBaselines += 1
                } else if MeasurementGrid.percentChange(from: baseline, to: value) >= threshold {
                    met += 1
                }
            }
            if missing > 0, rule.missing == .completeCase {
                status[participant] = .excluded
                continue
            }
            let isResponder = rule.rule == .any ? met > 0 : met == parameters.count
            status[participant] = isResponder ? .responder : .nonResponder
            missingCounted[participant] = !isResponder && missing > 0
            undefined[participant] = zeroBaselines
        }
        self.status = status
        missingCountedAsNonResponder = missingCounted
        self.missingBaseline = missingBaseline
        undefinedPercentChanges = undefined
    }
}
