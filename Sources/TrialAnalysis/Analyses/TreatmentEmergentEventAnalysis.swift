import TrialData

/// Treatment-emergent adverse events of an analysis set for any number of arms: the overview
/// (any event, serious, related, worst severity) and the incidence by system organ class and
/// preferred term, in the order, with the threshold and the tests of a `SafetySpecification`
/// (the plan's `safety` section).
///
/// The set is `specification.set`, else the first of the plan's sets analysed by actual treatment,
/// else all participants by assigned arm. The events are those of the events table (for ADaM data,
/// the treatment-emergent ones by the dataset's flag) of the set's participants, less those with a
/// negative study day (before treatment; counted and noted).
struct TreatmentEmergentEventAnalysis {
    let data: StudyData
    let plan: AnalysisPlan
    let specification: SafetySpecification

    /// The results; statistics that cannot be computed are `nil` with a note in `log`.
    /// - Complexity: O(*e* log *e* + *r* · *t*) for *e* events, *r* rows listed and *t* the
    ///   time of a row's tests.
    func run(_ log: inout NoteLog) -> TreatmentEmergentEvents {
        let (set, arm) = population(&log)
        let armLabels = data.participants.arms
        var sizes = [Int](repeating: 0, count: armLabels.count)
        for index in arm where index >= 0 { sizes[Int(index)] += 1 }
        let table = data.adverseEvents
        let counts = AdverseEventCounts(table, arm: arm, armCount: armLabels.count)
        let setName = set?.name ?? "all participants"
        if counts.preTreatment > 0 {
            log.record(setName, "\(counts.preTreatment) event(s) with a negative study day (before treatment) left out")
        }
        let tests = EmergentEventRowTests(tests: specification.tests, arms: armLabels, sizes: sizes, reference: plan.arms.referenceIndex)
        let anyEvent = counts.count(groups: 1) { _ in 0 }[0]
        let serious = counts.count(groups: 1) { table.serious[$0] ? 0 : nil }[0]
        let recordsRelatedness = counts.events.contains { table.related[$0] != nil }
        let related = counts.count(groups: 1) { table.related[$0] == true ? 0 : nil }[0]

        let worst = counts.worstSeverity(participantCount: arm.count)
        let severityEvents = counts.count(groups: TrialData.AdverseEventSeverity.allCases.count) { Int(table.severity[$0].rawValue) }
        let bySeverity = TrialData.AdverseEventSeverity.allCases.map { severity in
            var subjects = [Int](repeating: 0, count: armLabels.count)
            for (participant, grade) in worst.enumerated() where grade == severity { subjects[Int(arm[participant])] += 1 }
            let events = severityEvents[Int(severity.rawValue)].map(\.events)
            return EmergentEventSeverity(severity: severity.code, incidence: tests.untested(Array(zip(subjects, events))))
        }

        let listing = EmergentEventListing(table: table, counts: counts, sizes: sizes, specification: specification)
        let classes = listing.classes.map { listed in
            let soc = table.bodySystems[listed.soc]
            return EmergentEventClass(
                soc: soc, incidence: tests.incidence(listed.counts, context: "\(setName), \(soc)", &log),
                terms: listed.terms.map { term in
                    let name = table.terms[term.term]
                    return EmergentEventTerm(term: name, incidence: tests.incidence(term.counts, context: "\(setName), \(soc) / \(name)", &log))
                })
        }
        return TreatmentEmergentEvents(
            set: set?.name, byActualTreatment: set?.byActualTreatment ?? false,
            arms: zip(armLabels, sizes).map { ArmSize(arm: $0, n: $1) }, reference: armLabels[plan.arms.referenceIndex],
            specification: specification, preTreatmentEventsExcluded: counts.preTreatment,
            anyEvent: tests.incidence(anyEvent, context: "\(setName), any event", &log),
            serious: tests.incidence(serious, context: "\(setName), serious events", &log),
            related: recordsRelatedness ? tests.incidence(related, context: "\(setName), related events", &log) : nil,
            bySeverity: bySeverity, classes: classes,
            termsBelowThreshold: listing.termsBelowThreshold, classesBelowThreshold: listing.classesBelowThreshold)
    }

    /// The analysis set and each participant's arm in it (`-1`: not in the set).
    private func population(_ log: inout NoteLog) -> (set: AnalysisSet?, arm: [Int32]) {
        let participants = data.participants
        let chosen: Int?
        if let name = specification.set {
            chosen = plan.sets.firstIndex { $0.name == name }
            if chosen == nil { log.record(name, "'\(name)' is not one of the plan's sets; all participants analysed by assigned arm") }
        } else {
            chosen = plan.sets.firstIndex(where: \.byActualTreatment)
        }
        guard let chosen else { return (nil, participants.arm) }
        var arm = [Int32](repeating: -1, count: participants.count)
        for (index, members) in AnalysisSetMembers.all(of: plan, in: participants)[chosen].byArm.enumerated() {
            for participant in members { arm[Int(participant)] = Int32(index) }
        }
        return (plan.sets[chosen], arm)
    }
}
