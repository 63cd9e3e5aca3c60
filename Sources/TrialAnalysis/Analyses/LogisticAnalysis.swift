import TrialStats

/// The predictors of remission: the plan's logistic model, and one model per covariate alone.
struct LogisticAnalysis {
    let study: DerivedStudy

    /// The fitted model as the results report it.
    private struct Fitted {
        var method: LogisticFitMethod
        var reason: LogisticMethodReason
        var separation: Bool
        var terms: [LogisticTerm]
    }

    /// The multivariable model and the univariable models, with the notes of any that failed.
    func run(_ log: inout NoteLog) -> LogisticResults {
        let specification = study.plan.logistic
        let covariates = specification.covariates.map { name in (name: name, values: study.covariate(named: name)) }
        let multivariable = fit(covariates, context: "model", &log)
        let univariable = covariates.map { covariate in
            let single = fit([covariate], context: "univariable \(covariate.name)", &log)
            let term = single.fitted.terms.last ?? Self.emptyTerm(covariate.name)
            return UnivariableFit(covariate: covariate.name, method: single.fitted.method, methodReason: single.fitted.reason,
                                  n: single.n, events: single.events,
                                  term: term.scaled(per: specification.oddsRatioPer[covariate.name]))
        }
        return LogisticResults(
            method: multivariable.fitted.method, population: specification.population, n: multivariable.n,
            events: multivariable.events, terms: multivariable.fitted.terms.map { $0.scaled(per: specification.oddsRatioPer[$0.term]) },
            methodReason: multivariable.fitted.reason,
            eventsPerCovariate: multivariable.eventsPerCovariate, separation: multivariable.fitted.separation,
            univariable: univariable)
    }

    /// The model of remission on `covariates` over the complete cases of the plan's population.
    ///
    /// Method choice: `ml` and `firth` as asked; `auto` uses Firth when the events per covariate
    /// (the smaller of responders and non-responders, divided by the covariates) are fewer than
    /// 10, or when maximum likelihood finds separation, and maximum likelihood otherwise.
    private func fit(_ covariates: [(name: String, values: [Double]?)], context: String, _ log: inout NoteLog)
        -> (fitted: Fitted, n: Int, events: Int, eventsPerCovariate: Double?) {
        for covariate in covariates where covariate.values == nil {
            log.record(context, "covariate '\(covariate.name)' is neither a numeric column of adsl.csv nor PARAMCD.BASE: model not fitted")
        }
        var response: [Double] = []
        var columns = [[Double]](repeating: [], count: covariates.count)
        let onlyTreatment = study.plan.logistic.population == .treatment
        participants: for participant in 0..<study.participantCount {
            let status = study.remission.status[participant]
            guard status != .excluded, !onlyTreatment || study.arm[participant] == 0 else { continue }
            for covariate in covariates where covariate.values?[participant].isFinite != true { continue participants }
            response.append(Double(status.rawValue))
            for (index, covariate) in covariates.enumerated() { columns[index].append(covariate.values![participant]) }
        }
        let events = response.count { $0 == 1 }
        let eventsPerCovariate = covariates.isEmpty ? nil : Double(min(events, response.count - events)) / Double(covariates.count)
        let requested = study.plan.logistic.method
        let unfitted = Fitted(method: requested == .ml ? .ml : .firth, reason: .requested, separation: false,
                              terms: (["(Intercept)"] + covariates.map(\.name)).map(Self.emptyTerm))
        guard covariates.allSatisfy({ $0.values != nil }), let model = log.attempt("logistic \(context)", context, {
            try LogisticModel(response: response, covariates: zip(covariates, columns).map { ($0.0.name, $0.1) })
        }) else {
            return (unfitted, response.count, events, eventsPerCovariate)
        }
        let firth = { (reason: LogisticMethodReason, separation: Bool, log: inout NoteLog) -> Fitted in
            let fit = log.attempt("Firth logistic \(context)", context) { try model.fitFirth() }
            for problem in fit?.profileProblems ?? [] { log.record(context, "\(problem); reported as null") }
            return Fitted(method: .firth, reason: reason, separation: separation,
                          terms: fit.map { $0.terms.map(Self.term) } ?? unfitted.terms)
        }
        if requested == .firth { return (firth(.requested, false, &log), response.count, events, eventsPerCovariate) }
        if requested == .auto, let eventsPerCovariate, eventsPerCovariate < LogisticSpecification.minimumEventsPerCovariate {
            return (firth(.fewEventsPerCovariate, false, &log), response.count, events, eventsPerCovariate)
        }
        guard let maximumLikelihood = log.attempt("logistic \(context)", context, { try model.fitMaximumLikelihood() }) else {
            return (unfitted, response.count, events, eventsPerCovariate)
        }
        let separated = maximumLikelihood.separation != nil
        if separated, requested == .auto {
            log.record(context, "maximum likelihood found separation: Firth's method used instead")
            return (firth(.separation, true, &log), response.count, events, eventsPerCovariate)
        }
        if separated {
            log.record(context, "maximum likelihood found separation: its estimates and Wald statistics are not meaningful")
        }
        let fitted = Fitted(method: .ml, reason: requested == .ml ? .requested : .enoughEventsPerCovariate, separation: separated,
                            terms: maximumLikelihood.terms.map(Self.term))
        return (fitted, response.count, events, eventsPerCovariate)
    }

    /// The results' term of a fitted coefficient: odds ratio and CI on the odds-ratio scale.
    private static func term(_ term: TrialStats.LogisticTerm) -> LogisticTerm {
        LogisticTerm(term: term.name, estimate: term.estimate, standardError: term.standardError, oddsRatio: term.oddsRatio,
                     ciLower: term.oddsRatioCILower, ciUpper: term.oddsRatioCIUpper, pValue: term.pValue)
    }

    /// A term that could not be estimated.
    private static func emptyTerm(_ name: String) -> LogisticTerm {
        LogisticTerm(term: name, estimate: nil, standardError: nil, oddsRatio: nil, ciLower: nil, ciUpper: nil, pValue: nil)
    }
}
