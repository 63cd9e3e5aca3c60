import TrialAnalysis

extension ReportContext {
    /// The methods in words, from the plan and the fitted models.
    func methodsValues(_ labels: ReportLabels) -> [String: Any] {
        let logistic = results.logistic
        let covariates = plan.logistic.covariates
        return [
            "visits": Self.prose(plan.visits.map(ReportLabels.month)) + " months",
            "baselineVisit": ReportLabels.month(plan.baselineVisit),
            "parameters": plan.parameters.map { ["label": labels.parameter($0.code), "code": $0.code] },
            "subgroups": plan.subgroups.map { subgroup in
                ["name": subgroup.name, "variable": labels.variable(subgroup.variable).inSentence,
                 "cut": Display.number(subgroup.cut, decimals: subgroup.cut.rounded() == subgroup.cut ? 0 : 1),
                 "atOrAbove": subgroup.labelAtOrAboveCut, "below": subgroup.labelBelowCut] as [String: Any]
            },
            "hasSubgroups": !plan.subgroups.isEmpty,
            "continuousTest": TestName(plan.continuousTest).displayName,
            "pairedTest": TestName(plan.pairedTest).displayName,
            "logisticPopulation": logistic.population == .treatment ? "the " + plan.arms.treatment + " arm" : "all participants",
            "covariates": Self.prose(covariates.map { labels.variable($0).inSentence }),
            "logisticMethod": logistic.method == .firth ? "Firth's penalized-likelihood logistic regression"
                : "maximum-likelihood logistic regression",
            "logisticReason": logisticReason(),
            "oddsRatioUnits": "Each odds ratio is for the change named with its covariate: "
                + covariates.map { FigureText.lowercasedFirst(FigureText.covariate($0, plan: plan, per: plan.logistic.oddsRatioPer[$0])) }
                    .joined(separator: "; ") + ".",
            "logisticIntervals": logistic.method == .firth
                ? "95% confidence intervals and p-values come from the profile penalized likelihood (Heinze and Schemper, 2002)"
                : "95% confidence intervals and p-values are Wald intervals and tests",
            "software": "TrialReport " + provenance.toolVersion
                + " (Swift; every statistic checked against R 4.2 and its packages stats and brglm2); typeset with Cairo and Pango",
        ]
    }

    /// Why the logistic model was fitted the way it was, with the numbers.
    private func logisticReason() -> String {
        let logistic = results.logistic
        let covariates = max(1, plan.logistic.covariates.count)
        let smaller = min(logistic.events, logistic.n - logistic.events)
        let perCovariate = Display.number(logistic.eventsPerCovariate, decimals: 1)
        let counts = Display.integer(smaller) + " events for " + Display.integer(covariates)
            + (covariates == 1 ? " covariate" : " covariates")
        switch logistic.methodReason {
        case .requested:
            return "The plan asks for this method."
        case .separation:
            return "Maximum likelihood found separation in the data (an odds ratio would be infinite), so Firth's method was used."
        case .fewEventsPerCovariate:
            return "Firth's method was used because there were only " + perCovariate + " events per covariate ("
                + counts + "; fewer than 10 per covariate make maximum-likelihood estimates biased)."
        case .enoughEventsPerCovariate:
            return "Maximum likelihood was used: " + perCovariate + " events per covariate (" + counts
                + ") and no separation."
        }
    }
}
