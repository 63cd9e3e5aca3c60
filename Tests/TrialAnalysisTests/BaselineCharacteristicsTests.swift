import Foundation
import Testing
import TrialAnalysis
import TrialData

/// The baseline characteristics table of the plan's `baseline` key: the CDISC pilot's Table 14-2.01
/// against R (`Fixtures/baseline_characteristics_pilot.R`), and the counting rules on small tables.
@Suite struct BaselineCharacteristicsTests {
    static let pilotFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/cdisc-pilot")

    /// The pilot with its study.yaml, the tests replaced for `alternate`.
    static func pilot(_ plan: String) throws -> (table: BaselineCharacteristicsTable?, notes: [AnalysisNote]) {
        let input = try StudyInput.load(from: pilotFolder)
        var analysisPlan = input.plan.plan
        if plan == "alternate" {
            analysisPlan.baseline?.continuousTest = .kruskalWallis
            analysisPlan.baseline?.categoricalTest = .fisherExact
        }
        return BaselineCharacteristicsTable.analyse(analysisPlan, participants: input.data.participants)
    }

    @Test(arguments: ["pilot", "alternate"])
    func pilotTableMatchesR(plan: String) throws {
        let table = try #require(try Self.pilot(plan).table)
        let actual = try JSONSerialization.jsonObject(with: CanonicalJSONEncoder.encode(table))
        let data = try Data(contentsOf: AnalysisFixtures.folder.appendingPathComponent("baseline_characteristics_pilot.json"))
        let expected = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?[plan])
        let differences = ReferenceComparison.differences(expected: expected, actual: actual)
        #expect(differences.isEmpty, "\(differences.prefix(20).joined(separator: "\n"))")
    }

    @Test func pilotTableTakesLabelsFromThePlanAndTheTransportFile() throws {
        let (table, notes) = try Self.pilot("pilot")
        let variables = try #require(table).variables
        #expect(variables.map(\.label) == ["Age (y)", "Age group (y)", "Sex", "Race", "MMSE total score", "Duration of disease (months)",
                                           "Duration of disease group (months)", "Years of education", "Baseline weight (kg)",
                                           "Baseline height (cm)", "Baseline BMI (kg/m²)", "Baseline BMI group (kg/m²)"])
        #expect(variables[2].levels == [BaselineCategory(value: "F", label: "Female"), BaselineCategory(value: "M", label: "Male")])
        #expect(variables[1].levels.map(\.label) == ["<65", "65-80", ">80"])
        // One American Indian or Alaska Native participant: the chi-square approximation is noted.
        #expect(variables.filter { $0.smallExpectedCounts == true }.map(\.variable) == ["RACE", "DURDSGR1"])
        #expect(notes.map(\.context) == ["RACE, Intent-to-treat", "DURDSGR1, Intent-to-treat"])
    }

    // MARK: Counting rules

    /// Six participants in two arms: AGE with one missing value, SEX with one missing value.
    static let participants = ParticipantTable(
        ids: StringTable(["1", "2", "3", "4", "5", "6"]), arms: ["A", "B"], arm: [0, 0, 0, 1, 1, 1],
        columns: [
            DataColumn(name: "AGE", label: "Age", values: .numbers([30, 40, .nan, 50, 60, 70])),
            DataColumn(name: "SEX", values: .text(codes: [0, 1, 0, -1, 1, 1], levels: StringTable(["F", "M"]))),
            DataColumn(name: "GRADE", values: .numbers([2, 1, 1, 2, 2, 1])),
        ])

    static func plan(_ variables: [BaselineVariable], continuous: BaselineContinuousTest = .anova,
                     categorical: BaselineCategoricalTest = .fisherExact) -> AnalysisPlan {
        AnalysisPlan(arms: ArmLabels(arms: [.init(label: "A"), .init(label: "B")], referenceIndex: 1),
                     baseline: BaselineCharacteristicsPlan(continuousTest: continuous, categoricalTest: categorical, variables: variables))
    }

    @Test func percentagesAreOfTheParticipantsWithAValueAndMissingValuesAreCounted() throws {
        let plan = Self.plan([BaselineVariable(variable: "AGE"), BaselineVariable(variable: "SEX")])
        let table = try #require(BaselineCharacteristicsTable.analyse(plan, participants: Self.participants).table)
        #expect(table.set == nil)
        #expect(table.arms == [ArmSize(arm: "A", n: 3), ArmSize(arm: "B", n: 3)])
        #expect(table.total == 6)
        let age = table.variables[0]
        #expect(age.label == "Age")
        #expect(age.kind == .continuous)
        #expect(age.byArm.map(\.n) == [2, 3])
        #expect(age.byArm.map(\.missing) == [1, 0])
        #expect(age.byArm[0].descriptives?.mean == 35)
        #expect(age.total.n == 5)
        #expect(age.total.missing == 1)
        #expect(age.total.descriptives?.median == 50)
        #expect(age.test == .oneWayANOVA)
        #expect(age.degreesOfFreedom == [1, 3])
        let sex = table.variables[1]
        #expect(sex.label == "SEX")
        #expect(sex.kind == .categorical)
        #expect(sex.levels.map(\.value) == ["F", "M"])
        #expect(sex.byArm[1].n == 2)
        #expect(sex.byArm[1].missing == 1)
        #expect(sex.byArm[1].counts == [LevelCount(level: "F", n: 0, proportion: 0), LevelCount(level: "M", n: 2, proportion: 1)])
        #expect(sex.total.counts.map(\.n) == [2, 3])
        #expect(sex.total.counts[0].proportion == 0.4)
        // A 2 × 2 table: Fisher's exact test, named so.
        #expect(sex.test == .fisherExact)
        #expect(sex.statistic == nil)
        #expect(sex.degreesOfFreedom.isEmpty)
    }

    @Test func aNumericVariableCanBeCategoricalWithTheCategoriesInThePlansOrder() throws {
        let grade = BaselineVariable(variable: "GRADE", kind: .categorical,
                                     levels: [BaselineLevel(value: "2", label: "High"), BaselineLevel(value: "1", label: "Low"),
                                              BaselineLevel(value: "3", label: "Unseen")])
        let table = try #require(BaselineCharacteristicsTable.analyse(Self.plan([grade], categorical: .chiSquare), participants: Self.participants).table)
        let variable = table.variables[0]
        #expect(variable.levels.map(\.label) == ["High", "Low", "Unseen"])
        #expect(variable.byArm[0].counts.map(\.n) == [1, 2, 0])
        #expect(variable.total.counts.map(\.n) == [3, 3, 0])
        // The category without participants is left out of the test, as R's table of factors does:
        // X² of [[1, 2], [2, 1]] is 2/3 on 1 df (chisq.test(correct = FALSE)).
        #expect(variable.test == .chiSquare)
        #expect(abs(try #require(variable.statistic) - 2.0 / 3.0) < 1e-12)
        #expect(variable.degreesOfFreedom == [1])
        #expect(variable.smallExpectedCounts == true)
    }

    @Test func categoriesFollowTheirCompanionVariableElseTheyAreSorted() throws {
        let participants = ParticipantTable(
            ids: StringTable(["1", "2", "3", "4"]), arms: ["A", "B"], arm: [0, 0, 1, 1],
            columns: [DataColumn(name: "AGEGR1", values: .text(codes: [0, 1, 2, 0], levels: StringTable(["65-80", ">80", "<65"]))),
                      DataColumn(name: "AGEGR1N", values: .numbers([2, 3, 1, 2]))])
        let ordered = BaselineVariable(variable: "AGEGR1", orderBy: "AGEGR1N")
        let byCompanion = try #require(BaselineCharacteristicsTable.analyse(Self.plan([ordered]), participants: participants).table)
        #expect(byCompanion.variables[0].levels.map(\.value) == ["<65", "65-80", ">80"])
        let sorted = try #require(BaselineCharacteristicsTable.analyse(Self.plan([BaselineVariable(variable: "AGEGR1")]), participants: participants).table)
        #expect(sorted.variables[0].levels.map(\.value) == ["65-80", "<65", ">80"])
    }

    @Test func noTestsWhenThePlanAsksForNone() throws {
        let plan = Self.plan([BaselineVariable(variable: "AGE"), BaselineVariable(variable: "SEX")], continuous: .none, categorical: .none)
        let (table, notes) = BaselineCharacteristicsTable.analyse(plan, participants: Self.participants)
        #expect(try #require(table).variables.allSatisfy { $0.test == nil && $0.pValue == nil && $0.statistic == nil })
        #expect(notes.isEmpty)
    }

    @Test func aTestThatCannotBeComputedLeavesANoteAndNoPValue() throws {
        let participants = ParticipantTable(
            ids: StringTable(["1", "2", "3"]), arms: ["A", "B"], arm: [0, 0, 1],
            columns: [DataColumn(name: "AGE", values: .numbers([30, 40, 50])),
                      DataColumn(name: "SEX", values: .text(codes: [0, 0, 0], levels: StringTable(["F"])))])
        let plan = Self.plan([BaselineVariable(variable: "AGE"), BaselineVariable(variable: "SEX")], categorical: .chiSquare)
        let (table, notes) = BaselineCharacteristicsTable.analyse(plan, participants: participants)
        let variables = try #require(table).variables
        #expect(variables.map(\.test) == [.oneWayANOVA, .chiSquare])
        #expect(variables.map(\.pValue) == [nil, nil])
        #expect(notes.map(\.section) == ["baselineCharacteristics", "baselineCharacteristics"])
        #expect(notes.map(\.context) == ["AGE, all participants", "SEX, all participants"])
        #expect(notes[0].message.hasPrefix("one-way ANOVA not computed: not enough"))
    }

    /// The seed study's layout: the same participants as its own Table 1, the same descriptives and
    /// the same Fisher's exact p-value of SEX (to rounding).
    @Test func theSeedStudysLayoutAgreesWithItsOwnBaselineTable() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/uc-msc-t1d")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-seed-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: example, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("study.yaml")
        let text = try String(contentsOf: plan, encoding: .utf8) + "\nbaseline:\n  variables: [AGE, SEX]\n"
        try text.write(to: plan, atomically: true, encoding: .utf8)
        let input = try StudyInput.load(from: folder)
        let table = try #require(BaselineCharacteristicsTable.analyse(input.plan.plan, participants: input.data.participants).table)
        let own = try #require(StudyAnalysis.run(data: input.data, plan: input.plan.plan).baseline).rows
        let ownAge = try #require(own.first { $0.variable == "AGE" })
        let ownSex = try #require(own.first { $0.variable == "SEX" })
        #expect(table.arms.map(\.n) == ownSex.byArm.map(\.n))
        #expect(table.variables[0].byArm.map(\.descriptives) == ownAge.byArm.map(\.descriptives))
        #expect(table.variables[1].levels.map(\.value) == ["F", "M"])
        #expect(table.variables[1].byArm.map { $0.counts.map(\.n) } == ownSex.byArm.map { $0.levels.map(\.n) })
        #expect(table.variables[1].test == .fisherExact)
        // The Fisher–Freeman–Halton enumeration and the 2 × 2 Fisher test agree to rounding (2e-14 here).
        #expect(abs(try #require(table.variables[1].pValue) - (try #require(ownSex.pValue))) < 1e-12)
    }

    @Test func withoutBaselineInThePlanThereIsNoTable() {
        #expect(BaselineCharacteristicsTable.analyse(AnalysisPlan(), participants: Self.participants).table == nil)
    }
}
