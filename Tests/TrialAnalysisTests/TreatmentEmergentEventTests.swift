import Foundation
import Testing
@testable import TrialAnalysis
import TrialData

/// Treatment-emergent adverse events by system organ class and preferred term for k arms: the
/// counting rules on a small ADaM study written by hand, and the CDISC pilot's Table 14-5.01
/// against R (`Fixtures/cdisc_pilot_teae.R`, haven and fisher.test on the bundled transport files).
@Suite("Treatment-emergent adverse events")
struct TreatmentEmergentEventTests {
    // MARK: Counting rules

    /// Three arms; P4 was assigned B but received C; P6 is outside the safety set; P7 received no
    /// arm; P5's HEADACHE is not treatment-emergent and its RASH began before treatment.
    static let adsl = """
        USUBJID,TRT01P,TRT01A,SAFFL
        P1,A,A,Y
        P2,A,A,Y
        P3,B,B,Y
        P4,B,C,Y
        P5,C,C,Y
        P6,C,C,N
        P7,B,,Y
        """
    static let adae = """
        USUBJID,AEDECOD,AEBODSYS,AESEV,AESER,AEREL,TRTEMFL,ASTDY
        P1,HEADACHE,NERV,MILD,N,Y,Y,3
        P1,HEADACHE,NERV,SEVERE,N,Y,Y,5
        P1,NAUSEA,GI,MODERATE,N,N,Y,2
        P3,NAUSEA,GI,MILD,Y,Y,Y,1
        P4,DIZZINESS,NERV,MILD,N,N,Y,4
        P6,NAUSEA,GI,SEVERE,N,N,Y,1
        P5,HEADACHE,NERV,MODERATE,N,N,N,1
        P5,RASH,SKIN,MILD,N,N,Y,-2
        """

    static func smallStudy(_ specification: SafetySpecification = SafetySpecification()) throws -> TreatmentEmergentEvents {
        let plan = """
            data: {format: adam, subjects: adsl.csv, events: adae.csv}
            arms:
              - {label: A, reference: true}
              - {label: B}
              - {label: C}
            sets:
              - {name: Safety, flag: SAFFL, byActualTreatment: true}
            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("teae-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in ["adsl.csv": adsl, "adae.csv": adae, "study.yaml": plan] {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let input = try StudyInput.load(from: folder)
        var log = NoteLog(section: "treatmentEmergentEvents")
        return TreatmentEmergentEventAnalysis(data: input.data, plan: input.plan.plan, specification: specification).run(&log)
    }

    private static func counts(_ incidence: EmergentEventIncidence) -> [[Int]] {
        incidence.byArm.map { [$0.subjects, $0.events] }
    }

    @Test func countsParticipantsOncePerRowByActualTreatmentInTheSet() throws {
        let events = try Self.smallStudy()
        #expect(events.set == "Safety")
        #expect(events.byActualTreatment)
        #expect(events.arms == [ArmSize(arm: "A", n: 2), ArmSize(arm: "B", n: 1), ArmSize(arm: "C", n: 2)])
        #expect(events.reference == "A")
        #expect(events.preTreatmentEventsExcluded == 1)
        #expect(Self.counts(events.anyEvent) == [[1, 3], [1, 1], [1, 1]])
        #expect(events.anyEvent.totalSubjects == 3 && events.anyEvent.totalEvents == 5)
        #expect(Self.counts(events.serious) == [[0, 0], [1, 1], [0, 0]])
        #expect(Self.counts(try #require(events.related)) == [[1, 2], [1, 1], [0, 0]])
        #expect(events.bySeverity.map(\.severity) == ["MILD", "MODERATE", "SEVERE"])
        #expect(events.bySeverity.map { Self.counts($0.incidence) } == [
            [[0, 1], [1, 1], [1, 1]], [[0, 1], [0, 0], [0, 0]], [[1, 1], [0, 0], [0, 0]],
        ])
        #expect(events.classes.map(\.soc) == ["GI", "NERV"])
        #expect(events.classes.map { Self.counts($0.incidence) } == [[[1, 1], [1, 1], [0, 0]], [[1, 2], [0, 0], [1, 1]]])
        #expect(events.classes[1].terms.map(\.term) == ["DIZZINESS", "HEADACHE"])
        #expect(events.classes[1].terms.map { Self.counts($0.incidence) } == [[[0, 0], [0, 0], [1, 1]], [[1, 2], [0, 0], [0, 0]]])
    }

    @Test func comparesEachArmWithTheReferenceOnlyWhereEitherHasTheEvent() throws {
        let dizziness = try Self.smallStudy().classes[1].terms[0].incidence
        #expect(dizziness.versusReference.map(\.arm) == ["B", "C"])
        #expect(dizziness.versusReference[0].pValue == nil)
        #expect(dizziness.versusReference[1].test == .fisherExact)
        #expect(dizziness.versusReference[1].pValue == 1)
        #expect(dizziness.global == nil)
    }

    @Test func testsAreThePlansChoice() throws {
        let none = try Self.smallStudy(SafetySpecification(tests: []))
        #expect(none.anyEvent.versusReference.isEmpty && none.anyEvent.global == nil)
        let global = try Self.smallStudy(SafetySpecification(tests: [.global]))
        #expect(global.anyEvent.versusReference.isEmpty)
        #expect(global.anyEvent.global?.test == .fisherFreemanHalton)
        // fisher.test(rbind(c(1, 1, 1), c(1, 0, 1)))$p.value = 1
        #expect(global.anyEvent.global?.pValue == 1)
    }

    @Test func thresholdListsTermsOfSomeArmAndCountsTheRest() throws {
        let half = try Self.smallStudy(SafetySpecification(minimumPercent: 50))
        #expect(half.classes.flatMap { $0.terms.map(\.term) } == ["NAUSEA", "DIZZINESS", "HEADACHE"])
        #expect(half.termsBelowThreshold == 0)
        let more = try Self.smallStudy(SafetySpecification(minimumPercent: 60))
        #expect(more.classes.map(\.soc) == ["GI"])
        #expect(more.classes[0].terms.map(\.term) == ["NAUSEA"])
        #expect(more.termsBelowThreshold == 2)
        #expect(more.classesBelowThreshold == 1)
    }

    @Test func withoutSetsEveryParticipantCountsInTheAssignedArm() throws {
        let input = try Self.pilotInput()
        var log = NoteLog(section: "treatmentEmergentEvents")
        let plan = AnalysisPlan(data: input.plan.plan.data, arms: input.plan.plan.arms, sets: [])
        let events = TreatmentEmergentEventAnalysis(data: input.data, plan: plan, specification: SafetySpecification()).run(&log)
        #expect(events.set == nil)
        #expect(!events.byActualTreatment)
        #expect(events.arms.map(\.n) == [86, 84, 84])
    }

    @Test func theSeedStudyGivesTheCountsAndTestsOfItsTwoArmAnalysis() throws {
        let folder = Self.pilotFolder.deletingLastPathComponent().appendingPathComponent("uc-msc-t1d")
        let input = try StudyInput.load(from: folder)
        let plan = input.plan.plan
        let seed = try #require(StudyAnalysis.run(data: input.data, plan: plan).adverseEvents)
        var log = NoteLog(section: "treatmentEmergentEvents")
        let events = TreatmentEmergentEventAnalysis(data: input.data, plan: plan, specification: SafetySpecification()).run(&log)
        #expect(events.set == nil)
        #expect(events.preTreatmentEventsExcluded == seed.preTreatmentEventsExcluded)
        #expect(events.anyEvent.byArm == seed.anyEvent.byArm)
        #expect(events.anyEvent.versusReference.map(\.pValue) == [seed.anyEvent.pValue])
        #expect(events.serious.byArm == seed.serious.byArm)
        #expect(events.related?.byArm == seed.related.byArm)
        #expect(events.bySeverity.map(\.incidence.byArm) == seed.bySeverity.map(\.byArm))
        #expect(events.classes.map(\.soc) == seed.bySystemOrganClass.map(\.soc))
        #expect(events.classes.map(\.incidence.byArm) == seed.bySystemOrganClass.map(\.byArm))
        let terms = events.classes.flatMap { organClass in organClass.terms.map { (organClass.soc, $0.term, $0.incidence.byArm) } }
        #expect(terms.map(\.0) == seed.byTerm.map(\.soc) && terms.map(\.1) == seed.byTerm.map(\.term))
        #expect(terms.map(\.2) == seed.byTerm.map(\.byArm))
    }

    @Test func resultsValidateAgainstTheSchemaAndReadBack() throws {
        for events in [try Self.pilot(SafetySpecification(set: "Safety", minimumPercent: 5, tests: [.versusReference, .global])),
                       try Self.smallStudy(SafetySpecification(tests: [.global, .versusReference]))] {
            var results = ResultsSamples.full
            results.treatmentEmergentEvents = events
            #expect(try SchemaTests.validator().violations(of: SchemaTests.document(results)) == [])
            #expect(try Results(jsonData: results.jsonData()) == results)
        }
    }

    // MARK: The CDISC pilot against R

    struct Reference: Decodable {
        struct Count: Decodable { let arm: String, subjects: Int, events: Int }
        struct Versus: Decodable { let arm: String, pValue: Double? }
        struct Incidence: Decodable {
            let byArm: [Count], totalSubjects: Int, totalEvents: Int, versusReference: [Versus], global: Double?
        }
        struct Term: Decodable { let term: String, incidence: Incidence }
        struct Class: Decodable { let soc: String, incidence: Incidence, terms: [Term] }
        struct Severity: Decodable { let severity: String, byArm: [Count] }
        let arms: [ArmSize]
        let anyEvent: Incidence, serious: Incidence, related: Incidence
        let bySeverity: [Severity]
        let classes: [Class]
        let classFrequencyOrder: [String]
        let atLeast5Percent: [String]
    }

    static let pilotFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/cdisc-pilot")

    static func pilotInput() throws -> StudyInput {
        try StudyInput.load(from: pilotFolder)
    }

    static func reference() throws -> Reference {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("cdisc_pilot_teae.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    static func pilot(_ safety: SafetySpecification) throws -> TreatmentEmergentEvents {
        let input = try pilotInput()
        var log = NoteLog(section: "treatmentEmergentEvents")
        let events = TreatmentEmergentEventAnalysis(data: input.data, plan: input.plan.plan, specification: safety).run(&log)
        #expect(log.notes.isEmpty)
        return events
    }

    private func expectClose(_ value: Double?, _ expected: Double?, _ context: String) {
        guard let expected else {
            #expect(value == nil, "\(context)")
            return
        }
        guard let value else {
            Issue.record("\(context): nil, R gives \(expected)")
            return
        }
        #expect(abs(value - expected) <= 1e-6 * expected, "\(context): \(value) vs R \(expected)")
    }

    private func expectIncidence(_ incidence: EmergentEventIncidence, _ expected: Reference.Incidence, _ context: String) {
        #expect(incidence.byArm.map { [$0.subjects, $0.events] } == expected.byArm.map { [$0.subjects, $0.events] }, "\(context)")
        #expect(incidence.byArm.map(\.arm) == expected.byArm.map(\.arm), "\(context)")
        #expect(incidence.totalSubjects == expected.totalSubjects && incidence.totalEvents == expected.totalEvents, "\(context)")
        #expect(incidence.versusReference.map(\.arm) == expected.versusReference.map(\.arm), "\(context)")
        for (comparison, reference) in zip(incidence.versusReference, expected.versusReference) {
            expectClose(comparison.pValue, reference.pValue, "\(context) \(comparison.arm)")
        }
        #expect(incidence.global?.test == .fisherFreemanHalton, "\(context)")
        expectClose(incidence.global?.pValue, expected.global, "\(context) global")
    }

    @Test func pilotTable14_5_01AgreesWithR() throws {
        let reference = try Self.reference()
        let events = try Self.pilot(SafetySpecification(set: "Safety", tests: [.versusReference, .global]))
        #expect(events.arms == reference.arms)
        #expect(events.preTreatmentEventsExcluded == 0)
        expectIncidence(events.anyEvent, reference.anyEvent, "any event")
        expectIncidence(events.serious, reference.serious, "serious")
        expectIncidence(try #require(events.related), reference.related, "related")
        #expect(events.bySeverity.map(\.severity) == reference.bySeverity.map(\.severity))
        for (severity, expected) in zip(events.bySeverity, reference.bySeverity) {
            #expect(severity.incidence.byArm.map { [$0.subjects, $0.events] } == expected.byArm.map { [$0.subjects, $0.events] })
        }
        #expect(events.classes.map(\.soc) == reference.classes.map(\.soc))
        for (organClass, expected) in zip(events.classes, reference.classes) {
            expectIncidence(organClass.incidence, expected.incidence, organClass.soc)
            #expect(organClass.terms.map(\.term) == expected.terms.map(\.term), "\(organClass.soc)")
            for (term, expectedTerm) in zip(organClass.terms, expected.terms) {
                expectIncidence(term.incidence, expectedTerm.incidence, "\(organClass.soc) / \(term.term)")
            }
        }
        #expect(events.classes.reduce(0) { $0 + $1.terms.count } == 230)
    }

    @Test func pilotInFrequencyOrderAndAboveFivePercentAgreesWithR() throws {
        let reference = try Self.reference()
        let frequency = try Self.pilot(SafetySpecification(set: "Safety", classOrder: .frequency, termOrder: .frequency))
        #expect(frequency.classes.map(\.soc) == reference.classFrequencyOrder)
        for organClass in frequency.classes {
            let subjects = organClass.terms.map(\.incidence.totalSubjects)
            #expect(subjects == subjects.sorted(by: >), "\(organClass.soc)")
        }
        let common = try Self.pilot(SafetySpecification(set: "Safety", minimumPercent: 5))
        #expect(common.classes.flatMap { organClass in organClass.terms.map { "\(organClass.soc) / \($0.term)" } } == reference.atLeast5Percent)
        #expect(common.termsBelowThreshold == 230 - reference.atLeast5Percent.count)
        #expect(common.classesBelowThreshold == 23 - common.classes.count)
    }
}
