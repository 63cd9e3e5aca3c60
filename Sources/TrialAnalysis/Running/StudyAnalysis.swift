import TrialData

/// Runs every analysis of the plan on a study's data.
public enum StudyAnalysis {
    /// The results of every analysis of `plan` on `data` (SPEC.md §3, §5).
    ///
    /// Statistics that cannot be computed (an empty arm, no events, constant values) are `nil`
    /// in the results, each with an `AnalysisNote`; nothing traps and nothing is NaN. The
    /// endpoints, the bulk of the work, and the other sections run concurrently on every core;
    /// the results do not depend on the schedule.
    ///
    /// - Parameters:
    ///   - data: the study's data, validated against `plan.studyExpectations`. A caller that
    ///     hands over its only copy lets the analyses reuse the memory of the measurement rows
    ///     once they are in the measurement grid.
    ///   - plan: the analysis plan.
    /// - Returns: the results, identical for identical inputs.
    /// - Complexity: O(*m* + *p* · *v* · *s* · *n*) for *m* measurements, *p* parameters, *v*
    ///   visits, *s* populations and *n* participants (samples are radix-sorted).
    public static func run(data: consuming StudyData, plan: AnalysisPlan) -> Results {
        switch plan.data {
        case .seedStudy: seedStudy(data: consume data, plan: plan)
        case .adam: adamStudy(data: data, plan: plan)
        }
    }

    /// The analyses of a study in the seed study's layout: every section of SPEC.md §5.
    private static func seedStudy(data: consuming StudyData, plan: AnalysisPlan) -> Results {
        let (basis, measurements) = StudyBasis.separating(consume data, plan: plan)
        // The sections that need no measurements run while the grid is built, on the core its
        // building leaves idle.
        let eventsAndEpisodes = BackgroundComputation {
            (adverseEvents: section("adverseEvents") { AdverseEventAnalysis(study: basis).run(&$0) },
             insulin: section("insulinIndependence") { InsulinIndependenceAnalysis(study: basis).run(&$0) })
        }
        let study = DerivedStudy(basis, measurements: consume measurements)
        // One job per supportive endpoint, per section and per endpoint task, the longest first;
        // each section collects its own notes.
        var jobs = AnalysisJobs()
        let supportive = SupportiveAnalysis(study: study).add(to: &jobs)
        let remission = jobs.add { section("remission") { RemissionAnalysis(study: study).run(&$0) } }
        let logistic = jobs.add { section("logistic") { LogisticAnalysis(study: study).run(&$0) } }
        let baseline = jobs.add { section("baseline") { BaselineAnalysis(study: study).run(&$0) } }
        let flow = jobs.add { ParticipantFlowAnalysis(study: study).run() }
        // The baseline points are one job, the endpoints many small ones that fill the last gaps.
        let pointsUpToBaseline = jobs.add { FigureDataAnalysis(study: study).pointsUpToBaseline() }
        let endpointTasks = endpointOutcomes(study, &jobs)
        jobs.run()
        let endpoints = endpointTasks.flatMap(\.value)
        let figureData = FigureDataAnalysis(study: study).run(endpoints: endpoints, pointsUpToBaseline: pointsUpToBaseline.value)
        let supportiveOutcome = supportive()
        let (adverseEvents, insulin) = eventsAndEpisodes.value()

        let notes = remission.value.notes + endpoints.flatMap(\.notes) + logistic.value.notes + insulin.notes
            + adverseEvents.notes + baseline.value.notes + supportiveOutcome.notes
        return Results(
            inputs: inputFiles(study.data), arms: armSizes(study.data.participants),
            remission: remission.value.result, endpoints: endpoints.map(\.result), logistic: logistic.value.result,
            insulinIndependence: insulin.result, adverseEvents: adverseEvents.result,
            baseline: baseline.value.result, participantFlow: flow.value, figureData: figureData, notes: notes,
            plan: PlanAsUsed(plan), supportiveAnalyses: supportiveOutcome.result)
    }

    /// The analyses of a CDISC ADaM study: the arms, the analysis sets, the baseline
    /// characteristics and the disposition the plan asks for, the treatment-emergent
    /// adverse events (when the layout names events) and the modelled endpoints; the sections of
    /// the seed study's layout (remission, endpoints, predictors, episodes) are absent.
    private static func adamStudy(data: StudyData, plan: AnalysisPlan) -> Results {
        let sets = AnalysisSetMembers.all(of: plan, in: data.participants)
        guard case .adam(let layout) = plan.data else { preconditionFailure("an ADaM plan") }
        // Each section a job, the models first; each collects its own notes.
        var jobs = AnalysisJobs()
        let repeated = plan.endpoints.contains { $0.model == .mmrm } ? jobs.add {
            section("repeatedMeasuresEndpoints") { log in
                plan.endpoints.filter { $0.model == .mmrm }.map { RepeatedMeasuresEndpointAnalysis(data: data, plan: plan).run($0, &log) }
            }
        } : nil
        let models = jobs.add {
            section("modelEndpoints") { log in
                plan.endpoints.filter { $0.responder == nil && $0.model == .ancova }.map { ModelEndpointAnalysis(data: data, plan: plan).run($0, &log) }
            }
        }
        let responders = jobs.add {
            section("responderEndpoints") { log in
                plan.endpoints.compactMap { endpoint in
                    endpoint.responder.map { ResponderEndpointAnalysis(data: data, plan: plan).run(endpoint, rule: $0, &log) }
                }
            }
        }
        let events = layout.events.map { _ in
            jobs.add {
                section("treatmentEmergentEvents") { log in
                    TreatmentEmergentEventAnalysis(data: data, plan: plan, specification: plan.safety ?? SafetySpecification()).run(&log)
                }
            }
        }
        let characteristics = jobs.add {
            section("baselineCharacteristics") { BaselineCharacteristicsAnalysis(plan: plan, participants: data.participants).run(&$0) }
        }
        let disposition = jobs.add {
            section("disposition") { DispositionAnalysis(plan: plan, participants: data.participants).run(&$0) }
        }
        let consort = jobs.add {
            section("consortFlow") { ConsortFlowAnalysis(plan: plan, participants: data.participants, sets: sets).run(&$0) }
        }
        jobs.run()
        return Results(
            inputs: inputFiles(data), arms: armSizes(data.participants), remission: nil, endpoints: [], logistic: nil,
            insulinIndependence: nil, adverseEvents: nil, baseline: nil, participantFlow: nil,
            notes: characteristics.value.notes + models.value.notes + (repeated?.value.notes ?? []) + responders.value.notes
                + (events?.value.notes ?? []) + disposition.value.notes + consort.value.notes,
            plan: PlanAsUsed(plan), analysisSets: sets.map { AnalysisSetSize($0, arms: data.participants.arms) },
            treatmentEmergentEvents: events?.value.result, modelEndpoints: models.value.result,
            baselineCharacteristics: characteristics.value.result, responderEndpoints: responders.value.result,
            disposition: disposition.value.result, repeatedMeasuresEndpoints: repeated?.value.result, consortFlow: consort.value.result)
    }

    /// Every input file with its checksum.
    private static func inputFiles(_ data: StudyData) -> [InputFile] {
        data.inputs.map { InputFile(file: $0.file, sha256: $0.sha256, bytes: $0.byteCount, rows: $0.rowCount) }
    }

    /// The participants of each arm, in the order of the participant table's arms.
    private static func armSizes(_ participants: ParticipantTable) -> [ArmSize] {
        var counts = [Int](repeating: 0, count: participants.arms.count)
        for arm in participants.arm where arm >= 0 { counts[Int(arm)] += 1 }
        return zip(participants.arms, counts).map { ArmSize(arm: $0, n: $1) }
    }

    /// The result of one section's analysis with the notes it recorded.
    private static func section<Result>(_ name: String, _ analyse: (inout NoteLog) -> Result) -> (result: Result, notes: [AnalysisNote]) {
        var log = NoteLog(section: name)
        let result = analyse(&log)
        return (result, log.notes)
    }

    /// Every endpoint — parameter × visit after baseline × population, in that nesting order — as
    /// jobs (one per parameter and visit).
    /// - Returns: the jobs' outcomes in that order.
    private static func endpointOutcomes(_ study: DerivedStudy, _ jobs: inout AnalysisJobs) -> [JobResult<[EndpointAnalysis.Outcome]>] {
        let visits = study.grid.visits.indices.filter { study.grid.visits[$0] > study.plan.baselineVisit }
        let analysis = EndpointAnalysis(study: study)
        return study.plan.parameters.indices.flatMap { parameter in
            visits.map { visit in jobs.add { analysis.outcomes(parameter: parameter, visit: visit) } }
        }
    }
}
