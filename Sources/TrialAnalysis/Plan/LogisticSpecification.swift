/// The logistic regression of remission on baseline covariates (predictors of remission).
public struct LogisticSpecification: Sendable, Hashable {
    /// Who is in the model.
    public enum Population: String, Sendable, Hashable, CaseIterable {
        /// The treatment arm only.
        case treatment
        /// Both arms.
        case all
    }

    /// How the model is fitted.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// Maximum likelihood (`glm(family = binomial)`).
        case ml
        /// Firth's penalized likelihood (`logistf`, `brglm2` AS_mean).
        case firth
        /// Firth on separation or fewer than 10 events per covariate, else maximum likelihood.
        case auto
    }

    /// Who is in the model.
    public var population: Population
    /// ADSL column names or `PARAMCD.BASE` (the baseline value of a parameter), in model order.
    public var covariates: [String]
    /// How the model is fitted.
    public var method: Method
    /// For covariates named here, the odds ratios are also given for a change of this many
    /// units (e.g. per 100 pmol/L of baseline fasting C-peptide, where one unit changes the odds
    /// too little to read); only covariates of the model are kept.
    public var oddsRatioPer: [String: Double]

    /// The smallest number of events per covariate for which `auto` keeps maximum likelihood.
    public static let minimumEventsPerCovariate = 10.0

    /// The suffix that names a parameter's baseline value as a covariate, as in `CPEPF.BASE`.
    public static let baselineSuffix = ".BASE"

    /// A logistic specification; the defaults are the seed study's. Entries of `oddsRatioPer`
    /// for covariates not in `covariates` are left out.
    public init(population: Population = .treatment, covariates: [String] = ["CPEPF.BASE", "MSCDOSE"], method: Method = .auto,
                oddsRatioPer: [String: Double] = ["CPEPF.BASE": 100]) {
        self.population = population
        self.covariates = covariates
        self.method = method
        self.oddsRatioPer = oddsRatioPer.filter { covariates.contains($0.key) }
    }

    /// The `PARAMCD` of a covariate written `PARAMCD.BASE`, or `nil` for an ADSL column.
    public static func baselineParameter(of covariate: String) -> String? {
        guard covariate.hasSuffix(baselineSuffix), covariate.count > baselineSuffix.count else { return nil }
        return String(covariate.dropLast(baselineSuffix.count))
    }
}
