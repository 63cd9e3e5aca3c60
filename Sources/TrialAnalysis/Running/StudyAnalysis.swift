import Dispatch
import Synchronization
import TrialData

/// Runs every analysis of the plan on a study's data.
public enum StudyAnalysis {
    /// The results of every analysis of `plan` on `data` (SPEC.md §3, §5).
    ///
    /// Statistics that cannot be computed (an empty arm, no events, constant values) are `nil`
    /// in the results, each with an `AnalysisNote`; nothing traps and nothing is NaN. The
    /// endpoints, the bulk of the work, run on every core; the results do not depend on it.
    ///
    /// - Parameters:
    ///   - data: the study's data, validated against `plan.studyExpectations`.
    ///   - plan: the analysis plan.
    /// - Returns: the results, identical for identical inputs.
    /// - Complexity: O(*m* + *p* · *v* · *s* · *n*) for *m* measurements, *p* parameters, *v*
    ///   visits, *s* populations and *n* participants (samples are radix-sorted).
    public static func run(data: StudyData, plan: AnalysisPlan) -> Results {
        let study = DerivedStudy(data: data, plan: plan)
        let members = study.populations.map(study.participantsByArm)
        let endpoints = endpointOutcomes(study, members)

        var remissionLog = NoteLog(section: "remission")
        let remission = RemissionAnalysis(study: study).run(&remissionLog)
        var baselineLog = NoteLog(section: "baseline")
        let baseline = BaselineAnalysis(study: study).run(participants: members, &baselineLog)
        var logisticLog = NoteLog(section: "logistic")
        let logistic = LogisticAnalysis(study: study).run(&logisticLog)
        var insulinLog = NoteLog(section: "insulinIndependence")
        let insulin = InsulinIndependenceAnalysis(study: study).run(&insulinLog)
        var safetyLog = NoteLog(section: "adverseEvents")
        let adverseEvents = AdverseEventAnalysis(study: study).run(&safetyLog)
        let figureData = FigureDataAnalysis(study: study).run(endpoints: endpoints, participants: members)

        let notes = remissionLog.notes + endpoints.flatMap(\.notes) + logisticLog.notes + insulinLog.notes
            + safetyLog.notes + baselineLog.notes
        let sizes = study.armLabels.indices.map { arm in study.arm.count { $0 == Int32(arm) } }
        return Results(
            inputs: data.inputs.map { InputFile(file: $0.file, sha256: $0.sha256, bytes: $0.byteCount, rows: $0.rowCount) },
            arms: zip(study.armLabels, sizes).map { ArmSize(arm: $0, n: $1) },
            remission: remission, endpoints: endpoints.map(\.result), logistic: logistic,
            insulinIndependence: insulin, adverseEvents: adverseEvents, baseline: baseline,
            participantFlow: ParticipantFlowAnalysis(study: study).run(), figureData: figureData, notes: notes)
    }

    /// Every endpoint — parameter × visit after baseline × population, in that nesting order — computed
    /// concurrently, returned in order.
    private static func endpointOutcomes(_ study: DerivedStudy, _ members: [[[Int32]]]) -> [EndpointAnalysis.Outcome] {
        let visits = study.grid.visits.indices.filter { study.grid.visits[$0] > study.plan.baselineVisit }
        let tasks = study.plan.parameters.indices.flatMap { parameter in
            visits.flatMap { visit in study.populations.indices.map { (parameter, visit, $0) } }
        }
        let outcomes = Mutex([EndpointAnalysis.Outcome?](repeating: nil, count: tasks.count))
        let analysis = EndpointAnalysis(study: study)
        DispatchQueue.concurrentPerform(iterations: tasks.count) { index in
            let (parameter, visit, population) = tasks[index]
            let outcome = analysis.outcome(parameter: parameter, visit: visit, population: study.populations[population],
                                           participants: members[population])
            outcomes.withLock { $0[index] = outcome }
        }
        return outcomes.withLock { $0.map { $0! } }
    }
}
