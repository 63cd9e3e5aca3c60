/// Baseline characteristics by arm ("Table 1"), in all participants and within each subgroup level.
public struct BaselineResults: Codable, Sendable, Equatable {
    /// One row per ADSL variable (AGE, AGEDX, BMI, DIABDUR, SEX) and per `PARAMCD.BASE`.
    public var rows: [BaselineRow]
    /// The same rows within each subgroup level, in plan order.
    public var subgroups: [BaselineSubgroup]

    /// Baseline results.
    public init(rows: [BaselineRow], subgroups: [BaselineSubgroup]) {
        self.rows = rows
        self.subgroups = subgroups
    }
}

/// The baseline rows within one subgroup level.
public struct BaselineSubgroup: Codable, Sendable, Equatable {
    /// The subgroup's name.
    public var subgroup: String
    /// The level.
    public var level: String
    /// The rows, as `BaselineResults.rows`.
    public var rows: [BaselineRow]

    /// A subgroup's baseline rows.
    public init(subgroup: String, level: String, rows: [BaselineRow]) {
        self.subgroup = subgroup
        self.level = level
        self.rows = rows
    }
}

/// One baseline variable by arm, with the between-arm test.
public struct BaselineRow: Codable, Sendable, Equatable {
    /// The ADSL column name or `PARAMCD.BASE`.
    public var variable: String
    /// Treatment arm, then control arm.
    public var byArm: [BaselineArm]
    /// The between-arm test: the plan's `continuousTest` for numbers, Fisher's exact test for SEX.
    public var test: TestName
    /// Its two-sided p-value.
    public var pValue: Double?

    /// A baseline row; a non-finite p-value becomes `nil`.
    public init(variable: String, byArm: [BaselineArm], test: TestName, pValue: Double?) {
        self.variable = variable
        self.byArm = byArm
        self.test = test
        self.pValue = pValue.finite
    }
}

/// One baseline variable in one arm: descriptives for a number, counts per level for a category.
public struct BaselineArm: Codable, Sendable, Equatable {
    /// The arm label.
    public var arm: String
    /// Participants with a value.
    public var n: Int
    /// Participants without a value.
    public var missing: Int
    /// Descriptives of a numeric variable; `nil` for a categorical one.
    public var descriptives: Descriptives?
    /// Counts per level of a categorical variable (SEX: F, M), in level order; empty for a numeric one.
    public var levels: [LevelCount]

    /// A baseline cell.
    public init(arm: String, n: Int, missing: Int, descriptives: Descriptives?, levels: [LevelCount]) {
        self.arm = arm
        self.n = n
        self.missing = missing
        self.descriptives = descriptives
        self.levels = levels
    }
}

/// The participants with one level of a categorical variable.
public struct LevelCount: Codable, Sendable, Equatable {
    /// The level, e.g. `F`.
    public var level: String
    /// Participants with this level.
    public var n: Int
    /// `n` divided by the participants with a value.
    public var proportion: Double?

    /// A level count; a non-finite proportion becomes `nil`.
    public init(level: String, n: Int, proportion: Double?) {
        self.level = level
        self.n = n
        self.proportion = proportion.finite
    }
}
