import TrialAnalysis

/// How each logistic model of the predictors of remission was fitted, in words, built from the
/// results (each model's method, the reason it was used and its counts). The methods, the
/// predictors table's footnotes and the forest plot's caption all take their words from here, so
/// they say what was computed and the same thing.
struct LogisticMethodWords {
    /// Models fitted alike and described together: the multivariable model, or univariable models
    /// with the same method and reason.
    struct ModelGroup {
        /// "The multivariable model", "The univariable models", "The univariable model of UC-MSC dose".
        var subject: String
        /// Whether `subject` names more than one model.
        var isPlural: Bool
        /// How the models were fitted.
        var method: LogisticFitMethod
        /// Why.
        var reason: LogisticMethodReason
        /// The events per covariate, the smaller of events and non-events, and the covariates
        /// (`nil` when the models of the group differ in them).
        var counts: (perCovariate: Double?, smaller: Int, covariates: Int)?
    }

    /// The results described.
    let logistic: LogisticResults
    /// How covariates are named.
    let labels: ReportLabels

    /// "Firth's penalized-likelihood logistic regression" or "maximum-likelihood logistic regression".
    static func name(_ method: LogisticFitMethod) -> String {
        switch method {
        case .firth: "Firth's penalized-likelihood logistic regression"
        case .ml: "maximum-likelihood logistic regression"
        }
    }

    /// How a model's coefficients were estimated: "Firth's penalized likelihood" or "maximum likelihood".
    static func estimation(_ method: LogisticFitMethod) -> String {
        switch method {
        case .firth: "Firth's penalized likelihood"
        case .ml: "maximum likelihood"
        }
    }

    /// Where a model's confidence intervals and p-values come from, for the methods.
    static func inference(_ method: LogisticFitMethod) -> String {
        switch method {
        case .firth: "95% confidence intervals and p-values from the profile penalized likelihood (Heinze and Schemper, 2002)"
        case .ml: "Wald 95% confidence intervals and p-values"
        }
    }

    /// The same, short, for a footnote or caption: "Wald 95% CI and p".
    static func shortInference(_ method: LogisticFitMethod) -> String {
        switch method {
        case .firth: "95% CI and p from the profile penalized likelihood"
        case .ml: "Wald 95% CI and p"
        }
    }

    /// A table footnote: "Maximum-likelihood logistic regression; Wald 95% CI and p."
    static func note(_ method: LogisticFitMethod) -> String {
        name(method).prefix(1).uppercased() + name(method).dropFirst() + "; " + shortInference(method) + "."
    }

    /// The multivariable model, then the univariable models grouped by method and reason in plan order.
    var groups: [ModelGroup] {
        let covariates = logistic.terms.count { $0.term != "(Intercept)" }
        var groups = [ModelGroup(subject: "The multivariable model", isPlural: false, method: logistic.method, reason: logistic.methodReason,
                                 counts: (logistic.eventsPerCovariate, min(logistic.events, logistic.n - logistic.events),
                                          max(1, covariates)))]
        var kinds: [(method: LogisticFitMethod, reason: LogisticMethodReason)] = []
        for fit in logistic.univariable where !kinds.contains(where: { $0 == (fit.method, fit.methodReason) }) {
            kinds.append((fit.method, fit.methodReason))
        }
        for kind in kinds {
            let fits = logistic.univariable.filter { $0.method == kind.method && $0.methodReason == kind.reason }
            let smaller = Set(fits.map { min($0.events, $0.n - $0.events) })
            let shared = smaller.count == 1 ? smaller.first : nil
            let subject = kinds.count == 1
                ? (fits.count == 1 ? "The univariable model" : "The univariable models")
                : (fits.count == 1 ? "The univariable model of " : "The univariable models of ")
                    + ReportContext.prose(fits.map { labels.variable($0.covariate).inSentence })
            groups.append(ModelGroup(subject: subject, isPlural: fits.count > 1, method: kind.method, reason: kind.reason,
                                     counts: shared.map { (Double($0), $0, 1) }))
        }
        return groups
    }

    /// One sentence per group of models, for the methods: how they were fitted, why (with the
    /// numbers), and where their intervals and p-values come from.
    var methodsSentences: String {
        groups.map { group in
            group.subject + (group.isPlural ? " were" : " was") + " fitted by " + Self.estimation(group.method) + " "
                + Self.reason(group) + "; " + Self.inference(group.method) + "."
        }.joined(separator: " ")
    }

    /// One sentence per group of models, for a caption: "Multivariable model: Firth's
    /// penalized-likelihood logistic regression, as the plan asks; 95% CI and p from the profile
    /// penalized likelihood."
    var captionSentences: String {
        groups.map { group in
            let subject = group.subject.dropFirst("The ".count)
            return subject.prefix(1).uppercased() + subject.dropFirst() + ": " + Self.name(group.method) + " "
                + Self.reason(group) + "; " + Self.shortInference(group.method) + "."
        }.joined(separator: " ")
    }

    /// Why a group was fitted its way, with the numbers: "because there were fewer than 10 events
    /// per covariate (5.5: 11 events for 2 covariates), …".
    static func reason(_ group: ModelGroup) -> String {
        let counts = group.counts.map { counts in
            let events = Display.integer(counts.smaller) + (counts.smaller == 1 ? " event" : " events")
            guard counts.covariates > 1 else { return " (" + events + ")" }
            return " (" + Display.number(counts.perCovariate, decimals: 1) + " per covariate: " + events + " for "
                + Display.integer(counts.covariates) + " covariates)"
        } ?? ""
        switch group.reason {
        case .requested:
            return "as the plan asks"
        case .separation:
            return "because maximum likelihood found separation in the data (an odds ratio would be infinite)"
        case .fewEventsPerCovariate:
            return "because there were fewer than 10 events per covariate" + counts
                + ", too few for unbiased maximum-likelihood estimates"
        case .enoughEventsPerCovariate:
            return "because there were at least 10 events per covariate" + counts + " and no separation"
        }
    }
}
