import Testing
import TrialAnalysis

/// Insulin-independence durations and treatment-emergent adverse-event counts.
@Suite struct InsulinAndSafetyDerivationTests {
    static let adsl = TemporaryStudy.participants([("A", "UC-MSC", 20), ("B", "UC-MSC", 20), ("C", "Control", 20)], lastMonth: ["B": 9])
    static let adlb = TemporaryStudy.cPeptide([("A", (100, 130), (500, 400)), ("B", (100, 90), (500, 450)), ("C", (100, 90), (500, 450))])

    @Test func ongoingEpisodesRunToLastFollowUpOrTheLastVisit() throws {
        let adii = "USUBJID,STARTMO,ENDMO\nB,3,\nA,6,9\nA,10.5,\nC,1,2\n"
        let results = try #require(try TemporaryStudy(adsl: Self.adsl, adlb: Self.adlb, adii: adii).results().insulinIndependence)
        #expect(results.episodes.map(\.usubjid) == ["A", "A", "B", "C"])
        #expect(results.episodes.map(\.durationMonths) == [3, 1.5, 6, 1])
        #expect(results.episodes.map(\.ongoing) == [false, true, true, false])
        #expect(results.byArm.map(\.subjects) == [2, 1])
        #expect(results.byArm.map(\.episodes) == [3, 1])
    }

    @Test func adverseEventsCountParticipantsOnceAndLeaveOutPreTreatmentEvents() throws {
        let adae = """
            USUBJID,AEDECOD,AEBODSYS,AESEV,AESER,AESTDY,AEREL
            A,Fever,General,MILD,N,5,Y
            A,Fever,General,SEVERE,N,9,N
            B,Fever,General,MODERATE,Y,,
            C,Rash,Skin,MILD,N,-2,N
            C,Headache,Nervous,MILD,N,1,N

            """
        let results = try #require(try TemporaryStudy(adsl: Self.adsl, adlb: Self.adlb, adae: adae).results().adverseEvents)
        #expect(results.preTreatmentEventsExcluded == 1)
        #expect(results.byTerm.map(\.term) == ["Fever", "Headache"])
        #expect(results.byTerm[0].byArm.map(\.subjects) == [2, 0])
        #expect(results.byTerm[0].byArm.map(\.events) == [3, 0])
        #expect(results.bySeverity.map { $0.byArm.map(\.subjects) } == [[0, 1], [1, 0], [1, 0]])
        #expect(results.serious.byArm.map(\.subjects) == [1, 0])
        #expect(results.related.byArm.map(\.subjects) == [1, 0])
        #expect(results.anyEvent.byArm.map(\.subjects) == [2, 1])
    }

    @Test func adverseEventsCountAParticipantOncePerTermWhateverTheOrderOfTheirEvents() throws {
        let adae = """
            USUBJID,AEDECOD,AEBODSYS,AESEV,AESER,AESTDY,AEREL
            A,Fever,General,MILD,N,5,N
            A,Rash,Skin,MILD,N,6,N
            B,Rash,Skin,MILD,N,2,N
            A,Fever,General,MILD,N,7,N
            A,Rash,Skin,MILD,N,8,N
            B,Fever,General,MILD,N,3,N
            C,Rash,Skin,MILD,N,4,N

            """
        let results = try #require(try TemporaryStudy(adsl: Self.adsl, adlb: Self.adlb, adae: adae).results().adverseEvents)
        let byTerm = Dictionary(uniqueKeysWithValues: results.byTerm.map { ($0.term, $0.byArm) })
        #expect(byTerm["Fever"]?.map(\.subjects) == [2, 0])
        #expect(byTerm["Fever"]?.map(\.events) == [3, 0])
        #expect(byTerm["Rash"]?.map(\.subjects) == [2, 1])
        #expect(byTerm["Rash"]?.map(\.events) == [3, 1])
        #expect(results.anyEvent.byArm.map(\.subjects) == [2, 1])
        #expect(results.anyEvent.byArm.map(\.events) == [6, 1])
    }
}
