import TrialData

/// Runs the supportive analyses of the seed study's built-in profile (`SupportiveAnalysisPlan`) on
/// the measurement grid, read as BDS datasets are (`EndpointRecordSource.grid`) by the analyses of
/// CDISC ADaM endpoints: `ModelEndpointAnalysis`, `RepeatedMeasuresEndpointAnalysis` and
/// `ResponderEndpointAnalysis`, on all participants (no subgroups, no figure data of the ANCOVAs).
/// Every endpoint is a job of its own.
struct SupportiveAnalysis {
    let study: DerivedStudy

    /// Adds a job per supportive endpoint to `jobs`.
    /// - Returns: what gives, once the jobs have run, the results (`nil` when the plan has no
    ///   supportive analysis) and the endpoints' notes (section "supportiveAnalyses").
    func add(to jobs: inout AnalysisJobs) -> () -> (result: SupportiveAnalysesResults?, notes: [AnalysisNote]) {
        let profile = SupportiveAnalysisPlan(study.plan)
        guard !profile.isEmpty else { return { (nil, []) } }
        var plan = study.plan
        plan.subgroups = []
        let data = study.data
        let codes = plan.parameters.map(\.code)
        let derivedParameters = profile.derivedParameters.compactMap { parameter -> DerivedGridParameter? in
            guard case .expression(let expression) = parameter.derivation else { return nil }
            return DerivedGridParameter(parameter, expression: expression, in: study.grid, codes: codes)
        }
        let records = EndpointRecordSource.grid(study.grid, parameters: plan.parameters, derived: derivedParameters)
        let derived = derivedParameters.map { derived in
            DerivedParameterResult(parameter: derived.parameter.code, label: derived.parameter.label, unit: derived.parameter.unit,
                                   expression: derived.expression.text, records: derived.counts.records, missing: derived.counts.skipped)
        }
        let computations = profile.endpoints.map { [data, plan] endpoint in
            jobs.add { () -> (Outcome, [AnalysisNote]) in
                var log = NoteLog(section: "supportiveAnalyses")
                let outcome: Outcome = if let rule = endpoint.responder {
                    .responder(ResponderEndpointAnalysis(data: data, plan: plan, records: records).run(endpoint, rule: rule, &log))
                } else if endpoint.model == .mmrm {
                    .repeatedMeasures(RepeatedMeasuresEndpointAnalysis(data: data, plan: plan, records: records).run(endpoint, &log))
                } else {
                    .model(ModelEndpointAnalysis(data: data, plan: plan, records: records).run(endpoint, course: false, &log))
                }
                return (outcome, log.notes)
            }
        }
        return {
            let outcomes = computations.map(\.value)
            var result = SupportiveAnalysesResults(derivedParameters: derived, modelEndpoints: [], repeatedMeasuresEndpoints: [],
                                                   responderEndpoints: [])
            for (outcome, _) in outcomes {
                switch outcome {
                case .model(let model): result.modelEndpoints.append(model)
                case .repeatedMeasures(let repeated): result.repeatedMeasuresEndpoints.append(repeated)
                case .responder(let responder): result.responderEndpoints.append(responder)
                }
            }
            return (result, outcomes.flatMap(\.1))
        }
    }

    /// One endpoint's result.
    private enum Outcome: Sendable {
        case model(ModelEndpointResult)
        case repeatedMeasures(RepeatedMeasuresEndpointResult)
        case responder(ResponderEndpointResult)
    }
}
