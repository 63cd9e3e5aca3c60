/// The plan's baseline characteristics table (`baseline` in `study.yaml`): which subject-level
/// variables are summarised by arm and in total, in which analysis set, and with which tests.
///
/// A continuous variable is summarised by n, mean (SD), median (Q1 to Q3) and minimum to maximum;
/// a categorical one by n (%) per category, the percentage of the participants of that arm with a
/// value. Without `baseline` the seed study's layout keeps its own Table 1 (`BaselineResults`).
public struct BaselineCharacteristicsPlan: Sendable, Hashable {
    /// The analysis set summarised (one of the plan's `sets`), or `nil` for every participant of
    /// the subject-level data, by planned arm.
    public var set: String?
    /// The test across arms of each continuous variable.
    public var continuousTest: BaselineContinuousTest
    /// The test across arms of each categorical variable.
    public var categoricalTest: BaselineCategoricalTest
    /// The variables in table order.
    public var variables: [BaselineVariable]

    /// A baseline table; the tests default to Kruskal–Wallis and Fisher's exact test (no
    /// distributional assumption, exact for small counts).
    public init(set: String? = nil, continuousTest: BaselineContinuousTest = .kruskalWallis,
                categoricalTest: BaselineCategoricalTest = .fisherExact, variables: [BaselineVariable]) {
        self.set = set
        self.continuousTest = continuousTest
        self.categoricalTest = categoricalTest
        self.variables = variables
    }
}

/// One variable of the baseline characteristics table.
public struct BaselineVariable: Sendable, Hashable {
    /// The subject-level variable (ADSL column), e.g. `AGE`.
    public var variable: String
    /// The row label, or `nil` for the variable's own label (a SAS transport label), else its name.
    public var label: String?
    /// How it is summarised, or `nil` to follow the column: numbers are continuous, text categorical.
    public var kind: BaselineVariableKind?
    /// Decimals of the mean, median, quartiles, minimum and maximum of a continuous variable; the
    /// SD is shown with one more.
    public var decimals: Int
    /// The categories in table order, each with an optional label, or `nil`: the categories found,
    /// ordered by `orderBy` or else sorted. Categories listed but absent are shown with 0.
    public var levels: [BaselineLevel]?
    /// A numeric variable ordering the categories (e.g. `AGEGR1N` for `AGEGR1`), or `nil`.
    public var orderBy: String?

    /// The decimals when the plan gives none.
    public static let defaultDecimals = 1

    /// A variable of the table.
    public init(variable: String, label: String? = nil, kind: BaselineVariableKind? = nil,
                decimals: Int = defaultDecimals, levels: [BaselineLevel]? = nil, orderBy: String? = nil) {
        self.variable = variable
        self.label = label
        self.kind = kind
        self.decimals = decimals
        self.levels = levels
        self.orderBy = orderBy
    }
}

/// A category of a categorical baseline variable as the plan lists it.
public struct BaselineLevel: Sendable, Hashable {
    /// The value in the data (a number as the plan writes it, e.g. `1`).
    public var value: String
    /// The label shown, or `nil` for the value itself.
    public var label: String?

    /// A category.
    public init(value: String, label: String? = nil) {
        self.value = value
        self.label = label
    }
}

/// How a baseline variable is summarised.
public enum BaselineVariableKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// n, mean (SD), median (Q1 to Q3), minimum to maximum.
    case continuous
    /// n (%) per category.
    case categorical
}

/// The test across arms of a continuous baseline variable.
public enum BaselineContinuousTest: String, Sendable, Hashable, CaseIterable {
    /// One-way analysis of variance, `oneway.test(var.equal = TRUE)` (= `anova(lm(y ~ arm))`).
    case anova
    /// Kruskal–Wallis rank-sum test, `kruskal.test`.
    case kruskalWallis = "kruskal-wallis"
    /// No test.
    case none
}

/// The test across arms of a categorical baseline variable.
public enum BaselineCategoricalTest: String, Sendable, Hashable, CaseIterable {
    /// Pearson's chi-square test without continuity correction, `chisq.test(correct = FALSE)`.
    case chiSquare = "chi-square"
    /// Fisher's exact test (Fisher–Freeman–Halton beyond 2 × 2), `fisher.test`.
    case fisherExact = "fisher-exact"
    /// No test.
    case none
}
