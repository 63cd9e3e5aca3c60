import Testing
import TrialStats

/// A factor given by each row's level (`ModelVariable.coded`) is the factor its levels' labels make
/// (`ModelVariable.factor`): the same frame and fit, the same refusals.
@Suite("Coded factors")
struct CodedFactorTests {
    private let response: [Double] = [1.2, 2.3, 2.9, 4.1, 5.2, 5.8, 3.3, 4.4, 2.2]
    private let dose: [Double] = [0, 54, 81, 0, 54, 81, 0, 54, 81]
    /// Levels "placebo", "low", "high" and "unused"; row 4 missing.
    private let positions: [Int32] = [0, 1, 2, 2, -1, 1, 0, 2, 1]
    private let levels = ["placebo", "low", "high", "unused"]

    @Test func aCodedFactorFitsAsItsLabelsDo() throws {
        let labels = positions.map { $0 < 0 ? nil : levels[Int($0)] }
        let terms = [ModelTerm("arm"), ModelTerm("dose")]
        let coded = try ModelFrame(response: response, variables: ["arm": .coded(positions, levels: levels), "dose": .numeric(dose)],
                                   terms: terms)
        let labelled = try ModelFrame(response: response, variables: ["arm": .factor(labels, levels: levels), "dose": .numeric(dose)],
                                      terms: terms)
        #expect(coded.completeRows == labelled.completeRows && coded.completeRows.count == 8)
        #expect(coded.factorLevels == labelled.factorLevels && coded.factorLevels["arm"] == ["placebo", "low", "high"])
        #expect(coded.columnNames == labelled.columnNames)
        let (codedFit, labelledFit) = (try LinearFit(coded), try LinearFit(labelled))
        #expect(codedFit.coefficients.map(\.estimate) == labelledFit.coefficients.map(\.estimate))
        #expect(codedFit.residualSumOfSquares == labelledFit.residualSumOfSquares)
    }

    @Test func aPositionBeyondTheLevelsAndASingleLevelLeftAreRefused() {
        #expect(throws: LinearModelError.unknownLevel(variable: "arm", row: 2, label: "level 4")) {
            try ModelFrame(response: response, variables: ["arm": .coded([0, 1, 4, 0, 1, 0, 1, 0, 1], levels: levels)],
                           terms: [ModelTerm("arm")])
        }
        #expect(throws: LinearModelError.singleLevel(variable: "arm", level: "low")) {
            try ModelFrame(response: response, variables: ["arm": .coded([1, -1, 1, -1, 1, -1, 1, -1, 1], levels: levels)],
                           terms: [ModelTerm("arm")])
        }
    }
}
