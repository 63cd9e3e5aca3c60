/// The baseline characteristics table of the plan's `baseline` key: subject-level variables by
/// arm and in total, in one analysis set, with a test across the arms of each variable.
public struct BaselineCharacteristicsTable: Codable, Sendable, Equatable {
    /// The analysis set summarised, or `nil` for every participant by planned arm.
    public var set: String?
    /// The participants of the set per arm, in the plan's arm order.
    public var arms: [ArmSize]
    /// The participants of the set in all arms.
    public var total: Int
    /// One entry per variable, in the plan's order.
    public var variables: [BaselineCharacteristic]

    /// A baseline characteristics table.
    public init(set: String?, arms: [ArmSize], total: Int, variables: [BaselineCharacteristic]) {
        self.set = set
        self.arms = arms
        self.total = total
        self.variables = variables
    }
}

/// One subject-level variable summarised by arm and in total, with its test across the arms.
public struct BaselineCharacteristic: Codable, Sendable, Equatable {
    /// The subject-level variable (ADSL column), e.g. `AGE`.
    public var variable: String
    /// The row label: the plan's, else the variable's label in the data, else its name.
    public var label: String
    /// How it is summarised.
    public var kind: BaselineVariableKind
    /// Decimals of the mean, median, quartiles, minimum and maximum (the SD has one more).
    public var decimals: Int
    /// The categories of a categorical variable in table order; empty for a continuous one.
    public var levels: [BaselineCategory]
    /// One summary per arm, in the plan's arm order.
    public var byArm: [BaselineSummary]
    /// The summary of all arms together.
    public var total: BaselineSummary
    /// The test across the arms, or `nil` when the plan asks for none.
    public var test: TestName?
    /// Its statistic (F, H or X²), or `nil` (Fisher's exact test has none, or not computed).
    public var statistic: Double?
    /// Its degrees of freedom: F's numerator and denominator, one for H and X², none for Fisher's test.
    public var degreesOfFreedom: [Double]
    /// Its p-value, or `nil` when not computed (a note says why).
    public var pValue: Double?
    /// For the chi-square test: whether an expected count is below 5, when the approximation may be poor.
    public var smallExpectedCounts: Bool?

    /// A summarised variable; non-finite statistics become `nil`.
    public init(variable: String, label: String, kind: BaselineVariableKind, decimals: Int, levels: [BaselineCategory],
                byArm: [BaselineSummary], total: BaselineSummary, test: TestName?, statistic: Double?,
                degreesOfFreedom: [Double], pValue: Double?, smallExpectedCounts: Bool?) {
        self.variable = variable
        self.label = label
        self.kind = kind
        self.decimals = decimals
        self.levels = levels
        self.byArm = byArm
        self.total = total
        self.test = test
        self.statistic = statistic.finite
        self.degreesOfFreedom = degreesOfFreedom
        self.pValue = pValue.finite
        self.smallExpectedCounts = smallExpectedCounts
    }
}

/// A category of a categorical baseline variable.
public struct BaselineCategory: Codable, Sendable, Equatable {
    /// The value in the data (a number in the plan's notation, e.g. `1`).
    public var value: String
    /// The label shown: the plan's, else the value.
    public var label: String

    /// A category.
    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

/// One variable in one arm (or in total).
public struct BaselineSummary: Codable, Sendable, Equatable {
    /// Participants with a value.
    public var n: Int
    /// Participants of the set without a value.
    public var missing: Int
    /// Descriptives of a continuous variable; `nil` for a categorical one.
    public var descriptives: Descriptives?
    /// Participants per category of a categorical variable, in the order of `levels`; the
    /// proportion is of the `n` participants with a value. Empty for a continuous variable.
    public var counts: [LevelCount]

    /// A summary.
    public init(n: Int, missing: Int, descriptives: Descriptives?, counts: [LevelCount]) {
        self.n = n
        self.missing = missing
        self.descriptives = descriptives
        self.counts = counts
    }
}
