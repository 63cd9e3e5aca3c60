/// What the figures draw that is not elsewhere in the results, computed by the analysis so that
/// rendering never computes statistics: trajectories over visits and percent-change distributions.
public struct FigureData: Codable, Sendable, Equatable {
    /// One per parameter × (all participants, each subgroup level), in plan order.
    public var trajectories: [Trajectory]
    /// One per remission parameter × (all participants, each subgroup level), at the primary visit.
    public var percentChangeDistributions: [PercentChangeDistribution]

    /// Figure data.
    public init(trajectories: [Trajectory], percentChangeDistributions: [PercentChangeDistribution]) {
        self.trajectories = trajectories
        self.percentChangeDistributions = percentChangeDistributions
    }

    /// No figure data.
    public static let empty = FigureData(trajectories: [], percentChangeDistributions: [])
}

/// The mean ± SEM of a parameter at every visit (baseline included), per arm, in one population.
public struct Trajectory: Codable, Sendable, Equatable {
    /// The `PARAMCD`.
    public var parameter: String
    /// The subgroup's name, or `nil` for all participants.
    public var subgroup: String?
    /// The subgroup level, or `nil` for all participants.
    public var level: String?
    /// Treatment arm, then control arm.
    public var byArm: [TrajectoryArm]

    /// A trajectory.
    public init(parameter: String, subgroup: String?, level: String?, byArm: [TrajectoryArm]) {
        self.parameter = parameter
        self.subgroup = subgroup
        self.level = level
        self.byArm = byArm
    }
}

/// One arm's trajectory.
public struct TrajectoryArm: Codable, Sendable, Equatable {
    /// The arm label.
    public var arm: String
    /// One point per visit of the plan, ascending.
    public var points: [TrajectoryPoint]

    /// An arm's trajectory.
    public init(arm: String, points: [TrajectoryPoint]) {
        self.arm = arm
        self.points = points
    }
}

/// The values of a parameter at one visit in one arm.
public struct TrajectoryPoint: Codable, Sendable, Equatable {
    /// The visit, months since the first infusion.
    public var visit: Double
    /// Participants with a value.
    public var n: Int
    /// Mean of the values.
    public var mean: Double?
    /// Standard error of the mean.
    public var sem: Double?

    /// A point; non-finite values become `nil`.
    public init(visit: Double, n: Int, mean: Double?, sem: Double?) {
        self.visit = visit
        self.n = n
        self.mean = mean.finite
        self.sem = sem.finite
    }
}

/// The distribution of the percent change of a remission parameter at the primary visit, per arm.
public struct PercentChangeDistribution: Codable, Sendable, Equatable {
    /// The `PARAMCD`.
    public var parameter: String
    /// The primary visit.
    public var visit: Double
    /// The subgroup's name, or `nil` for all participants.
    public var subgroup: String?
    /// The subgroup level, or `nil` for all participants.
    public var level: String?
    /// Treatment arm, then control arm.
    public var byArm: [BoxSummary]

    /// A percent-change distribution.
    public init(parameter: String, visit: Double, subgroup: String?, level: String?, byArm: [BoxSummary]) {
        self.parameter = parameter
        self.visit = visit
        self.subgroup = subgroup
        self.level = level
        self.byArm = byArm
    }
}

/// A box plot of one arm's values (Tukey): quartiles (type 7), whiskers to the most extreme
/// values within 1.5 IQR of the box, the values beyond them, and every value for small samples.
public struct BoxSummary: Codable, Sendable, Equatable {
    /// The arm label.
    public var arm: String
    /// The number of values.
    public var n: Int
    /// First quartile.
    public var q1: Double?
    /// Median.
    public var median: Double?
    /// Third quartile.
    public var q3: Double?
    /// The smallest value at or above q1 − 1.5 IQR.
    public var whiskerLower: Double?
    /// The largest value at or below q3 + 1.5 IQR.
    public var whiskerUpper: Double?
    /// Values beyond the whiskers, ascending; at most `BoxSummary.maximumOutliers` (the most
    /// extreme, half from each end, when there are more).
    public var outliers: [Double]
    /// How many values lie beyond the whiskers.
    public var outlierCount: Int
    /// Every value, ascending, when `n` is at most `BoxSummary.maximumPoints`; else `nil`.
    public var values: [Double]?

    /// The largest number of outliers listed.
    public static let maximumOutliers = 200
    /// The largest sample whose values are listed (for jittered points).
    public static let maximumPoints = 2000

    /// A box summary.
    public init(arm: String, n: Int, q1: Double?, median: Double?, q3: Double?, whiskerLower: Double?, whiskerUpper: Double?,
                outliers: [Double], outlierCount: Int, values: [Double]?) {
        self.arm = arm
        self.n = n
        self.q1 = q1.finite
        self.median = median.finite
        self.q3 = q3.finite
        self.whiskerLower = whiskerLower.finite
        self.whiskerUpper = whiskerUpper.finite
        self.outliers = outliers
        self.outlierCount = outlierCount
        self.values = values
    }
}
