import Foundation
import Testing
import TrialReportTestSupport

/// The CDISC pilot (examples/cdisc-pilot): an ADaM study with three arms and analysis sets, read
/// from its SAS transport files: validated, analysed (arms and analysis sets) and rendered.
@Suite("trialreport on the CDISC pilot")
struct ADaMStudyCommandTests {
    static let pilot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/cdisc-pilot").path

    @Test func validatePrintsTheArmsAndTheSetsByArm() throws {
        let result = try Trialreport.run(["validate", "--data", Self.pilot])
        #expect(result.status == 0)
        // The pilot's CSR (Table 14-1.01): Placebo 86, low dose 84, high dose 84; efficacy 79, 81, 74.
        #expect(result.standardOutput == """
            ok: 254 participants, 49595 measurements, 1126 adverse events
            data/adlbc.xpt: 18 parameters, 11 visits, 37132 records
            data/adadas.xpt: 15 parameters, 4 visits, 12463 records
            arms: Placebo 86, Xanomeline Low Dose 84, Xanomeline High Dose 84
            set Safety (SAFFL, as treated): 86, 84, 84
            set Intent-to-treat (ITTFL): 86, 84, 84
            set Efficacy (EFFFL): 79, 81, 74

            """)
        #expect(result.standardError
            == "warning: data/adae.xpt:299:6: 65 events are not treatment-emergent (TRTEMFL not Y) and not analysed; this is the first\n1 warning in 1 file\n")
    }

    @Test func analyzeGivesThePlanAsUsedAndTheSetsWithoutTheSeedStudysSections() throws {
        let result = try Trialreport.run(["analyze", "--data", Self.pilot])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        for section in ["remission", "logistic", "insulinIndependence", "adverseEvents", "baseline", "participantFlow"] {
            #expect(json[section] is NSNull, "\(section)")
        }
        let plan = try #require(json["plan"] as? [String: Any])
        #expect(plan["layout"] as? String == "adam")
        let arms = try #require(plan["arms"] as? [[String: Any]])
        #expect(arms.map { $0["label"] as? String } == ["Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"])
        #expect(arms.map { $0["reference"] as? Bool } == [true, false, false])
        #expect(arms.map { $0["dose"] as? Double } == [0, 54, 81])
        let sets = try #require(json["analysisSets"] as? [[String: Any]])
        #expect(sets.map { $0["name"] as? String } == ["Safety", "Intent-to-treat", "Efficacy"])
        #expect(sets.map { $0["total"] as? Int } == [254, 254, 234])
        let efficacy = try #require(sets[2]["byArm"] as? [[String: Any]])
        #expect(efficacy.map { $0["n"] as? Int } == [79, 81, 74])
    }

    @Test func renderWritesTheDesignTheSetsTheEndpointAndTheEventsAndNoSeedSection() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("trialreport-pilot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try Trialreport.run(["render", "--data", Self.pilot, "--out", output.path])
        #expect(result.status == 0)
        let report = try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("**Arms:** Placebo (N = 86), Xanomeline Low Dose (N = 84) and Xanomeline High Dose (N = 84)"))
        #expect(report.contains("Placebo is the reference of every comparison between arms"))
        #expect(report.contains("| Efficacy<sup>d</sup> | 79 (91.9%) | 81 (96.4%) | 74 (88.1%) | 234 (92.1%) |"))
        #expect(report.contains("<sup>b</sup> Safety: SAFFL = Y, by actual treatment."))
        for seedWord in ["remission", "Remission", "insulin", "infusion", "C-peptide", "UC-MSC"] {
            #expect(!report.contains(seedWord), "\(seedWord)")
        }
        let tables = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("tables").path)
        #expect(tables.sorted() == ["analysis-sets.csv", "ancova-1.csv", "ancova-2.csv", "baseline-characteristics.csv", "disposition.csv",
                                    "mmrm-1.csv", "responders-1.csv", "responders-2-missing.csv", "responders-2-tipping-1.csv",
                                    "responders-2-tipping-2.csv", "responders-2.csv", "subgroups-ancova-1.csv", "subgroups-ancova-2.csv",
                                    "subgroups-responders-1.csv", "subgroups-responders-2.csv", "teae-by-class.csv", "teae-overview.csv"])
        #expect(report.contains("Mean (SD) | 75.2 (8.59) | 75.7 (8.29) | 74.4 (7.89) | 75.1 (8.25) |  |"))
        #expect(report.contains("| Difference from Placebo (SE) |  | −0.47 (0.82) | −1.01 (0.84) |"))
        // The glucose endpoint compares two of the three arms and says so.
        #expect(report.contains("| Difference from Placebo (SE) |  | 0.07 (0.29) |"))
        #expect(report.contains("The plan compares Placebo and Xanomeline High Dose for this endpoint; Xanomeline Low Dose is not analysed."))
        // The responder endpoint: ADAS-Cog(11) change of -4 or less at week 24 (Fixtures/cdisc_pilot_responders.R).
        #expect(report.contains("| Responders, n (%) | 11 (13.9%) | 12 (14.8%) | 8 (10.8%) |"))
        #expect(report.contains("Across the arms: Fisher's exact test, p = 0.762."))
        // The figures, numbered in order, with captions from the results.
        #expect(report.contains("[Figure 1](#fig-disposition-flow) shows the flow of each arm."))
        #expect(report.contains("![Figure 2. The modelled endpoints by visit, mean with 95% CI by arm; "
            + "the Efficacy set (N = 234) and the Intent-to-treat set (N = 170)](figures/endpoint-means.svg)"))
        #expect(report.contains("![Figure 3. Least-squares mean differences from Placebo with 95% CI, analysis of covariance "
            + "of each endpoint; the Efficacy set (N = 234) and the Intent-to-treat set (N = 170)](figures/endpoint-forest.svg)"))
        #expect(report.contains("![Figure 4. Effects against Placebo within the subgroups' levels with 95% CI and the treatment × "
            + "subgroup interaction p; the Efficacy set (N = 234) and the Intent-to-treat set (N = 170)](figures/subgroup-forest.svg)"))
        #expect(report.contains("[Figure 5](#fig-emergent-events) shows the most frequent terms by arm"))
        // The subgroups (Fixtures/cdisc_pilot_subgroups.R): the interaction p on the subgroup's row, the effects per level.
        #expect(report.contains("Treatment × subgroup interaction: Sex p = 0.404, Age group (y) p = 0.660 and Race p = 0.077."))
        #expect(report.contains("| \u{A0}\u{A0}Female | 46 | 47 | 35 | −1.32 (−3.46 to 0.82) | −1.86 (−4.17 to 0.45) |  |"))
        let figures = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("figures").path)
        #expect(figures.count == 15 && figures.contains("emergent-events.pdf") && figures.contains("subgroup-forest.svg"))
    }

    @Test func figuresDrawsTheADaMFiguresAndASeedStudyFigureIsAUsageError() throws {
        let drawn = FileManager.default.temporaryDirectory.appendingPathComponent("trialreport-pilot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: drawn) }
        #expect(try Trialreport.run(["figures", "--data", Self.pilot, "--out", drawn.path]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: drawn.appendingPathComponent("figures").path)
        #expect(files.sorted() == ["disposition-flow", "emergent-events", "endpoint-forest", "endpoint-means", "subgroup-forest"].flatMap { name in
            ["png", "pdf", "svg"].sorted().map { "\(name).\($0)" }
        })

        let output = FileManager.default.temporaryDirectory.appendingPathComponent("trialreport-pilot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try Trialreport.run(["figures", "--data", Self.pilot, "--out", output.path, "--only", "remission-rates"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("figure 'remission-rates' draws sections of the seed study's layout"))
    }

    @Test func lockRecordsTheDatasetsThePlanNamesAndVerifyFindsAChange() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("trialreport-pilot-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.pilot), to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let lock = try Trialreport.run(["lock", "--data", copy.path])
        #expect(lock.status == 0)
        #expect(lock.standardOutput.hasPrefix("locked \(copy.path): 4 input files, plan study.yaml"))
        #expect(try Trialreport.run(["verify", "--data", copy.path]).status == 0)
        let events = try FileHandle(forWritingTo: copy.appendingPathComponent("data/adae.xpt"))
        try events.seekToEnd()
        try events.write(contentsOf: Data(" ".utf8))
        try events.close()
        let verify = try Trialreport.run(["verify", "--data", copy.path])
        #expect(verify.status == 65)
        #expect(verify.standardError.contains("error: data/adae.xpt: changed since the lock"))
    }
}
