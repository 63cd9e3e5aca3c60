import Foundation
import Testing
import TrialStats

@Suite("Impossible logistic models are refused with a typed error")
struct LogisticModelErrorTests {
    private let response: [Double] = [0, 1, 0, 1, 1, 0]
    private let age: [Double] = [30, 41, 25, 52, 47, 38]

    private func error(
        response: [Double], covariates: [(name: String, values: [Double])]
    ) -> LogisticModelError? {
        do {
            _ = try LogisticModel(response: response, covariates: covariates)
            return nil
        } catch {
            return error
        }
    }

    @Test("A response without events is refused")
    func noEvents() {
        #expect(error(response: [0, 0, 0], covariates: []) == .noEvents)
    }

    @Test("A response without non-events is refused")
    func noNonEvents() {
        #expect(error(response: [1, 1, 1], covariates: []) == .noNonEvents)
    }

    @Test("A response other than 0/1 is refused, naming the row")
    func responseNotBinary() {
        #expect(error(response: [0, 1, 2], covariates: []) == .responseNotBinary(row: 2, value: 2))
    }

    @Test("NaN or infinity is refused, naming the variable and row", arguments: [Double.nan, .infinity])
    func nonFinite(value: Double) {
        #expect(error(response: response, covariates: [("age", [30, 41, value, 52, 47, 38])])
            == .nonFiniteValue(variable: "age", row: 2))
        #expect(error(response: [0, 1, value], covariates: []) == .nonFiniteValue(variable: "response", row: 2))
    }

    @Test("Fewer observations than parameters is refused")
    func tooFewObservations() {
        #expect(error(response: [0, 1], covariates: [("a", [1, 2]), ("b", [3, 5])])
            == .tooFewObservations(observations: 2, parameters: 3))
    }

    @Test("A covariate of the wrong length is refused")
    func lengthMismatch() {
        #expect(error(response: response, covariates: [("age", [1, 2])])
            == .lengthMismatch(covariate: "age", count: 2, expected: 6))
    }

    @Test("A repeated covariate name is refused")
    func duplicateName() {
        #expect(error(response: response, covariates: [("age", age), ("age", age)]) == .duplicateName("age"))
    }

    @Test("A constant covariate is collinear with the intercept")
    func constantCovariate() {
        #expect(error(response: response, covariates: [("age", age), ("dose", [2, 2, 2, 2, 2, 2])])
            == .collinearCovariate("dose", with: []))
    }

    @Test("A covariate that is a linear combination of others names them")
    func linearCombination() {
        let months = age.map { $0 * 12 + 3 }
        let other: [Double] = [1, 0, 1, 1, 0, 0]
        #expect(error(response: response, covariates: [("age", age), ("other", other), ("months", months)])
            == .collinearCovariate("months", with: ["age"]))
    }

    @Test("Every error reads as a sentence naming what is wrong")
    func messages() {
        #expect(LogisticModelError.collinearCovariate("months", with: ["age"]).description
            == "covariate 'months' is collinear with 'age'")
        #expect(LogisticModelError.noEvents.description.contains("no events"))
        #expect(LogisticModelError.nonFiniteValue(variable: "age", row: 2).description == "age in row 3 is not a finite number")
    }

    // glm's SE uses the weights of the iteration before the last (as this fit does), so it
    // is within about 1e-7 of the closed form, not at machine precision.
    @Test("An intercept-only fit gives the log odds and SE √(1/e + 1/(n−e))")
    func interceptOnlyClosedForm() throws {
        let fit = try LogisticModel(response: [1, 1, 1, 0, 0, 0, 0, 0, 0, 0], covariates: []).fitMaximumLikelihood()
        let intercept = try #require(fit.terms.first)
        #expect(fit.terms.map(\.name) == ["(Intercept)"])
        #expect(abs(intercept.estimate - Double.log(3.0 / 7.0)) < 1e-10)
        #expect(abs(intercept.standardError / (1.0 / 3 + 1.0 / 7).squareRoot() - 1) < 1e-6)
        #expect(abs(fit.deviance - fit.nullDeviance) < 1e-10)
    }
}
