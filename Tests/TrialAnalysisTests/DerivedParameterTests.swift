import Foundation
import Testing
@testable import TrialAnalysis
import TrialData

/// Derived parameters (`derivedParameters`): the mean AUC of timed C-peptide samples and IDAA1c
/// (HbA1c + 4 × insulin dose) on a small ADaM study, and an ANCOVA endpoint on the derived AUC,
/// against R (`Fixtures/derived_parameters.R`, which also wrote the study); the expressions; and
/// the plan's problems at their lines.
@Suite("Derived parameters")
struct DerivedParameterTests {
    struct Reference: Decodable {
        struct Value: Decodable {
            var participant: String
            var visit: Double
            var value: Double
        }
        struct Ancova: Decodable {
            var n: Int
            var difference: Double
            var se: Double
            var pValue: Double
        }
        var auc: [Value]
        var idaa1c: [Value]
        var ancova: Ancova
    }

    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    static let study = fixtures.appendingPathComponent("derived-parameters")

    private func expectClose(_ value: Double?, _ expected: Double, _ context: String) {
        guard let value else {
            Issue.record("\(context): nil, R \(expected)")
            return
        }
        #expect(abs(value - expected) <= 1e-9 * max(abs(expected), 1e-4), "\(context): \(value) vs R \(expected)")
    }

    /// The derived table's values of `code` by participant id and visit.
    private func values(of code: String, in data: StudyData) throws -> [String: Double] {
        let table = try #require(data.bdsTables.last)
        let parameter = try #require(table.parameterCodes.index(of: code))
        var values: [String: Double] = [:]
        for row in 0..<table.count where table.parameter[row] == Int32(parameter) {
            values["\(data.participants.ids[Int(table.participant[row])]) \(table.visitNumber[row])"] = table.value[row]
        }
        return values
    }

    @Test func areaUnderTheCurveAndIDAA1cAgreeWithR() throws {
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("derived_parameters.json")))
        let input = try StudyInput.load(from: Self.study)
        for (code, expected) in [("CPEPAUC", reference.auc), ("IDAA1C", reference.idaa1c)] {
            let derived = try values(of: code, in: input.data)
            #expect(derived.count == expected.count, "\(code): \(derived.count) values, R \(expected.count)")
            for value in expected { expectClose(derived["\(value.participant) \(value.visit)"], value.value, "\(code) \(value.participant) \(value.visit)") }
        }
        let table = try #require(input.data.bdsTables.last)
        #expect(table.parameterLabels == ["C-peptide mean AUC over the mixed-meal test", "Insulin dose-adjusted HbA1c"])
        #expect(table.units == ["nmol/L", ""])
        #expect(table.visits.map(\.label) == ["Week 0", "Week 52"])
        let results = StudyAnalysis.run(data: input.data, plan: input.plan.plan)
        let endpoint = try #require(results.modelEndpoints.first)
        #expect(endpoint.byArm.map(\.n).reduce(0, +) == reference.ancova.n)
        let difference = try #require(endpoint.differences.first?.difference)
        expectClose(difference.estimate, reference.ancova.difference, "ANCOVA difference")
        expectClose(difference.se, reference.ancova.se, "ANCOVA SE")
        #expect(abs((difference.pValue ?? 1) - reference.ancova.pValue) <= 1e-6 * reference.ancova.pValue)
    }

    /// A participant-visit's samples need not follow each other or come in time order: adlb.csv's
    /// rows reversed give the same areas and expressions, to the bit (the fixture has no two
    /// samples of one participant-visit at the same time, nor two untimed records of a parameter,
    /// whose order would follow the file's).
    @Test func derivedValuesDoNotDependOnTheOrderOfTheRows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("derived-reversed-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.study, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let adlb = folder.appendingPathComponent("adlb.csv")
        let lines = try String(contentsOf: adlb, encoding: .utf8).split(separator: "\n")
        try ([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n").appending("\n").write(to: adlb, atomically: true, encoding: .utf8)
        for code in ["CPEPAUC", "IDAA1C"] {
            let original = try values(of: code, in: StudyInput.load(from: Self.study).data)
            let reversed = try values(of: code, in: StudyInput.load(from: folder).data)
            #expect(original.count > 10, "\(code)")
            #expect(reversed.mapValues(\.bitPattern) == original.mapValues(\.bitPattern), "\(code)")
        }
    }

    /// An expression takes each parameter's first untimed observed record at a participant-visit
    /// (timed and derived records, and later ones, are not used), is computed where every
    /// parameter has a value, and is a baseline where every record it takes is.
    @Test func expressionsTakeTheFirstUntimedObservedRecordOfEachParameter() throws {
        var table = BDSTable(file: "adlb.csv")
        let a = Int32(table.parameterCodes.insert("A").index), b = Int32(table.parameterCodes.insert("B").index)
        table.timePoint = []
        table.derivationType = []
        // (participant, parameter, visit, value, baseline, time point, DTYPE), not in order.
        let rows: [(Int32, Int32, Double, Double, Bool, Double, String?)] = [
            (1, b, 4, 20, false, .nan, nil), (0, a, 0, 1, true, .nan, nil), (0, b, 0, 10, true, .nan, nil),
            (0, a, 0, 99, true, .nan, nil), (0, a, 4, 98, false, 30, nil), (0, a, 4, 97, false, .nan, "LOCF"),
            (0, a, 4, 2, false, .nan, nil), (0, b, 4, 0, false, .nan, nil), (1, a, 4, 3, false, .nan, nil),
            (1, a, 0, 5, true, .nan, nil), (2, a, 4, 6, false, .nan, nil),
        ]
        for (participant, parameter, visit, value, baseline, time, type) in rows {
            table.participant.append(participant)
            table.parameter.append(parameter)
            table.visitNumber.append(visit)
            table.value.append(value)
            table.isBaseline.append(baseline)
            table.timePoint!.append(time)
            table.derivationType!.append(type)
        }
        let ratio = DerivedParameter(code: "R", label: "A / B", derivation: .expression(try ParameterExpression(parsing: "A / B")))
        let sum = DerivedParameter(code: "S", label: "A + B", derivation: .expression(try ParameterExpression(parsing: "A + B")))
        let (derived, problems, notes) = ParameterDerivation.derive([ratio, sum], from: [table], file: "derived")
        #expect(problems.isEmpty)
        let records = (0..<derived.count).map {
            [Double(derived.parameter[$0]), Double(derived.participant[$0]), derived.visitNumber[$0], derived.value[$0],
             derived.isBaseline[$0] ? 1 : 0]
        }
        // R: participant 0 at 0: 1 / 10 (baseline); at 4: 2 / 0 has none; participant 1 at 4: 3 / 20;
        // participant 1 at 0 and participant 2 at 4 lack B.
        #expect(records == [[0, 0, 0, 0.1, 1], [0, 1, 4, 0.15, 0], [1, 0, 0, 11, 1], [1, 0, 4, 2, 0], [1, 1, 4, 23, 0]])
        #expect(notes == ["R: 3 participant-visits without a value (a parameter without a value at the visit, or a division by zero)",
                          "S: 2 participant-visits without a value (a parameter without a value at the visit, or a division by zero)"])
    }

    @Test func expressionsParseWithPrecedenceAndWriteBack() throws {
        let idaa = try ParameterExpression(parsing: "HBA1C + 4 * INSDOSE")
        #expect(idaa.parameters == ["HBA1C", "INSDOSE"])
        #expect(idaa.evaluate { ["HBA1C": 7.5, "INSDOSE": 0.5][$0] } == 9.5)
        #expect(idaa.text == "HBA1C + 4 * INSDOSE")
        let grouped = try ParameterExpression(parsing: "(A - B) / -(C*2)")
        #expect(grouped.text == "(A - B) / -(C * 2)")
        #expect(grouped.evaluate { ["A": 5, "B": 1, "C": 1][$0] } == -2)
        #expect(grouped.evaluate { ["A": 5, "B": 1, "C": 0][$0] } == nil)
        #expect(idaa.evaluate { ["HBA1C": 7.5][$0] } == nil)
        // Item by item: NaN exactly where one at a time gives nil, the same value elsewhere.
        let columns: [String: [Double]] = ["A": [5, 5, .nan, 3, .infinity], "B": [1, 1, 1, 3, 1], "C": [1, 0, 1, 2, 1]]
        let values = grouped.evaluate(count: 5) { columns[$0]! }
        for item in 0..<5 {
            let single = grouped.evaluate { code in columns[code].map { $0[item] }.flatMap { $0.isNaN ? nil : $0 } }
            #expect(single.map { $0 == values[item] || ($0.isNaN && values[item].isNaN) } ?? values[item].isNaN, "item \(item)")
        }
        #expect(idaa.evaluate(count: 2) { ["HBA1C": [7.5, 8], "INSDOSE": [0.5, .nan]][$0]! }.map(\.isNaN) == [false, true])
        #expect(throws: ParameterExpression.ParseError(message: "expected ')'", offset: 6)) { try ParameterExpression(parsing: "(A + B") }
        #expect(throws: ParameterExpression.ParseError(message: "unexpected 'B'", offset: 2)) { try ParameterExpression(parsing: "A B") }
    }

    /// Every operator item by item gives, to the bit, what one item at a time gives (NaN where
    /// that is `nil`), over values with zeros, NaN, infinities and signed zeros in both operands.
    @Test func itemByItemOperatorsAreOneAtATimeToTheBit() throws {
        let specials: [Double] = [0, -0.0, 1, -2.5, 1e-300, 7.25, .nan, .infinity, -.infinity, 3]
        let left = (0..<100).map { specials[$0 % specials.count] }
        let right = (0..<100).map { specials[($0 / specials.count) % specials.count] }
        for text in ["A + B", "A - B", "A * B", "A / B", "-(A / B) * 2 - A"] {
            let expression = try ParameterExpression(parsing: text)
            let values = expression.evaluate(count: left.count) { $0 == "A" ? left : right }
            for item in left.indices {
                let single = expression.evaluate { $0 == "A" ? left[item] : right[item] }
                #expect(single.map { $0.bitPattern == values[item].bitPattern || $0.isNaN && values[item].isNaN } ?? values[item].isNaN,
                        "\(text) at \(left[item]), \(right[item])")
            }
        }
    }

    /// A parameter derived from the grid: each visit's records (a finite value) and skipped
    /// participant-visits (no value, but a value of some source parameter) counted by definition.
    @Test func gridParameterCountsAreThoseOfTheDefinition() throws {
        let input = try StudyInput.load(from: ExampleStudy.folder)
        let study = DerivedStudy(data: input.data, plan: input.plan.plan)
        let codes = study.plan.parameters.map(\.code)
        // INSDOSE / (HBA1C - 7): a division by zero wherever HbA1c is 7, besides the missing values.
        let expression = try ParameterExpression(parsing: "INSDOSE / (HBA1C - 7)")
        let definition = DerivedParameter(code: "X", label: "X", unit: "", derivation: .expression(expression))
        let derived = DerivedGridParameter(definition, expression: expression, in: study.grid, codes: codes)
        let sources = expression.parameters.map { try! #require(codes.firstIndex(of: $0)) }
        var expected = (records: 0, skipped: 0, zeroDivisions: 0)
        for visit in study.grid.visits.indices {
            for participant in 0..<study.participantCount {
                let dose = study.grid.value(parameter: sources[0], visit: visit, participant: participant)
                let hba1c = study.grid.value(parameter: sources[1], visit: visit, participant: participant)
                let value = derived.values[visit][participant]
                if !dose.isNaN, !hba1c.isNaN, hba1c != 7 {
                    expected.records += 1
                    #expect(value == dose / (hba1c - 7))
                } else {
                    #expect(value.isNaN)
                    if !dose.isNaN || !hba1c.isNaN { expected.skipped += 1 }
                    if !dose.isNaN, hba1c == 7 { expected.zeroDivisions += 1 }
                }
            }
        }
        #expect(derived.counts.records == expected.records && derived.counts.skipped == expected.skipped)
        #expect(expected.zeroDivisions > 0 && expected.skipped > expected.zeroDivisions, "the study exercises both ways of having no value")
    }

    @Test func thePlanRoundTripsThroughItsCanonicalYAML() throws {
        let plan = try AnalysisPlan.load(yaml: String(contentsOf: Self.study.appendingPathComponent("study.yaml"), encoding: .utf8)).plan
        #expect(plan.derivedParameters.map(\.code) == ["CPEPAUC", "IDAA1C"])
        #expect(try AnalysisPlan.load(yaml: plan.canonicalYAML).plan == plan)
    }

    @Test func wrongDerivedParametersAreReportedAtTheirLines() {
        let head = "data: {format: adam}\nderivedParameters:\n"
        #expect(planDiagnostics(head + "  - {code: X, auc: {parameter: A}, expression: A + 1}\n")
            == ["error: study.yaml:3:5: derivedParameters[0]: give 'auc' or 'expression', not both"])
        #expect(planDiagnostics(head + "  - {code: X, expression: A + * 2}\n")
            == ["error: study.yaml:3:27: derivedParameters[0].expression: expected a number, a parameter or '(', got '*' at character 5 of 'A + * 2'"])
        #expect(planDiagnostics(head + "  - {code: X, expression: A}\n  - {code: X, expression: B}\n")
            == ["error: study.yaml:4:12: derivedParameters[1].code: parameter 'X' is derived twice"])
        #expect(planDiagnostics("derivedParameters:\n  - {code: X, expression: A}\n")
            == ["error: study.yaml:2:3: derivedParameters: parameters are derived from BDS datasets: 'data: {format: adam, measurements: […]}'"])
    }

    @Test func untimedCurvesAndCodesInTheDataAreReportedAtTheirLines() throws {
        func file(_ name: String) throws -> String {
            try String(contentsOf: Self.study.appendingPathComponent(name), encoding: .utf8)
        }
        let plan = try file("study.yaml")
            .replacingOccurrences(of: "auc: {parameter: CPEP, mean: true}", with: "auc: {parameter: HBA1C, mean: true}")
            .replacingOccurrences(of: "HBA1C + 4 * INSDOSE", with: "HBA1C + 4 * INSDOS")
        let study = try TemporaryStudy(adsl: file("adsl.csv"), adlb: file("adlb.csv"), adae: file("adae.csv"), plan: plan)
        do {
            _ = try study.input()
            Issue.record("the plan should be refused")
        } catch {
            let messages = (error as? TrialReportError)?.diagnostics.map(\.description) ?? []
            #expect(messages.contains { $0.hasSuffix("derivedParameters[0].auc: adlb.csv has no timed samples of HBA1C (ATPTN): "
                                                     + "an area under the curve needs them") }, "\(messages)")
            #expect(messages.contains { $0.hasSuffix("derivedParameters[1].expression: parameter 'INSDOS' does not occur in the PARAMCD "
                                                     + "of the measurement datasets or among the parameters derived before") }, "\(messages)")
        }
        let clash = try TemporaryStudy(adsl: file("adsl.csv"), adlb: file("adlb.csv"), adae: file("adae.csv"),
                                       plan: try file("study.yaml").replacingOccurrences(of: "code: IDAA1C", with: "code: HBA1C"))
        do {
            _ = try clash.input()
            Issue.record("the plan should be refused")
        } catch {
            #expect(((error as? TrialReportError)?.diagnostics ?? []).map(\.description).contains {
                $0.hasSuffix("derivedParameters[1].code: parameter 'HBA1C' is already in adlb.csv: choose another code")
            })
        }
    }
}
