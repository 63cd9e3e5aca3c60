import Testing
import TrialStats

@Suite("Linear models refuse what they cannot fit")
struct LinearModelErrorTests {
    private let response: [Double] = [1.2, 2.3, 2.9, 4.1, 5.2, 5.8]
    private let arm: [String?] = ["a", "b", "a", "b", "a", "b"]

    @Test("A term naming an unknown variable, a length mismatch and a repeated term are refused")
    func badTerms() {
        #expect(throws: LinearModelError.unknownVariable("age", term: "age")) {
            try ModelFrame(response: response, variables: [:], terms: [ModelTerm("age")])
        }
        #expect(throws: LinearModelError.lengthMismatch(variable: "x", count: 2, expected: 6)) {
            try ModelFrame(response: response, variables: ["x": .numeric([1, 2])], terms: [ModelTerm("x")])
        }
        #expect(throws: LinearModelError.duplicateTerm("x:arm")) {
            try ModelFrame(response: response, variables: ["x": .numeric(response), "arm": .factor(arm)],
                           terms: [ModelTerm("arm", "x"), ModelTerm("x", "arm")])
        }
    }

    @Test("A label that is not a level, and a factor left with one level, are refused as R does")
    func badFactors() {
        #expect(throws: LinearModelError.unknownLevel(variable: "arm", row: 1, label: "b")) {
            try ModelFrame(response: response, variables: ["arm": .factor(arm, levels: ["a"])], terms: [ModelTerm("arm")])
        }
        let oneLevelLeft: [String?] = ["a", nil, "a", nil, "a", nil]
        #expect(throws: LinearModelError.singleLevel(variable: "arm", level: "a")) {
            try ModelFrame(response: response, variables: ["arm": .factor(oneLevelLeft)], terms: [ModelTerm("arm")])
        }
    }

    @Test("Missing values drop their rows and are counted; no complete row is refused")
    func missingRows() throws {
        let frame = try ModelFrame(
            response: [1, .nan, 3, 4, 5, 6], variables: ["x": .numeric([1, 2, .nan, 4, 5, 7]), "arm": .factor(arm)],
            terms: [ModelTerm("x"), ModelTerm("arm")])
        #expect(frame.droppedRowCount == 2)
        #expect(frame.completeRows == [0, 3, 4, 5])
        #expect(throws: LinearModelError.noCompleteRows) {
            try ModelFrame(response: [.nan, .nan], variables: [:], terms: [])
        }
    }

    @Test("As many coefficients as rows leave no residual df; an exact fit is refused")
    func unfittable() throws {
        let saturated = try ModelFrame(response: [1, 2, 4], variables: ["x": .numeric([0, 1, 3]), "z": .numeric([1, 0, 2])],
                                       terms: [ModelTerm("x"), ModelTerm("z")])
        #expect(throws: LinearModelError.noResidualDegreesOfFreedom(observations: 3, rank: 3)) { try LinearFit(saturated) }
        let exact = try ModelFrame(response: [1, 3, 5, 7], variables: ["x": .numeric([0, 1, 2, 3])], terms: [ModelTerm("x")])
        #expect(throws: LinearModelError.essentiallyPerfectFit) { try LinearFit(exact) }
        #expect(throws: LinearModelError.invalidConfidenceLevel(1)) {
            try LinearFit(try ModelFrame(response: response, variables: [:], terms: []), confidenceLevel: 1)
        }
    }

    @Test("LS means of a non-factor, an unknown reference and a contrast of the wrong length or all zero are refused")
    func badRequests() throws {
        let fit = try LinearFit(try ModelFrame(
            response: response, variables: ["arm": .factor(arm), "x": .numeric([3, 1, 4, 1, 5, 9])],
            terms: [ModelTerm("arm"), ModelTerm("x")]))
        #expect(throws: LinearModelError.notAFactor("x")) { try fit.leastSquaresMeans(of: "x") }
        let means = try fit.leastSquaresMeans(of: "arm")
        #expect(throws: LinearModelError.unknownLevelName(variable: "arm", level: "c")) { try means.differences(against: "c") }
        #expect(throws: LinearModelError.contrastLength(count: 3, levels: 2)) { try means.contrast([1, 0, -1]) }
        #expect(throws: LinearModelError.zeroContrast) { try means.contrast([0, 0]) }
    }
}
