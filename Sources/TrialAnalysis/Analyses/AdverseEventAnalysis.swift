import TrialData

/// Safety: treatment-emergent adverse events by system organ class, term and severity, per arm.
struct AdverseEventAnalysis {
    let study: StudyBasis

    func run(_ log: inout NoteLog) -> AdverseEventResults {
        let table = study.data.adverseEvents
        let counts = AdverseEventCounts(table, arm: study.arm)
        if counts.preTreatment > 0 {
            log.record("adae.csv", "\(counts.preTreatment) event(s) with a negative study day (before the first infusion) left out")
        }
        var sizes = [0, 0]
        for arm in study.arm { sizes[Int(arm)] += 1 }
        let classes = table.bodySystems.strings
        let classOrder = classes.indices.sorted { classes[$0] < classes[$1] }
        let byClass = counts.count(groups: classes.count) { Int(table.bodySystem[$0]) }
        // Terms are keyed by class and term: the same term may sit under two classes.
        let (pairs, byPair) = counts.countsByTerm()
        let order = pairs.indices.sorted { (classes[Int(pairs[$0].soc)], table.terms[Int(pairs[$0].term)])
            < (classes[Int(pairs[$1].soc)], table.terms[Int(pairs[$1].term)]) }
        let terms = order.map { index in
            let pair = pairs[index], name = table.terms[Int(pair.term)]
            let difference = log.attempt("difference of proportions", name) {
                try PlannedTests.difference((byPair[index][0].subjects, sizes[0]), (byPair[index][1].subjects, sizes[1]))
            }
            return AdverseEventTerm(term: name, soc: classes[Int(pair.soc)], byArm: armCounts(byPair[index]),
                                    difference: difference ?? ProportionDifference(estimate: nil, ciLower: nil, ciUpper: nil))
        }
        let worst = counts.worstSeverity(participantCount: study.participantCount)
        let severityEvents = counts.count(groups: TrialData.AdverseEventSeverity.allCases.count) { Int(table.severity[$0].rawValue) }
        let severities = TrialData.AdverseEventSeverity.allCases.map { severity in
            var subjects = [0, 0]
            for (participant, grade) in worst.enumerated() where grade == severity { subjects[Int(study.arm[participant])] += 1 }
            let events = severityEvents[Int(severity.rawValue)]
            return AdverseEventSeverity(severity: severity.code, byArm: armCounts([(subjects[0], events[0].events), (subjects[1], events[1].events)]))
        }
        let incidence = { (name: String, include: (Int) -> Bool, log: inout NoteLog) -> AdverseEventIncidence in
            let any = counts.count(groups: 1) { include($0) ? 0 : nil }[0]
            let pValue = log.attempt("Fisher's exact test", name) {
                try PlannedTests.fisher((any[0].subjects, sizes[0]), (any[1].subjects, sizes[1]))
            }
            return AdverseEventIncidence(byArm: armCounts(any), test: .fisherExact, pValue: pValue)
        }
        return AdverseEventResults(
            byTerm: terms,
            bySystemOrganClass: classOrder.filter { byClass[$0][0].events + byClass[$0][1].events > 0 }.map {
                AdverseEventClass(soc: classes[$0], byArm: armCounts(byClass[$0]))
            },
            bySeverity: severities,
            anyEvent: incidence("any adverse event", { _ in true }, &log),
            serious: incidence("serious adverse events", { table.serious[$0] }, &log),
            related: incidence("related adverse events", { table.related[$0] == true }, &log),
            preTreatmentEventsExcluded: counts.preTreatment)
    }

    private func armCounts(_ counts: [(subjects: Int, events: Int)]) -> [AdverseEventCount] {
        zip(study.armLabels, counts).map { AdverseEventCount(arm: $0, subjects: $1.subjects, events: $1.events) }
    }
}
