/// Descriptive statistics of the non-missing values of a sample (SPEC.md §3): SD with n − 1,
/// quartiles as R's `quantile` type 7, SEM = SD / √n.
public struct Descriptives: Codable, Sendable, Equatable {
    /// The number of non-missing values.
    public var n: Int
    /// Arithmetic mean.
    public var mean: Double?
    /// Standard deviation (n − 1 denominator); `nil` below 2 values.
    public var sd: Double?
    /// Standard error of the mean; `nil` below 2 values.
    public var sem: Double?
    /// Median.
    public var median: Double?
    /// First quartile (type 7).
    public var q1: Double?
    /// Third quartile (type 7).
    public var q3: Double?
    /// Smallest value.
    public var min: Double?
    /// Largest value.
    public var max: Double?

    /// Descriptives; non-finite values become `nil`.
    public init(n: Int, mean: Double?, sd: Double?, sem: Double?, median: Double?, q1: Double?, q3: Double?, min: Double?, max: Double?) {
        self.n = n
        self.mean = mean.finite
        self.sd = sd.finite
        self.sem = sem.finite
        self.median = median.finite
        self.q1 = q1.finite
        self.q3 = q3.finite
        self.min = min.finite
        self.max = max.finite
    }

    /// The descriptives of no values.
    public static let empty = Descriptives(n: 0, mean: nil, sd: nil, sem: nil, median: nil, q1: nil, q3: nil, min: nil, max: nil)
}
