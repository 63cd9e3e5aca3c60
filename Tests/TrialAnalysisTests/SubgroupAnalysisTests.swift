import Foundation
import Testing
import TrialData
@testable import TrialAnalysis

/// Subgroup analyses of CDISC ADaM endpoints: the pilot's ANCOVA endpoints and responder endpoint
/// by sex, age group and race against R (`Fixtures/cdisc_pilot_subgroups.R`: lm + emmeans +
/// anova; glm likelihood-ratio test, prop.test, Newcombe), and the plan's `subgroups` for ADaM data.
@Suite("Subgroup analyses")
struct SubgroupAnalysisTests {
    struct Reference: Decodable {
        struct Estimate: Decodable {
            var estimate: Double
            var se: Double?
            var df: Double?
            var ciLower: Double
            var ciUpper: Double
            var t: Double?
            var pValue: Double?
        }
        struct FTest: Decodable {
            var df: Int
            var residualDf: Int
            var f: Double
            var pValue: Double
        }
        struct ModelLevel: Decodable {
            var level: String
            var n: [Int]
            var differences: [Estimate?]
        }
        struct ModelSubgroup: Decodable {
            var variable: String
            var interaction: FTest
            var levels: [ModelLevel]
        }
        struct Arm: Decodable {
            var arm: String
            var n: Int
            var responders: Int
            var ciLower: Double?
            var ciUpper: Double?
        }
        struct ResponderLevel: Decodable {
            var level: String
            var byArm: [Arm]
            var differences: [Estimate?]
        }
        struct LikelihoodRatio: Decodable {
            var chiSquare: Double
            var df: Int
            var pValue: Double
        }
        struct ResponderSubgroup: Decodable {
            var variable: String
            var interaction: LikelihoodRatio
            var levels: [ResponderLevel]
        }
        var primary: [ModelSubgroup]
        var glucose: [ModelSubgroup]
        var responders: [ResponderSubgroup]
    }

    private func expectClose(_ value: Double?, _ expected: Double?, _ context: String) {
        guard let expected else {
            #expect(value == nil, "\(context): \(value ?? .nan), R NA")
            return
        }
        guard let value else {
            Issue.record("\(context): nil, R \(expected)")
            return
        }
        #expect(abs(value - expected) <= 1e-6 * max(abs(expected), 1e-4), "\(context): \(value) vs R \(expected)")
    }

    private static func reference() throws -> Reference {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("cdisc_pilot_subgroups.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    private static let results: Results? = try? {
        let input = try StudyInput.load(from: TreatmentEmergentEventTests.pilotFolder)
        return StudyAnalysis.run(data: input.data, plan: input.plan.plan)
    }()

    private func expectModelSubgroups(_ endpoint: ModelEndpointResult, _ reference: [Reference.ModelSubgroup]) throws {
        let subgroups = try #require(endpoint.subgroups)
        #expect(subgroups.map(\.variable) == reference.map(\.variable))
        for (subgroup, expected) in zip(subgroups, reference) {
            let context = "\(endpoint.parameter) \(subgroup.variable)"
            let interaction = try #require(subgroup.interaction, "\(context)")
            #expect(interaction.df == expected.interaction.df && interaction.residualDf == expected.interaction.residualDf, "\(context)")
            expectClose(interaction.f, expected.interaction.f, "\(context) F")
            expectClose(interaction.pValue, expected.interaction.pValue, "\(context) p")
            #expect(subgroup.levels.count == expected.levels.count, "\(context)")
            for (level, expectedLevel) in zip(subgroup.levels, expected.levels) {
                let levelContext = "\(context) \(expectedLevel.level)"
                #expect(level.byArm.map(\.n) == expectedLevel.n, "\(levelContext)")
                for (index, difference) in level.differences.enumerated() {
                    let expectedDifference = index < expectedLevel.differences.count ? expectedLevel.differences[index] : nil
                    let armContext = "\(levelContext) \(difference.arm)"
                    guard let expectedDifference else {
                        #expect(difference.difference == nil, "\(armContext) not estimable in R")
                        continue
                    }
                    let estimate = try #require(difference.difference, "\(armContext)")
                    expectClose(estimate.estimate, expectedDifference.estimate, "\(armContext) difference")
                    expectClose(estimate.se, expectedDifference.se, "\(armContext) SE")
                    expectClose(estimate.df, expectedDifference.df, "\(armContext) df")
                    expectClose(estimate.ciLower, expectedDifference.ciLower, "\(armContext) lower")
                    expectClose(estimate.ciUpper, expectedDifference.ciUpper, "\(armContext) upper")
                    expectClose(estimate.t, expectedDifference.t, "\(armContext) t")
                    expectClose(estimate.pValue, expectedDifference.pValue, "\(armContext) p")
                }
            }
        }
    }

    @Test func pilotANCOVASubgroupsAgreeWithR() throws {
        let reference = try Self.reference()
        let results = try #require(Self.results)
        #expect(results.modelEndpoints.count == 2)
        try expectModelSubgroups(results.modelEndpoints[0], reference.primary)
        try expectModelSubgroups(results.modelEndpoints[1], reference.glucose)
        let levels = try #require(results.modelEndpoints[0].subgroups).map { $0.levels.map(\.level) }
        #expect(levels == [["Female", "Male"], ["<65", "65-80", ">80"],
                           ["White", "Black or African American", "American Indian or Alaska Native"]])
        #expect(results.notes.contains {
            $0.context == "ADAS-Cog(11) change from baseline to week 24, Race = American Indian or Alaska Native"
                && $0.message.hasPrefix("no participant of Placebo analysed in the level")
        })
        #expect(try Results(jsonData: results.jsonData()) == results)
    }

    @Test func pilotResponderSubgroupsAgreeWithR() throws {
        let reference = try Self.reference()
        let endpoint = try #require(Self.results?.responderEndpoints.first)
        let subgroups = try #require(endpoint.subgroups)
        #expect(subgroups.map(\.variable) == reference.responders.map(\.variable))
        for (subgroup, expected) in zip(subgroups, reference.responders) {
            let interaction = try #require(subgroup.interaction)
            #expect(interaction.df == expected.interaction.df, "\(subgroup.variable)")
            expectClose(interaction.chiSquare, expected.interaction.chiSquare, "\(subgroup.variable) LR chi-square")
            expectClose(interaction.pValue, expected.interaction.pValue, "\(subgroup.variable) LR p")
            for (level, expectedLevel) in zip(subgroup.levels, expected.levels) {
                let context = "\(subgroup.variable) \(expectedLevel.level)"
                for (arm, expectedArm) in zip(level.byArm, expectedLevel.byArm) {
                    #expect(arm.arm == expectedArm.arm && arm.n == expectedArm.n && arm.responders == expectedArm.responders, "\(context)")
                    expectClose(arm.ciLower, expectedArm.ciLower, "\(context) \(arm.arm) Wilson lower")
                    expectClose(arm.ciUpper, expectedArm.ciUpper, "\(context) \(arm.arm) Wilson upper")
                }
                #expect(level.differences.count == expectedLevel.differences.count, "\(context)")
                for (difference, expectedDifference) in zip(level.differences, expectedLevel.differences) {
                    expectClose(difference.difference?.estimate, expectedDifference?.estimate, "\(context) \(difference.arm) difference")
                    expectClose(difference.difference?.ciLower, expectedDifference?.ciLower, "\(context) \(difference.arm) lower")
                    expectClose(difference.difference?.ciUpper, expectedDifference?.ciUpper, "\(context) \(difference.arm) upper")
                }
            }
        }
    }

    // MARK: The plan

    static let plan = PlanADaMTests.pilot + "\n"

    @Test func anADaMPlanReadsCategoricalAndCutSubgroupsAndWritesThemBack() throws {
        let yaml = Self.plan + """
            subgroups:
              - SEX
              - {name: Age group, variable: AGEGR1, orderBy: AGEGR1N}
              - {name: Race, variable: RACE, levels: {WHITE: White, BLACK: Black}}
              - {variable: AGE, cut: 75}
            """
        let plan = try AnalysisPlan.load(yaml: yaml).plan
        #expect(plan.subgroups == [
            SubgroupDefinition(name: "SEX", variable: "SEX"),
            SubgroupDefinition(name: "Age group", variable: "AGEGR1", orderBy: "AGEGR1N"),
            SubgroupDefinition(name: "Race", variable: "RACE", levels: [BaselineLevel(value: "WHITE", label: "White"),
                                                                       BaselineLevel(value: "BLACK", label: "Black")]),
            SubgroupDefinition(name: "AGE", variable: "AGE", cut: 75, labelAtOrAboveCut: "AGE >= 75", labelBelowCut: "AGE < 75"),
        ])
        #expect(try AnalysisPlan.load(yaml: plan.canonicalYAML).plan == plan)
        // Without the key an ADaM plan has no subgroups (the seed study's onset groups are its own).
        let none = try AnalysisPlan.load(yaml: Self.plan).plan
        #expect(none.subgroups.isEmpty && !none.canonicalYAML.contains("subgroups"))
        #expect(AnalysisPlan(data: .adam(AdamLayout(subjects: "adsl.xpt"))).subgroups.isEmpty)
        #expect(AnalysisPlan().subgroups == [.onset])
    }

    @Test func subgroupMistakesAreReportedAtTheirLines() {
        #expect(planDiagnostics(Self.plan + "subgroups:\n  - {variable: SEX, labels: [a, b]}\n  - {variable: AGE, cut: 75, levels: [a]}\n") == [
            "error: study.yaml:15:29: subgroups[0].labels: 'labels' names the two sides of a 'cut'; a subgroup without 'cut' is "
                + "split by the variable's categories, named with 'levels'",
            "error: study.yaml:16:38: subgroups[1].levels: 'levels' orders the categories of a subgroup without 'cut'; a subgroup "
                + "split at a cut has the two levels of 'labels'",
        ])
        #expect(planDiagnostics(Self.plan + "subgroups: [SEX, {name: SEX, variable: RACE}]\n")
            == ["error: study.yaml:14:25: subgroups[1].name: subgroup 'SEX' is defined twice"])
        // The seed study's layout splits at a cut only.
        #expect(planDiagnostics("subgroups:\n  - {variable: AGE}\n") == [
            "error: study.yaml:2:5: subgroups[0]: missing key 'cut' (the seed study's file layout splits a subgroup at a cut; "
                + "categories need 'data: {format: adam, …}')",
        ])
    }

    static func problems(_ yaml: String) throws -> [String] {
        let plan = try AnalysisPlan.load(yaml: Self.plan + yaml)
        let participants = ParticipantTable(
            ids: StringTable(["1", "2", "3"]), arms: ["Placebo", "Active"], arm: [0, 1, 1],
            columns: [DataColumn(name: "AGE", values: .numbers([60, 70, 80])),
                      DataColumn(name: "SEX", values: .text(codes: [0, 1, 1], levels: StringTable(["F", "M"]))),
                      DataColumn(name: "AGEGR1", values: .text(codes: [0, 1, 1], levels: StringTable(["<65", ">=65"]))),
                      DataColumn(name: "AGEGR1N", values: .numbers([1, 2, 3]))])
        return plan.subgroupProblems(with: participants).map(\.description)
    }

    @Test func subgroupVariablesMustFitTheSubjectLevelData() throws {
        #expect(try Self.problems("subgroups: [SEX, AGEGR1, {variable: AGE, cut: 65}]\n").isEmpty)
        #expect(try Self.problems("subgroups: [SEXX]\n")
            == ["error: study.yaml:14:13: subgroups[0]: 'SEXX' is not a variable of data/adsl.xpt; did you mean 'SEX'?"])
        #expect(try Self.problems("subgroups:\n  - {variable: SEX, cut: 1}\n")
            == ["error: study.yaml:15:26: subgroups[0].cut: 'SEX' holds text in data/adsl.xpt; a subgroup split at a cut needs a "
                + "numeric variable (without 'cut' the subgroup is split by its categories)"])
        #expect(try Self.problems("subgroups:\n  - {variable: SEX, levels: [F]}\n")
            == ["error: study.yaml:15:29: subgroups[0].levels: SEX has values the levels do not list: 'M'"])
        #expect(try Self.problems("subgroups:\n  - {variable: AGEGR1, orderBy: AGEGRN}\n")
            == ["error: study.yaml:15:33: subgroups[0].orderBy: 'AGEGRN' is not a variable of data/adsl.xpt; did you mean 'AGEGR1N'?"])
    }

    @Test func aLevelWithOneArmHasNullEffectsAndTheInteractionLosesItsDegreesOfFreedom() throws {
        let results = try #require(Self.results)
        let race = try #require(results.modelEndpoints[0].subgroups?.last)
        let level = try #require(race.levels.last)
        #expect(level.byArm.map(\.n) == [0, 0, 1])
        #expect(level.differences.allSatisfy { $0.difference == nil })
        #expect(race.interaction?.df == 2)
        let responders = try #require(results.responderEndpoints.first?.subgroups?.last?.levels.last)
        #expect(responders.differences.allSatisfy { $0.difference == nil })
    }
}
