import TrialData
import TrialStats

/// Analyses an endpoint of the plan by a mixed model for repeated measures (`model: mmrm`): the
/// value, change or percent change of a parameter at each of the plan's visits ~ arm × visit +
/// baseline × visit + the other covariates, on the observed records (DTYPE blank) of the
/// participants of an analysis set, with the covariance structures tried in the plan's order,
/// Satterthwaite or Kenward–Roger degrees of freedom, and per visit the LS means and each arm against the reference.
struct RepeatedMeasuresEndpointAnalysis {
    /// The name of the visit factor in the model (the ADaM variable of the visit's label).
    static let visitVariable = "AVISIT"

    let data: StudyData
    let plan: AnalysisPlan
    /// Where the endpoints' records are read.
    let records: EndpointRecordSource

    /// The analysis of `data`'s endpoints by `plan`, their records from `records` (by default `data`'s BDS datasets).
    init(data: StudyData, plan: AnalysisPlan, records: EndpointRecordSource? = nil) {
        self.data = data
        self.plan = plan
        self.records = records ?? EndpointRecordSource(data)
    }

    /// The results of `endpoint`; a model that cannot be fitted gives `failure`, null estimates and a note.
    func run(_ endpoint: ModelEndpoint, _ log: inout NoteLog) -> RepeatedMeasuresEndpointResult {
        let arms = plan.arms.ordered
        let armVariable = ModelEndpointAnalysis.armVariable
        let members = AnalysisSetMembers.byArm(of: endpoint.set, plan: plan, participants: data.participants)
        let records = self.records.records(endpoint, visits: endpoint.visits, observedOnly: true)
        let rows = EndpointArms.rows(of: members)
        let responses = records.map { visit in rows.participant.map { visit.response(of: Int($0)) } }
        let labels = zip(endpoint.visits, records).map { $1.visitLabel.isEmpty ? "visit \(PlanNumber.text($0))" : $1.visitLabel }
        var variables: [String: ModelVariable] = [armVariable: .arm(rows.arm, of: arms, reference: plan.arms.control)]
        for covariate in endpoint.covariates {
            variables[covariate] = covariate == ModelEndpoint.baseline
                ? .numeric(Self.firstBaselines(records, of: rows.participant))
                : ModelEndpointAnalysis(data: data, plan: plan, records: self.records).subjectVariable(covariate, rows.participant)
        }
        let terms = Self.terms(arm: armVariable, covariates: endpoint.covariates)
        let duplicates = records.map(\.duplicates).max() ?? 0
        var result = RepeatedMeasuresEndpointResult(
            name: endpoint.name, parameter: endpoint.parameter, parameterLabel: records.first?.parameterLabel ?? "",
            measure: endpoint.measure.rawValue, set: endpoint.set, recordFlag: endpoint.recordFlag,
            model: "\(records.first?.responseName ?? "") ~ " + terms.map { $0.variables.map(endpoint.termName).joined(separator: ":") }
                .joined(separator: " + "),
            covarianceTried: endpoint.covariance.map(\.rawValue), covariance: nil, covarianceFailures: [],
            degreesOfFreedom: endpoint.degreesOfFreedom.rawValue, weights: endpoint.weights.rawValue,
            participants: 0, observations: 0, excluded: rows.participant.count, duplicateRecords: duplicates,
            covarianceMatrix: nil, restrictedLogLikelihood: nil, visits: [], failure: nil, logOffset: endpoint.logOffset)
        if duplicates > 0 {
            log.record(endpoint.name, "\(duplicates) participants have more than one record at a visit; the first is analysed")
        }
        // Each arm's rows follow one another (`rows` is built arm by arm).
        let armRows = members.reduce(into: [Range<Int>]()) { ranges, participants in
            let start = ranges.last?.upperBound ?? 0
            ranges.append(start..<start + participants.count)
        }
        let described = { (visit: Int) in
            let samples = armRows.map { Sample(responses[visit][$0].filter(\.isFinite)) }
            return zip(members, Sample.descriptives(of: samples)).map { (n: $0.count, descriptives: $1) }
        }
        do {
            let frame = try RepeatedMeasuresFrame(
                responses: responses, visits: labels, variables: variables, terms: terms, visitVariable: Self.visitVariable)
            let fit: RepeatedMeasuresFit
            do {
                fit = try RepeatedMeasuresFit(
                    frame, structures: endpoint.covariance.map(\.structure), degreesOfFreedom: endpoint.degreesOfFreedom.method)
            } catch {
                if case let .noStructureFitted(attempts) = error {
                    result.covarianceFailures = attempts.compactMap(Self.note)
                }
                throw error
            }
            result.covariance = endpoint.covariance.first { $0.structure == fit.structure }?.rawValue
            result.covarianceFailures = fit.attempts.compactMap(Self.note)
            for failure in result.covarianceFailures {
                log.record(endpoint.name, "the \(failure.covariance) covariance could not be fitted (\(failure.reason)); the next listed was tried")
            }
            result.participants = frame.participantCount
            result.observations = frame.observationCount
            result.excluded = frame.droppedParticipantCount
            result.covarianceMatrix = fit.covarianceRows
            result.restrictedLogLikelihood = fit.restrictedLogLikelihood
            let means = try fit.leastSquaresMeans(of: armVariable, weights: endpoint.weights.marginalWeights)
            let reference = plan.arms.control
            let differences = try means.differences(against: reference)
            result.visits = endpoint.visits.indices.map { visit in
                let arms = zip(arms, described(visit)).map { arm, summary in
                    ModelEndpointArm(arm: arm, n: summary.n, descriptives: summary.descriptives,
                                     lsMean: means.levels.firstIndex(of: arm).flatMap { means.means[visit][$0] }.map(ModelEstimate.init),
                                     logOffset: endpoint.logOffset)
                }
                return RepeatedMeasuresVisit(
                    visit: endpoint.visits[visit], visitLabel: records[visit].visitLabel, byArm: arms,
                    differences: plan.arms.ordered.filter { $0 != reference }.map { arm in
                        ModelDifference(arm: arm, reference: reference,
                                        difference: differences[visit].first { $0.level == arm }?.estimate.map(ModelEstimate.init),
                                        logOffset: endpoint.logOffset)
                    })
            }
        } catch {
            result.failure = String(describing: error)
            result.visits = endpoint.visits.indices.map { visit in
                RepeatedMeasuresVisit(
                    visit: endpoint.visits[visit], visitLabel: records[visit].visitLabel,
                    byArm: zip(arms, described(visit)).map { ModelEndpointArm(arm: $0, n: $1.n, descriptives: $1.descriptives, lsMean: nil) },
                    differences: [])
            }
            log.record(endpoint.name, "the repeated-measures model could not be fitted: \(String(describing: error))")
        }
        return result
    }

    /// arm, visit, the covariates, arm × visit, then baseline × visit (R's order for
    /// `arm * AVISIT + BASE * AVISIT + covariates`).
    static func terms(arm: String, covariates: [String]) -> [ModelTerm] {
        [ModelTerm(arm), ModelTerm(visitVariable)] + covariates.map { ModelTerm($0) } + [ModelTerm(arm, visitVariable)]
            + covariates.filter { $0 == ModelEndpoint.baseline }.map { ModelTerm(visitVariable, $0) }
    }

    /// Each participant's baseline: the first finite one of the visits' records in order, NaN when
    /// none is (visit by visit, each record read in place, not copied per participant).
    static func firstBaselines(_ records: [EndpointRecords], of participants: [Int32]) -> [Double] {
        var baselines = [Double](repeating: .nan, count: participants.count)
        for visit in records {
            for (row, participant) in participants.enumerated() where baselines[row].isNaN {
                let baseline = visit.baseline(of: Int(participant))
                if baseline.isFinite { baselines[row] = baseline }
            }
        }
        return baselines
    }

    /// The note of a structure that failed, `nil` for the one fitted.
    private static func note(_ attempt: CovarianceAttempt) -> CovarianceFailureNote? {
        attempt.failure.map { failure in
            CovarianceFailureNote(
                covariance: ModelEndpoint.Covariance.allCases.first { $0.structure == attempt.structure }?.rawValue ?? "",
                reason: failure.description)
        }
    }
}

extension ModelEndpoint.DegreesOfFreedom {
    /// TrialStats' method.
    var method: DegreesOfFreedomMethod {
        switch self {
        case .satterthwaite: .satterthwaite
        case .kenwardRoger: .kenwardRoger
        }
    }
}

extension ModelEndpoint.Covariance {
    /// TrialStats' structure.
    var structure: CovarianceStructure {
        switch self {
        case .unstructured: .unstructured
        case .compoundSymmetry: .compoundSymmetry
        case .ar1: .autoregressive
        case .toeplitzHeterogeneous: .toeplitzHeterogeneous
        }
    }
}
