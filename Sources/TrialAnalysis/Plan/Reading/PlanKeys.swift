/// The keys of `study.yaml`, in the order the canonical rendering writes them.
enum PlanKey: String, CaseIterable {
    case title, data, arms, sets, derivedParameters, endpoints, visits, baselineVisit, primaryVisit, infusionMonths, parameters
    case remission, subgroups, continuousTest, pairedTest, multiplicity, logistic, figures, safety, baseline, disposition
    case tlf, figureStyle
    case figureFormats, figureDpi

    /// The keys only the seed study's layout analyses (its visits, parameters, remission and
    /// predictors); a CDISC ADaM plan may not write them. (`subgroups` serves both layouts.)
    static let seedLayoutOnly: [PlanKey] = [
        .visits, .baselineVisit, .primaryVisit, .infusionMonths, .parameters, .remission,
        .continuousTest, .pairedTest, .multiplicity, .logistic,
    ]
}

/// The keys of `arms`.
enum ArmKey: String, CaseIterable {
    case treatment, control
}

/// The keys of each element of the list form of `arms`.
enum ArmListKey: String, CaseIterable {
    case label, reference, dose
}

/// The keys of `data`.
enum DataKey: String, CaseIterable {
    case format, subjects, events, measurements, treatment, actualTreatment, emergentFlag, related, notRelated
}

/// The keys of each element of `sets`.
enum SetKey: String, CaseIterable {
    case name, flag, byActualTreatment
}

/// The keys of each element of `endpoints`.
enum EndpointKey: String, CaseIterable {
    case name, parameter, visit, measure, set, records, observedOnly, covariates, weights, arms, responder, model, visits, covariance, df,
         logOffset
}

/// The keys of an endpoint's `responder` rule.
enum ResponderKey: String, CaseIterable {
    case threshold, better, missing
}

/// The keys of each entry of `parameters`.
enum ParameterKey: String, CaseIterable {
    case label, unit, decimals
}

/// The keys of `remission`.
enum RemissionKey: String, CaseIterable {
    case parameters, rule, minPercentIncrease, missing
}

/// The keys of each element of `subgroups`.
enum SubgroupKey: String, CaseIterable {
    case name, variable, cut, labels, levels, orderBy
}

/// The keys of `logistic`.
enum LogisticKey: String, CaseIterable {
    case population, covariates, method, oddsRatioPer
}

/// The keys of `safety`.
enum SafetyKey: String, CaseIterable {
    case set, classOrder, termOrder, minimumPercent, tests, total
}

/// The keys of `baseline`.
enum BaselineKey: String, CaseIterable {
    case set, continuousTest, categoricalTest, variables
}

/// The keys of each element of `baseline.variables` written as a mapping.
enum BaselineVariableKey: String, CaseIterable {
    case variable, label, kind, decimals, levels, orderBy
}

/// The keys of `tlf`.
enum TLFKey: String, CaseIterable {
    case write, titles, numbers, formats
}

/// The keys of `disposition`.
enum DispositionKey: String, CaseIterable {
    case set, status, completedLabel, discontinuedLabel, reason, reasons, test, assessed, excluded
}

/// The keys of each entry of `derivedParameters`.
enum DerivedParameterKey: String, CaseIterable {
    case code, label, unit, auc, expression
}

/// The keys of a derived parameter's `auc`.
enum AreaUnderCurveKey: String, CaseIterable {
    case parameter, mean
}

/// The keys of `figureStyle`.
enum FigureStyleKey: String, CaseIterable {
    case preset, panelLetters, notes
}
