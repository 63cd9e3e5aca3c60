import TrialAnalysis

extension ReportContext {
    /// The methods in words, from the plan and from what the results say was computed (the tests
    /// and measures of the comparisons, the method of each logistic model).
    func methodsValues(_ seed: SeedStudySections, _ labels: ReportLabels) -> [String: Any] {
        let logistic = seed.logistic
        let covariates = plan.logistic.covariates
        let words = LogisticMethodWords(logistic: logistic, labels: labels)
        return [
            "visits": Self.prose(plan.visits.map(Display.planValue)) + " months",
            "baselineVisit": Display.planValue(plan.baselineVisit),
            "parameters": plan.parameters.map { ["label": labels.parameter($0.code), "code": $0.code] },
            "subgroups": plan.subgroups.map { subgroup in
                ["name": subgroup.name, "variable": labels.variable(subgroup.variable).inSentence,
                 "cut": subgroup.cut.map(Display.planValue) ?? "",
                 "atOrAbove": subgroup.labelAtOrAboveCut, "below": subgroup.labelBelowCut] as [String: Any]
            },
            "hasSubgroups": !plan.subgroups.isEmpty,
            "interactions": interactionSentences(seed.remission),
            "continuousTest": TestName(plan.continuousTest).displayName,
            "pairedTest": TestName(plan.pairedTest).displayName,
            "betweenArms": betweenArmsSentence(labels),
            "remissionEffects": Self.remissionEffectsSentence(seed.remission),
            "logisticPopulation": logistic.population == .treatment ? "the " + plan.arms.treatment + " arm" : "all participants",
            "covariates": Self.prose(covariates.map { labels.variable($0).inSentence }),
            "logisticMethod": LogisticMethodWords.name(logistic.method),
            "logisticModels": words.methodsSentences,
            "oddsRatioUnits": "Each odds ratio is for the change named with its covariate: "
                + covariates.map { labels.covariate($0, per: plan.logistic.oddsRatioPer[$0]).inSentence }
                    .joined(separator: "; ") + ".",
            "software": "TrialReport " + provenance.toolVersion
                + " (Swift; every statistic checked against R 4.2 and its packages stats and brglm2); typeset with Cairo and Pango",
        ]
    }

    /// How the arms were compared on each parameter, from the results' between-arm comparisons:
    /// "Arms are compared on the percent change from baseline of fasting C-peptide and 2-hour
    /// C-peptide with the Wilcoxon rank-sum (Mann–Whitney) test and the Hodges–Lehmann estimate of
    /// the shift between arms and its exact 95% confidence interval; on the change from baseline of
    /// HbA1c with …" (the estimators those comparisons used, in every population). Empty when there
    /// are no endpoints.
    func betweenArmsSentence(_ labels: ReportLabels) -> String {
        var groups: [(measure: BetweenArmComparison.Measure, test: TestName, parameters: [String],
                      estimators: Set<LocationEffect.Estimator>)] = []
        for endpoint in results.endpoints {
            let between = endpoint.between
            let name = labels.parameterName(endpoint.parameter).inSentence
            let index = groups.firstIndex { $0.measure == between.measure && $0.test == between.test } ?? {
                groups.append((between.measure, between.test, [], []))
                return groups.count - 1
            }()
            if endpoint.subgroup == nil, !groups[index].parameters.contains(name) { groups[index].parameters.append(name) }
            if let estimator = between.effect?.estimator { groups[index].estimators.insert(estimator) }
        }
        groups.removeAll { $0.parameters.isEmpty }
        guard !groups.isEmpty else { return "" }
        return "Arms are compared " + groups.map { group in
            "on the " + Self.measureWords(group.measure) + " of " + Self.prose(group.parameters) + " with the "
                + group.test.displayName + EffectWords.methods(group.estimators)
        }.joined(separator: "; ") + "."
    }

    /// " Each comparison also gives the relative risk with the Katz log 95% CI and the odds ratio as
    /// Fisher's exact test estimates it (…)." from the remission results; empty when neither was
    /// computed.
    static func remissionEffectsSentence(_ remission: RemissionResults) -> String {
        let parts = EffectWords.ratios(remission)
        return parts.isEmpty ? "" : " Each comparison also gives the " + parts.joined(separator: " and the ") + "."
    }

    /// "percent change from baseline" or "change from baseline".
    static func measureWords(_ measure: BetweenArmComparison.Measure) -> String {
        switch measure {
        case .change: "change from baseline"
        case .percentChange: "percent change from baseline"
        }
    }

    /// One sentence per subgroup: how the treatment × subgroup interaction was tested.
    private func interactionSentences(_ remission: RemissionResults) -> String {
        remission.interactions.map { interaction in
            let model = interaction.method.map { " fitted by " + LogisticMethodWords.estimation($0) } ?? ""
            return "Whether the effect differs between the " + interaction.subgroup.inSentence
                + " groups is tested by the treatment × " + interaction.subgroup.inSentence
                + " interaction of a logistic model" + model + " (" + interaction.test.displayName + ")."
        }.joined(separator: " ")
    }
}
