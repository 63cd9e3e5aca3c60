import TrialData
import TrialStats

/// Analyses an endpoint of the plan by a linear model (ANCOVA): the value, change or percent change
/// of a parameter at a visit ~ arm + covariates, on the participants of an analysis set, with
/// least-squares means (emmeans), each arm against the reference, the F test across the arms
/// (`drop1`) and, when every arm has a dose, the slope of a model with the dose in place of the arm
/// (both for more than two arms); on the plan's arms or those the endpoint names; and, for each
/// subgroup of the plan, the effects within its levels and the interaction test (`ModelSubgroupAnalysis`).
struct ModelEndpointAnalysis {
    /// The name of the arm factor in the model.
    static let armVariable = "arm"
    /// The name of the dose variable of the dose–response model.
    static let doseVariable = "dose"

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

    /// The results of `endpoint`; a model that cannot be fitted gives `failure` and a note. With
    /// `course` false, the means at every visit (`byVisit`, the endpoint's figure) are left out.
    func run(_ endpoint: ModelEndpoint, course: Bool = true, _ log: inout NoteLog) -> ModelEndpointResult {
        let endpointArms = EndpointArms(endpoint, plan: plan, participants: data.participants)
        let arms = endpointArms.names, members = endpointArms.members
        let doses = endpointArms.list.map(\.dose)
        let records = self.records.records(endpoint)
        let rows = endpointArms.rows
        let response = rows.participant.map { records.response(of: Int($0)) }
        var variables: [String: ModelVariable] = [Self.armVariable: .arm(rows.arm, of: arms, reference: plan.arms.control)]
        for covariate in endpoint.covariates {
            variables[covariate] = covariate == ModelEndpoint.baseline
                ? .numeric(rows.participant.map { records.baseline(of: Int($0)) })
                : subjectVariable(covariate, rows.participant)
        }
        let terms = [ModelTerm(Self.armVariable)] + endpoint.covariates.map { ModelTerm($0) }
        let model = "\(records.responseName) ~ " + ([Self.armVariable] + endpoint.covariates.map(endpoint.termName)).joined(separator: " + ")
        var result = ModelEndpointResult(
            name: endpoint.name, parameter: endpoint.parameter, parameterLabel: records.parameterLabel, visit: endpoint.visit,
            visitLabel: records.visitLabel, measure: endpoint.measure.rawValue, set: endpoint.set, recordFlag: endpoint.recordFlag,
            model: model, weights: endpoint.weights.rawValue, excluded: 0, duplicateRecords: records.duplicates,
            byArm: [], differences: [], armTest: nil, doseResponse: nil, failure: nil, logOffset: endpoint.logOffset)
        if course { result.byVisit = ModelEndpointCourse(records: self.records).byVisit(endpoint, arms: arms, members: members) }
        let context = endpoint.name
        if records.duplicates > 0 {
            log.record(context, "\(records.duplicates) participants have more than one record at the visit; the first is analysed")
        }
        do {
            let frame = try ModelFrame(response: response, variables: variables, terms: terms)
            let fit = try LinearFit(frame)
            let means = try fit.leastSquaresMeans(of: Self.armVariable, weights: endpoint.weights.marginalWeights)
            var complete = [Bool](repeating: false, count: rows.arm.count)
            for row in frame.completeRows { complete[row] = true }
            result.excluded = frame.droppedRowCount
            let described = Sample.descriptives(of: arms.indices.map { arm in
                Sample(rows.arm.indices.filter { rows.arm[$0] == arm && complete[$0] }.map { response[$0] })
            })
            result.byArm = arms.indices.map { arm in
                let level = means.levels.firstIndex(of: arms[arm])
                return ModelEndpointArm(arm: arms[arm], n: members[arm].count, descriptives: described[arm],
                                        lsMean: level.flatMap { means.means[$0] }.map(ModelEstimate.init), logOffset: endpoint.logOffset)
            }
            let reference = plan.arms.control
            let differences = try means.differences(against: reference)
            result.differences = arms.filter { $0 != reference }.map { arm in
                ModelDifference(arm: arm, reference: reference,
                                difference: differences.first { $0.level == arm }?.estimate.map(ModelEstimate.init),
                                logOffset: endpoint.logOffset)
            }
            if !plan.subgroups.isEmpty {
                let subgroups = ModelSubgroupAnalysis(arms: arms, reference: reference, weights: endpoint.weights.marginalWeights)
                let model = ModelSubgroupAnalysis.Model(participants: rows.participant, arm: rows.arm, response: response,
                                                        variables: variables, terms: terms)
                result.subgroups = plan.subgroups.map {
                    subgroups.run(SubgroupMembership($0, participants: data.participants), model: model, context: context, &log)
                }
            }
            // With two arms the test across the arms and the dose slope repeat the difference's test.
            guard arms.count > 2 else { return result }
            result.armTest = fit.dropOneTest(ModelTerm(Self.armVariable)).map {
                ModelTermTest(df: $0.degreesOfFreedom, residualDf: fit.residualDegreesOfFreedom, f: $0.fStatistic, pValue: $0.pValue)
            }
            result.doseResponse = try doseResponse(response: response, doses: rows.arm.map { doses[$0] }, variables: variables, endpoint: endpoint)
        } catch {
            result.failure = error.description
            result.byArm = arms.indices.map { arm in ModelEndpointArm(arm: arms[arm], n: members[arm].count, descriptives: .empty, lsMean: nil) }
            log.record(context, "the model could not be fitted: \(error.description)")
        }
        return result
    }

    /// A subject-level variable for the rows' participants: numbers, or a factor of its texts.
    func subjectVariable(_ name: String, _ participants: [Int32]) -> ModelVariable {
        guard let column = data.participants.column(named: name) else { return .numeric(participants.map { _ in .nan }) }
        if let numbers = column.numbers { return .numeric(participants.map { numbers[Int($0)] }) }
        return .factor(participants.map { column.text(at: Int($0)) })
    }

    /// The slope of the dose with the dose as a numeric term in place of the arm, or `nil` when an arm has no dose.
    ///
    /// - Parameter doses: the dose of each row's arm.
    private func doseResponse(response: [Double], doses: [Double?], variables: [String: ModelVariable],
                              endpoint: ModelEndpoint) throws(LinearModelError) -> ModelEstimate? {
        guard doses.allSatisfy({ $0 != nil }) else { return nil }
        var variables = variables
        variables[Self.armVariable] = nil
        variables[Self.doseVariable] = .numeric(doses.map { $0 ?? .nan })
        let frame = try ModelFrame(response: response, variables: variables,
                                   terms: [ModelTerm(Self.doseVariable)] + endpoint.covariates.map { ModelTerm($0) })
        return try LinearFit(frame).coefficient(Self.doseVariable)?.estimate.map(ModelEstimate.init)
    }
}

extension ModelEstimate {
    /// The estimate of a linear model.
    init(_ estimate: LinearEstimate) {
        self.init(estimate: estimate.estimate, se: estimate.standardError, df: estimate.degreesOfFreedom,
                  ciLower: estimate.confidenceInterval.lower, ciUpper: estimate.confidenceInterval.upper,
                  t: estimate.t, pValue: estimate.pValue)
    }
}

extension ModelEndpoint {
    /// A covariate as the model formula writes it: `log(BASE + c)` for the baseline on the log scale.
    func termName(_ covariate: String) -> String {
        covariate == Self.baseline ? EndpointRecords.transformed(covariate, logOffset: logOffset) : covariate
    }
}

extension ModelEndpoint.Weights {
    /// The weights of TrialStats' least-squares means.
    var marginalWeights: MarginalWeights {
        switch self {
        case .equal: .equal
        case .proportional: .proportional
        case .outer: .outer
        }
    }
}
