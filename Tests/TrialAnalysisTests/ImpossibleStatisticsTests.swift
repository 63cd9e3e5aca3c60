import Testing
import TrialAnalysis

/// Statistics that cannot be computed become `nil` with a note; nothing traps.
@Suite struct ImpossibleStatisticsTests {
    @Test func anEmptyControlArmGivesNullsAndNotes() throws {
        let adsl = TemporaryStudy.participants([("A", "UC-MSC", 20), ("B", "UC-MSC", 10)])
        let adlb = TemporaryStudy.cPeptide([("A", (100, 130), (500, 400)), ("B", (100, 90), (500, 450))])
        // Both arms must occur in the data, so the empty arm is a subgroup level's: the only
        // control participant (C) is adult-onset, leaving no juvenile-onset control.
        let results = try TemporaryStudy(adsl: adsl + "C,Control,40,38,M,,\n", adlb: adlb + "C,CPEPF,0,100\nC,CPEPP,0,500\n").results()
        let juvenile = try #require(results.remission?.subgroups.first { $0.level == "Juvenile-onset" })
        #expect(juvenile.byArm[1].n == 0)
        #expect(juvenile.byArm[1].rate == nil && juvenile.byArm[1].ciLower == nil)
        #expect(juvenile.difference.estimate == nil)
        #expect(results.notes.contains { $0.section == "remission" && $0.context.hasPrefix("Onset = Juvenile-onset") })
        let endpoint = try #require(results.endpoints.first { $0.level == "Juvenile-onset" && $0.parameter == "CPEPF" })
        #expect(endpoint.between.pValue == nil)
        #expect(endpoint.byArm[1].n == 0 && endpoint.byArm[1].mean == nil)
    }

    @Test func noRespondersLeaveTheLogisticModelUnfittedWithANote() throws {
        let adsl = TemporaryStudy.participants([("A", "UC-MSC", 20), ("B", "UC-MSC", 25), ("C", "Control", 20)])
        let adlb = TemporaryStudy.cPeptide([("A", (100, 90), (500, 400)), ("B", (100, 90), (500, 450)), ("C", (100, 90), (500, 450))])
        let results = try TemporaryStudy(adsl: adsl, adlb: adlb).results()
        #expect(results.logistic?.events == 0)
        #expect(results.logistic?.terms.map(\.term) == ["(Intercept)", "CPEPF.BASE", "MSCDOSE"])
        #expect(results.logistic?.terms.allSatisfy { $0.estimate == nil && $0.pValue == nil } == true)
        #expect(results.notes.contains { $0.section == "logistic" && $0.message.contains("no events") })
    }

    @Test func anInteractionCellWithoutRespondersFallsBackToFirth() throws {
        var rows: [(String, String, Int)] = [], lab: [(String, fasting: (Double, Double?), postprandial: (Double, Double?))] = []
        for index in 0..<24 {
            let id = "P\(index)", treated = index % 2 == 0, adult = index % 4 < 2
            rows.append((id, treated ? "UC-MSC" : "Control", adult ? 30 : 12))
            // Every juvenile control participant is a non-responder: an empty cell.
            let responds = treated ? index % 3 == 0 : (adult && index % 3 == 1)
            lab.append((id, (100, responds ? 130 : 95), (500, 480)))
        }
        let results = try TemporaryStudy(adsl: TemporaryStudy.participants(rows), adlb: TemporaryStudy.cPeptide(lab)).results()
        let remission = try #require(results.remission)
        let interaction = try #require(remission.interactions.first)
        #expect(interaction.method == .firth)
        #expect(interaction.test == .profilePenalizedLikelihood)
        #expect(interaction.pValue != nil)
        #expect(results.notes.contains { $0.message.contains("Firth's method used instead") })
    }
}
