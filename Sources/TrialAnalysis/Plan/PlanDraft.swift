import TrialData

/// A first plan for a study folder, drafted from what its data files hold (`StudyFolderSurvey`):
/// what `trialreport init` writes. The plan uses only what the files show — the arms, the
/// population flags, the datasets, the end-of-study status — and leaves out what only the study's statistician can decide
/// (the primary endpoint, the doses, the baseline table), so it validates and renders as it is;
/// `text` is the plan's canonical YAML after a comment saying what was recognised, what was
/// guessed and what is left to decide.
public struct PlanDraft: Sendable {
    /// The plan drafted.
    public var plan: AnalysisPlan
    /// What was recognised in the files, one line each.
    public var recognised: [String]
    /// What was guessed and should be checked, one sentence each.
    public var guesses: [String]
    /// What the plan leaves to the user, one sentence each.
    public var decisions: [String]

    /// The population flags of ADSL that become analysis sets, with the sets' names.
    static let populationFlags: [(flag: String, name: String)] = [
        ("SAFFL", "Safety"), ("ITTFL", "Intent-to-treat"), ("FASFL", "Full analysis"), ("EFFFL", "Efficacy"),
        ("PPROTFL", "Per protocol"), ("RANDFL", "Randomised"), ("ENRLFL", "Enrolled"),
    ]
    /// Words of an arm's label that make it the guessed reference arm.
    static let referenceWords = ["placebo", "control", "vehicle", "standard", "sham"]
    /// Relatedness values (AREL/AEREL) counted as related when the variable is not Y/N.
    static let relatedWords: Set = ["POSSIBLE", "PROBABLE", "RELATED", "DEFINITE", "POSSIBLY RELATED", "PROBABLY RELATED",
                                    "DEFINITELY RELATED", "LIKELY"]

    /// The draft for the files `survey` found in the folder named `folderName`.
    /// - Throws: `TrialReportError` `.missingInput` (exit 66) when the folder has no subject-level
    ///   dataset, saying what was expected and what each data file is.
    public init(survey: StudyFolderSurvey, folderName: String) throws(TrialReportError) {
        guard let subjects = survey.subjects else {
            let found = survey.unrecognised.map { "\($0.file): \($0.reason)" }
            throw TrialReportError(.missingInput, at: SourceLocation(file: folderName),
                                   "no subject-level dataset found: init expects CDISC ADaM datasets as CSV or SAS transport "
                                   + "(.xpt) files in the folder or a subfolder, at least ADSL with USUBJID and TRT01P"
                                   + (found.isEmpty ? " (the folder has no .csv or .xpt file)" : "; found " + found.joined(separator: "; ")))
        }
        recognised = []
        guesses = []
        decisions = []
        let reference = subjects.arms.firstIndex { arm in Self.referenceWords.contains { arm.lowercased().contains($0) } }
        let arms = ArmLabels(arms: subjects.arms.map { ArmLabels.Arm(label: $0) }, referenceIndex: reference ?? 0)
        let armList = subjects.arms.map { "\"\($0)\"" }.joined(separator: ", ")
        recognised.append("\(subjects.file): subject-level, \(subjects.participantCount) participants; arms from \(subjects.treatment): \(armList)")
        guesses.append("the reference arm is \"\(arms.control)\"" + (reference == nil
            ? " (the first arm: no label names a placebo or control); set 'reference: true' on the right arm"
            : " (its label names a placebo or control)"))
        decisions.append("the title: '\(folderName)' stands for it")
        if survey.isSeedLayout {
            plan = AnalysisPlan(title: folderName, arms: subjects.arms.count == 2 ? Self.seedArms(subjects.arms, reference: arms) : arms)
            recognised.append("the seed study's layout (adsl.csv with ARM, adlb.csv, adae.csv, adii.csv): the built-in plan, written in full")
            decisions.append("the parameters, visits and remission rule are the built-in plan's: adapt them to the study")
            return
        }
        plan = AnalysisPlan(title: folderName, arms: arms, subgroups: [], figures: FigureName.adam)
        let sets = Self.populationFlags.filter { subjects.flags.contains($0.flag) }.map {
            AnalysisSet(name: $0.name, flag: $0.flag, byActualTreatment: $0.flag == "SAFFL" && subjects.actualTreatment != nil)
        }
        plan.sets = sets
        if !sets.isEmpty {
            guesses.append("analysis sets from the population flags: " + sets.map { "\($0.name) (\($0.flag)"
                + ($0.byActualTreatment ? ", as treated by \(subjects.actualTreatment ?? ""))" : ")") }.joined(separator: ", "))
        }
        let otherFlags = subjects.flags.filter { flag in !sets.contains { $0.flag == flag } }
        if !otherFlags.isEmpty {
            decisions.append("flags not taken as analysis sets: \(otherFlags.joined(separator: ", ")); add a set for any that is one")
        }
        var layout = AdamLayout(subjects: subjects.file, events: survey.events?.file, measurements: survey.measurements.map(\.file),
                                treatment: subjects.treatment, actualTreatment: subjects.actualTreatment, flags: sets.map(\.flag))
        if let events = survey.events {
            recognised.append("\(events.file): adverse events, \(events.eventCount) records; only those with TRTEMFL = Y (when present) are analysed")
            if let relatedness = events.relatedness, !Set(events.relatednessValues).isSubset(of: ["Y", "N"]) {
                layout.relatedValues = events.relatednessValues.filter(Self.relatedWords.contains)
                layout.unrelatedValues = events.relatednessValues.filter { !Self.relatedWords.contains($0) }
                guesses.append("\(relatedness) values counted as related: \(Self.list(layout.relatedValues ?? [])); "
                               + "not related: \(Self.list(layout.unrelatedValues))")
            }
        }
        plan.data = .adam(layout)
        if let status = subjects.endOfStudyStatus {
            let set = sets.first { $0.flag == "ITTFL" } ?? sets.first { $0.flag == "RANDFL" }
            plan.disposition = DispositionPlan(set: set?.name)
            guesses.append("the disposition table from \(status)" + (subjects.discontinuationReason.map { " with the reasons of \($0)" } ?? "")
                           + (set.map { " in the \($0.name) set" } ?? " for every participant by planned arm")
                           + "; a completion flag such as COMP24FL goes in 'disposition.status'")
        }
        for dataset in survey.measurements {
            let parameters = dataset.parameters.prefix(8).map(\.code).joined(separator: ", ")
                + (dataset.parameters.count > 8 ? " and \(dataset.parameters.count - 8) more" : "")
            let visits = dataset.visits.prefix(8).map { visit in visit.name.map { "\(PlanNumber.text(visit.number)) (\($0))" } ?? PlanNumber.text(visit.number) }
                .joined(separator: ", ") + (dataset.visits.count > 8 ? " and \(dataset.visits.count - 8) more" : "")
            recognised.append("\(dataset.file): measurements, \(dataset.recordCount) records; parameters \(parameters); visits \(visits)")
        }
        decisions.append(Self.endpointDecision(survey, sets: sets))
        decisions.append("the doses: add 'dose:' to every arm for the dose-response test of each endpoint")
        decisions.append("the baseline characteristics table: add 'baseline:' with the subject-level variables to show")
    }

    /// The plan's YAML after a comment with what was recognised, guessed and left to decide.
    public var text: String {
        var lines = ["# study.yaml drafted by `trialreport init` from the study folder's data files. It validates and",
                     "# renders as it is; check what is guessed and decide what is left open, then run",
                     "# `trialreport validate`. Every key is described in Guides/Plan.md and Guides/ADaMStudies.md.",
                     "#", "# Recognised:"]
        lines += recognised.map { "#   " + $0 }
        lines += ["# Guessed (check):"] + guesses.map { "#   - " + $0 }
        lines += ["# Left to decide:"] + decisions.map { "#   - " + $0 }
        return (lines + [""]).joined(separator: "\n") + plan.canonicalYAML
    }

    /// The seed layout's two arms: the treatment first, as the shorthand writes them.
    private static func seedArms(_ labels: [String], reference: ArmLabels) -> ArmLabels {
        let control = reference.control
        return ArmLabels(treatment: labels.first { $0 != control } ?? labels[0], control: control)
    }

    /// What to write for the primary endpoint, with an example from the first dataset with changes.
    private static func endpointDecision(_ survey: StudyFolderSurvey, sets: [AnalysisSet]) -> String {
        let decision = "the primary endpoint (and any other): add 'endpoints:'"
        guard let dataset = survey.measurements.first(where: \.hasChange) ?? survey.measurements.first,
              let parameter = dataset.parameters.first, let visit = dataset.visits.last else { return decision }
        let set = sets.first { $0.flag != "SAFFL" } ?? sets.first
        return decision + ", e.g. endpoints: [{name: \"\(parameter.name)\", parameter: \(parameter.code), "
            + "visit: \(PlanNumber.text(visit.number)), measure: \(dataset.hasChange ? "change" : "value")"
            + (set.map { ", set: \($0.name)" } ?? "") + "}]"
    }

    private static func list(_ values: [String]) -> String {
        values.isEmpty ? "none" : values.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
