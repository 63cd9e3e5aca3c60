import Foundation

/// The logistic regression of remission on the plan's covariates (predictors of remission).
public struct LogisticResults: Codable, Sendable, Equatable {
    /// How the multivariable model was fitted.
    public var method: LogisticFitMethod
    /// Who was in the model.
    public var population: LogisticSpecification.Population
    /// Participants in the model (complete cases of remission and every covariate).
    public var n: Int
    /// Responders among them.
    public var events: Int
    /// `(Intercept)`, then each covariate as the plan names it.
    public var terms: [LogisticTerm]
    /// Why `method` was used.
    public var methodReason: LogisticMethodReason
    /// The smaller of responders and non-responders divided by the number of covariates.
    public var eventsPerCovariate: Double?
    /// Whether maximum likelihood found (quasi-)complete separation.
    public var separation: Bool
    /// One model per covariate alone, in plan order.
    public var univariable: [UnivariableFit]

    /// Logistic results; a non-finite events-per-covariate becomes `nil`.
    public init(
        method: LogisticFitMethod, population: LogisticSpecification.Population, n: Int, events: Int,
        terms: [LogisticTerm], methodReason: LogisticMethodReason, eventsPerCovariate: Double?,
        separation: Bool, univariable: [UnivariableFit]
    ) {
        self.method = method
        self.population = population
        self.n = n
        self.events = events
        self.terms = terms
        self.methodReason = methodReason
        self.eventsPerCovariate = eventsPerCovariate.finite
        self.separation = separation
        self.univariable = univariable
    }
}

extension LogisticSpecification.Population: Codable {}

/// How a logistic model was fitted.
public enum LogisticFitMethod: String, Codable, Sendable, Equatable, CaseIterable {
    /// Maximum likelihood; Wald CIs and p-values (`glm`, `confint.default`).
    case ml
    /// Firth's penalized likelihood; profile penalized likelihood CIs and p-values (`logistf`).
    case firth
}

/// Why a logistic model was fitted the way it was.
public enum LogisticMethodReason: String, Codable, Sendable, Equatable, CaseIterable {
    /// The plan asked for this method (`ml` or `firth`).
    case requested
    /// `auto`: maximum likelihood found separation, so Firth was used.
    case separation
    /// `auto`: fewer than 10 events per covariate, so Firth was used.
    case fewEventsPerCovariate = "few-events-per-covariate"
    /// `auto`: enough events per covariate and no separation, so maximum likelihood was used.
    case enoughEventsPerCovariate = "enough-events-per-covariate"
}

/// One coefficient of a logistic model.
public struct LogisticTerm: Codable, Sendable, Equatable {
    /// `(Intercept)` or the covariate's name in the plan.
    public var term: String
    /// The coefficient (log odds ratio).
    public var estimate: Double?
    /// Its standard error.
    public var standardError: Double?
    /// `exp(estimate)`.
    public var oddsRatio: Double?
    /// Lower limit of the 95 % CI of the odds ratio.
    public var ciLower: Double?
    /// Upper limit of the 95 % CI of the odds ratio.
    public var ciUpper: Double?
    /// The two-sided p-value of the coefficient.
    public var pValue: Double?
    /// The odds ratio for a change of the plan's `oddsRatioPer` units of the covariate, or `nil`
    /// (per unit, and for the intercept).
    public var oddsRatioPer: ScaledOddsRatio?

    /// A logistic term; non-finite values (an infinite odds ratio under separation) become `nil`.
    public init(term: String, estimate: Double?, standardError: Double?, oddsRatio: Double?, ciLower: Double?, ciUpper: Double?,
                pValue: Double?, oddsRatioPer: ScaledOddsRatio? = nil) {
        self.term = term
        self.estimate = estimate.finite
        self.standardError = standardError.finite
        self.oddsRatio = oddsRatio.finite
        self.ciLower = ciLower.finite
        self.ciUpper = ciUpper.finite
        self.pValue = pValue.finite
        self.oddsRatioPer = oddsRatioPer
    }

    /// The term with its odds ratio and CI also for a change of `per` units: exp(per × estimate)
    /// and the CI limits to the power `per` (the CI of per × β is per times that of β, for
    /// Wald and profile intervals alike); the p-value is the coefficient's. `nil` leaves it per unit.
    public func scaled(per: Double?) -> LogisticTerm {
        guard let per else { return self }
        var scaled = self
        scaled.oddsRatioPer = ScaledOddsRatio(per: per, oddsRatio: estimate.map { exp(per * $0) },
                                              ciLower: ciLower.map { pow($0, per) }, ciUpper: ciUpper.map { pow($0, per) })
        return scaled
    }
}

/// An odds ratio and its 95 % CI for a change of `per` units of a covariate.
public struct ScaledOddsRatio: Codable, Sendable, Equatable {
    /// The change in the covariate, in its units (e.g. 100 pmol/L).
    public var per: Double
    /// exp(per × estimate).
    public var oddsRatio: Double?
    /// Lower limit of the 95 % CI.
    public var ciLower: Double?
    /// Upper limit of the 95 % CI.
    public var ciUpper: Double?

    /// A scaled odds ratio; non-finite values become `nil`.
    public init(per: Double, oddsRatio: Double?, ciLower: Double?, ciUpper: Double?) {
        self.per = per
        self.oddsRatio = oddsRatio.finite
        self.ciLower = ciLower.finite
        self.ciUpper = ciUpper.finite
    }
}

/// The model of remission on one covariate alone.
public struct UnivariableFit: Codable, Sendable, Equatable {
    /// The covariate's name in the plan.
    public var covariate: String
    /// How the model was fitted (the plan's rule applied to this model alone).
    public var method: LogisticFitMethod
    /// Why `method` was used for this model.
    public var methodReason: LogisticMethodReason
    /// Participants with remission and this covariate.
    public var n: Int
    /// Responders among them.
    public var events: Int
    /// The covariate's coefficient.
    public var term: LogisticTerm

    /// A univariable fit.
    public init(covariate: String, method: LogisticFitMethod, methodReason: LogisticMethodReason, n: Int, events: Int,
                term: LogisticTerm) {
        self.covariate = covariate
        self.method = method
        self.methodReason = methodReason
        self.n = n
        self.events = events
        self.term = term
    }
}
