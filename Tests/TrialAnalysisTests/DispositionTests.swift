import Foundation
import Testing
import TrialAnalysis
import TrialData

/// The disposition table of the plan's `disposition` key: the CDISC pilot's Table 14-1.02 against
/// R (`Fixtures/disposition_pilot.R`), the counting rules on small tables, and a study without
/// measurements.
@Suite struct DispositionTests {
    /// The pilot with its study.yaml, or with `disposition: {}` for `endOfStudy`.
    static func pilot(_ plan: String) throws -> (table: DispositionTable?, notes: [AnalysisNote]) {
        let input = try StudyInput.load(from: BaselineCharacteristicsTests.pilotFolder)
        var analysisPlan = input.plan.plan
        if plan == "endOfStudy" { analysisPlan.disposition = DispositionPlan() }
        return DispositionTable.analyse(analysisPlan, participants: input.data.participants)
    }

    @Test(arguments: ["pilot", "endOfStudy"])
    func pilotTableMatchesR(plan: String) throws {
        let (table, notes) = try Self.pilot(plan)
        #expect(notes.isEmpty)
        let actual = try JSONSerialization.jsonObject(with: CanonicalJSONEncoder.encode(try #require(table)))
        let data = try Data(contentsOf: AnalysisFixtures.folder.appendingPathComponent("disposition_pilot.json"))
        let expected = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?[plan])
        let differences = ReferenceComparison.differences(expected: expected, actual: actual)
        #expect(differences.isEmpty, "\(differences.prefix(20).joined(separator: "\n"))")
    }

    /// The published table (CSR Table 14-1.02): completed week 24 60, 28, 30 (118), p < .0001;
    /// adverse event 8, 44, 39 (91), p < .0001; lack of efficacy 3, 0, 1, p 0.3281.
    @Test func pilotTableAgreesWithThePublishedTable() throws {
        let table = try #require(try Self.pilot("pilot").table)
        #expect(table.completed.label == "Completed week 24")
        #expect(table.discontinued.label == "Discontinued before week 24")
        #expect(table.completed.byArm == [60, 28, 30])
        #expect(try #require(table.completed.pValue) < 0.0001)
        #expect(table.reasons.map(\.label).prefix(3) == ["Adverse Event", "Death", "Lack of Efficacy"])
        #expect(table.reasons[0].byArm == [8, 44, 39])
        #expect(try #require(table.reasons[0].pValue) < 0.0001)
        #expect((try #require(table.reasons[2].pValue) * 1e4).rounded() == 3281)
        #expect(table.missingReason?.total == 0)
    }

    // MARK: Counting rules

    /// Seven participants in two arms; STATUS holds COMPLETED, DISCONTINUED, ONGOING and a blank.
    static let participants = ParticipantTable(
        ids: StringTable((1...7).map(String.init)), arms: ["A", "B"], arm: [0, 0, 0, 0, 1, 1, 1],
        columns: [
            DataColumn(name: "EOSSTT", values: .text(codes: [0, 1, 1, 2, 0, 1, -1],
                                                     levels: StringTable(["COMPLETED", "DISCONTINUED", "ONGOING"]))),
            DataColumn(name: "DCDECOD", values: .text(codes: [-1, 0, -1, -1, -1, 1, -1], levels: StringTable(["DEATH", "ADVERSE EVENT"]))),
            DataColumn(name: "DONE", values: .text(codes: [0, 1, 1, 1, 0, 0, 1], levels: StringTable(["Y", "N"]))),
        ])

    static func plan(_ disposition: DispositionPlan) -> AnalysisPlan {
        AnalysisPlan(data: .adam(AdamLayout(subjects: "adsl.xpt")),
                     arms: ArmLabels(arms: [.init(label: "A"), .init(label: "B")], referenceIndex: 1), disposition: disposition)
    }

    @Test func anEndOfStudyStatusCountsOtherStatusesMissingValuesAndReasonsOfThoseWhoDiscontinued() throws {
        let (table, notes) = DispositionTable.analyse(Self.plan(DispositionPlan()), participants: Self.participants)
        let disposition = try #require(table)
        #expect(notes.isEmpty)
        #expect(disposition.statusVariable == "EOSSTT")
        #expect(disposition.reasonVariable == "DCDECOD")
        #expect(disposition.arms == [ArmSize(arm: "A", n: 4), ArmSize(arm: "B", n: 3)])
        #expect(disposition.completed.byArm == [1, 1])
        #expect(disposition.completed.value == "COMPLETED")
        #expect(disposition.discontinued.byArm == [2, 1])
        #expect(disposition.otherStatuses.map(\.value) == ["ONGOING"])
        #expect(disposition.otherStatuses[0].byArm == [1, 0])
        #expect(disposition.missingStatus.byArm == [0, 1])
        // Sorted; participant 3 discontinued without a reason.
        #expect(disposition.reasons.map(\.label) == ["ADVERSE EVENT", "DEATH"])
        #expect(disposition.reasons.map(\.byArm) == [[0, 1], [1, 0]])
        #expect(disposition.missingReason?.byArm == [1, 0])
        // Two arms: Fisher's exact test of the 2 × 2 table, completed (1 of 4 with a status) vs (1 of 2).
        #expect(disposition.test == .fisherExact)
        #expect(abs(try #require(disposition.completed.pValue) - 1) < 1e-12)
        #expect(disposition.discontinued.pValue == nil)
    }

    @Test func aCompletionFlagCountsYAsCompletedAndTheTestCanBeLeftOut() throws {
        let plan = Self.plan(DispositionPlan(status: "DONE", reason: "DCDECOD", reasons: [BaselineLevel(value: "DEATH", label: "Died"),
                                                                                           BaselineLevel(value: "LOST")],
                                             test: .none))
        let table = try #require(DispositionTable.analyse(plan, participants: Self.participants).table)
        #expect(table.completed.value == "Y")
        #expect(table.completed.byArm == [1, 2])
        #expect(table.discontinued.byArm == [3, 1])
        #expect(table.otherStatuses.isEmpty)
        #expect(table.missingStatus.total == 0)
        // The plan's order and labels; a listed reason absent from the data has 0, one found but not listed comes after.
        #expect(table.reasons.map(\.label) == ["Died", "LOST", "ADVERSE EVENT"])
        #expect(table.reasons.map(\.total) == [1, 0, 0])
        #expect(table.missingReason?.byArm == [2, 1])
        #expect(table.test == nil)
        #expect(table.completed.pValue == nil)
    }

    @Test func withoutAReasonVariableOnlyTheStatusIsCounted() throws {
        let participants = ParticipantTable(ids: Self.participants.ids, arms: Self.participants.arms, arm: Self.participants.arm,
                                            columns: [Self.participants.columns[0]])
        let table = try #require(DispositionTable.analyse(Self.plan(DispositionPlan()), participants: participants).table)
        #expect(table.reasonVariable == nil)
        #expect(table.reasons.isEmpty)
        #expect(table.missingReason == nil)
    }

    // MARK: A study without measurements

    /// The pilot's subject-level and event datasets with a plan that names no BDS dataset and no
    /// endpoint: its baseline, disposition and safety sections are analysed.
    @Test func aStudyWithoutMeasurementsHasItsBaselineDispositionAndSafety() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("disposition-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in ["adsl.xpt", "adae.xpt"] {
            try FileManager.default.copyItem(at: BaselineCharacteristicsTests.pilotFolder.appendingPathComponent("data/" + file),
                                             to: folder.appendingPathComponent("data/" + file))
        }
        try Data(Self.planWithoutMeasurements.utf8).write(to: folder.appendingPathComponent("study.yaml"))
        let input = try StudyInput.load(from: folder)
        let results = StudyAnalysis.run(data: input.data, plan: input.plan.plan)
        #expect(results.modelEndpoints.isEmpty)
        #expect(results.analysisSets.map(\.name) == ["Safety", "Intent-to-treat"])
        #expect(results.baselineCharacteristics?.variables.map(\.variable) == ["AGE", "SEX"])
        #expect(results.disposition?.completed.byArm == [60, 28, 30])
        #expect(results.treatmentEmergentEvents?.arms.map(\.n) == [86, 84, 84])
    }

    static let planWithoutMeasurements = """
        title: The CDISC pilot without measurements
        data:
          format: adam
          subjects: data/adsl.xpt
          events: data/adae.xpt
          actualTreatment: TRT01A
          related: [POSSIBLE, PROBABLE]
          notRelated: [NONE, REMOTE]
        arms:
          - {label: Placebo, reference: true, dose: 0}
          - {label: Xanomeline Low Dose, dose: 54}
          - {label: Xanomeline High Dose, dose: 81}
        sets:
          - {name: Safety, flag: SAFFL, byActualTreatment: true}
          - {name: Intent-to-treat, flag: ITTFL}
        safety: {set: Safety}
        baseline:
          set: Intent-to-treat
          variables: [AGE, SEX]
        disposition:
          set: Intent-to-treat
          status: COMP24FL

        """
}
