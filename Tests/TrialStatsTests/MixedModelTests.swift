import Foundation
import Testing
import TrialStats

@Suite("Repeated-measures models (MMRM) against R's nlme::gls and emmeans")
struct MixedModelTests {
    /// emmeans 1.8.4 computes the Satterthwaite df of a gls fit from nlme's finite-difference
    /// apVar and refits at perturbed parameters ("appx-satterthwaite"); they differ from the exact
    /// df (mmrm_satterthwaite.R, numDeriv) by up to 1% on these cases, 2.05% on toeplitz_fallback,
    /// so emmeans' df are only a sanity check at this tolerance, and the exact ones are checked at 1e-4.
    static let emmeansDegreesOfFreedomTolerance = 3e-2
    /// nlme stops its optimiser where the REML surface is flat but not yet at its top: on the pilot
    /// our REML log-likelihood is higher by 2e-8 (−1564.79408377702 against −1564.79408379556,
    /// both evaluated by the same R code), and estimates, SEs and Σ̂ then differ by up to about 1e-5
    /// relative. They must agree within this share of their SE (estimates) or of their size.
    static let optimumTolerance = 1e-4

    /// |actual − expected| ≤ ``optimumTolerance`` × scale.
    private func expectNear(_ actual: Double, _ expected: Double, scale: Double, _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(actual - expected) <= Self.optimumTolerance * scale, "\(what): got \(actual), R \(expected)",
                sourceLocation: sourceLocation)
    }

    @Test("The fixture is read, with all its cases")
    func fixtureReadable() throws {
        let cases: [MixedModelCase] = try loadFixture("mmrm")
        #expect(cases.count == 8)
        #expect(MixedModelCase.all.count == cases.count)
        #expect(SatterthwaiteCase.all.count == cases.count)
    }

    @Test("Structure, rows, coefficients, SEs, Σ̂ and the REML log-likelihood match gls", arguments: MixedModelCase.all)
    func fitMatchesGLS(reference: MixedModelCase) throws {
        let fit = try reference.fit()
        #expect(fit.structure.rawValue == reference.structure)
        #expect(fit.attempts.count == reference.fallbacks.count)
        #expect(fit.frame.observationCount == reference.observations)
        #expect(fit.frame.participantCount == reference.subjects)
        #expect(fit.coefficients.map(\.name) == reference.coefficients.names)
        for (index, coefficient) in fit.coefficients.enumerated() {
            let estimate = try #require(coefficient.estimate, "\(reference.name) \(coefficient.name)")
            let se = reference.coefficients.se[index]
            expectNear(estimate.estimate, reference.coefficients.estimate[index], scale: se, "\(reference.name) \(coefficient.name)")
            expectNear(estimate.standardError, se, scale: se, "\(reference.name) SE \(coefficient.name)")
        }
        let rows = fit.covarianceRows
        let indices = try reference.covarianceVisits.map { try #require(reference.visits.firstIndex(of: $0)) }
        for (a, j) in indices.enumerated() {
            for (b, k) in indices.enumerated() {
                expectNear(rows[j][k], reference.covariance[a][b], scale: reference.covariance[a][a], "\(reference.name) Σ[\(j), \(k)]")
            }
        }
        // At least nlme's maximum, and no more than 1e-6 above it.
        #expect(fit.restrictedLogLikelihood >= reference.logLik - 1e-9 && fit.restrictedLogLikelihood <= reference.logLik + 1e-6,
                "\(reference.name) REML log-likelihood \(fit.restrictedLogLikelihood), R \(reference.logLik)")
    }

    @Test("LS means per visit and arm and the differences from the reference match emmeans", arguments: MixedModelCase.all)
    func leastSquaresMeansMatchEmmeans(reference: MixedModelCase) throws {
        let fit = try reference.fit()
        let exact = try reference.satterthwaite()
        for (expected, exactDf) in zip(reference.leastSquaresMeans, exact.df) {
            let weights = try #require(MarginalWeights(rawValue: expected.weights))
            let means = try fit.leastSquaresMeans(of: "TRT", weights: weights)
            let differences = try means.differences(against: means.levels[0])
            var row = 0
            for (v, visit) in means.visits.enumerated() {
                for (l, level) in means.levels.enumerated() {
                    #expect(expected.means.visit[row] == visit && expected.means.level[row] == level)
                    expect(means.means[v][l], expected.means, exactDf.means, row, "\(reference.name) \(expected.weights) \(visit) \(level)")
                    row += 1
                }
            }
            row = 0
            for (v, visit) in means.visits.enumerated() {
                for difference in differences[v] {
                    #expect(expected.differences.visit[row] == visit)
                    #expect(expected.differences.level[row].replacingOccurrences(of: "TRT", with: "")
                            == "\(difference.level) - \(difference.reference)")
                    expect(difference.estimate, expected.differences, exactDf.differences, row,
                           "\(reference.name) \(expected.weights) \(visit) \(difference.level)")
                    row += 1
                }
            }
        }
    }

    @Test("Kenward–Roger SEs, df, p and CIs of the LS means and differences match pbkrtest", arguments: MixedModelCase.all)
    func kenwardRogerMatchesPbkrtest(reference: MixedModelCase) throws {
        let fit = try reference.fit(degreesOfFreedom: .kenwardRoger)
        #expect(fit.degreesOfFreedomMethod == .kenwardRoger)
        for (expected, exact) in zip(reference.leastSquaresMeans, try reference.satterthwaite().df) {
            let means = try fit.leastSquaresMeans(of: "TRT", weights: try #require(MarginalWeights(rawValue: expected.weights)))
            let differences = try means.differences(against: means.levels[0])
            let rows = means.means.flatMap { $0 }.map { ($0, expected.means, exact.kenwardRoger.means) }
                + differences.flatMap { $0 }.map { ($0.estimate, expected.differences, exact.kenwardRoger.differences) }
            let meanCount = means.means.flatMap { $0 }.count
            for (index, (actual, table, kr)) in rows.enumerated() {
                let row = index < meanCount ? index : index - meanCount
                let what = "\(reference.name) \(expected.weights) \(table.visit[row]) \(table.level[row])"
                let actual = try #require(actual, "\(what)")
                let se = try #require(kr.se)[row]
                expectNear(actual.estimate, table.estimate[row], scale: se, "\(what) estimate")
                expectNear(actual.standardError, se, scale: se, "\(what) KR SE")
                expectNear(actual.degreesOfFreedom, kr.df[row], scale: kr.df[row], "\(what) KR df")
                expectNear(actual.pValue, kr.p[row], scale: max(kr.p[row], 1e-6) * max(1, abs(table.estimate[row] / se)), "\(what) KR p")
                expectNear(actual.confidenceInterval.lower, kr.lower[row], scale: se, "\(what) KR lower")
                expectNear(actual.confidenceInterval.upper, kr.upper[row], scale: se, "\(what) KR upper")
            }
        }
    }

    @Test("Unstructured fails when two visits are never observed together; the next structure is fitted")
    func fallbackWhenUnstructuredFails() throws {
        let fit = try MixedModelCase.named("unstructured_not_estimable").fit()
        #expect(fit.structure == .compoundSymmetry)
        #expect(fit.attempts == [
            CovarianceAttempt(structure: .unstructured, failure: .visitsNeverTogether("Month 1", "Month 3")),
            CovarianceAttempt(structure: .compoundSymmetry, failure: nil),
        ])
    }

    @Test("Heterogeneous Toeplitz is fitted where unstructured fails, and fails itself when a lag is never observed")
    func toeplitzFallbacks() throws {
        let fit = try MixedModelCase.named("toeplitz_fallback").fit()
        #expect(fit.attempts == [
            CovarianceAttempt(structure: .unstructured, failure: .visitsNeverTogether("Week 2", "Week 6")),
            CovarianceAttempt(structure: .toeplitzHeterogeneous, failure: nil),
        ])
        // Three visits, the first and third never together: no pair two apart, so ρ₂ is not estimable.
        let gap = try MixedModelCase.named("unstructured_not_estimable").frame()
        let fallback = try RepeatedMeasuresFit(gap, structures: [.toeplitzHeterogeneous, .compoundSymmetry])
        #expect(fallback.structure == .compoundSymmetry)
        #expect(fallback.attempts.first == CovarianceAttempt(structure: .toeplitzHeterogeneous, failure: .lagNeverObserved(2)))
    }

    @Test("No structure left: the error lists every attempt")
    func noStructureFitted() throws {
        let reference = try MixedModelCase.named("unstructured_not_estimable")
        #expect(throws: MixedModelError.noStructureFitted([
            CovarianceAttempt(structure: .unstructured, failure: .visitsNeverTogether("Month 1", "Month 3")),
        ])) { try RepeatedMeasuresFit(reference.frame(), structures: [.unstructured]) }
    }

    @Test("A singular design is refused, as gls refuses it")
    func singularDesign() throws {
        let responses = [[1.0, 2, 3, 4, 5, 6], [2.0, 2.5, 3.5, 4, 6, 7]]
        let copy: [Double] = [1, 2, 3, 4, 5, 6]
        #expect(throws: MixedModelError.singularDesign) {
            try RepeatedMeasuresFit(RepeatedMeasuresFrame(
                responses: responses, visits: ["A", "B"], variables: ["X": .numeric(copy), "Y": .numeric(copy.map { 2 * $0 })],
                terms: [ModelTerm("VISIT"), ModelTerm("X"), ModelTerm("Y")]))
        }
    }

    @Test("Malformed frames are refused with what is wrong")
    func malformedFrames() {
        #expect(throws: MixedModelError.visitCount(responses: 1, visits: 2)) {
            try RepeatedMeasuresFrame(responses: [[1, 2]], visits: ["A", "B"], variables: [:], terms: [ModelTerm("VISIT")])
        }
        #expect(throws: MixedModelError.noVisitTerm("VISIT")) {
            try RepeatedMeasuresFrame(responses: [[1, 2]], visits: ["A"], variables: ["X": .numeric([1, 2])], terms: [ModelTerm("X")])
        }
        #expect(throws: MixedModelError.visitWithoutObservations("B")) {
            try RepeatedMeasuresFrame(responses: [[1, 2], [.nan, .nan]], visits: ["A", "B"], variables: [:], terms: [ModelTerm("VISIT")])
        }
    }

    /// Estimate, SE and t as emmeans, df, p and CI limits as the exact Satterthwaite reference, each
    /// within ``optimumTolerance`` (of the SE for estimates and limits); df as emmeans' approximation at
    /// ``emmeansDegreesOfFreedomTolerance``.
    private func expect(_ actual: LinearEstimate?, _ table: MixedModelCase.Table, _ exact: SatterthwaiteCase.Inference,
                        _ row: Int, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let actual else {
            Issue.record("\(what): no estimate", sourceLocation: sourceLocation)
            return
        }
        let se = table.se[row]
        expectNear(actual.estimate, table.estimate[row], scale: se, "\(what) estimate", sourceLocation: sourceLocation)
        expectNear(actual.standardError, se, scale: se, "\(what) SE", sourceLocation: sourceLocation)
        expectNear(actual.t, table.t[row], scale: max(1, abs(table.t[row])), "\(what) t", sourceLocation: sourceLocation)
        expectNear(actual.degreesOfFreedom, exact.df[row], scale: exact.df[row], "\(what) df", sourceLocation: sourceLocation)
        // In the tail a p-value's relative change is about |t| times t's absolute change.
        expectNear(actual.pValue, exact.p[row], scale: max(exact.p[row], 1e-6) * max(1, abs(table.t[row])), "\(what) p",
                   sourceLocation: sourceLocation)
        expectNear(actual.confidenceInterval.lower, exact.lower[row], scale: se, "\(what) lower", sourceLocation: sourceLocation)
        expectNear(actual.confidenceInterval.upper, exact.upper[row], scale: se, "\(what) upper", sourceLocation: sourceLocation)
        expectClose(actual.degreesOfFreedom, table.df[row], relative: Self.emmeansDegreesOfFreedomTolerance,
                    "\(what) df (emmeans)", sourceLocation: sourceLocation)
    }
}
