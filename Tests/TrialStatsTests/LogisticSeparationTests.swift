import Testing
import TrialStats

@Suite("Separation is detected, classified and named")
struct LogisticSeparationTests {
    private func separation(_ name: String) throws -> Separation? {
        let reference = try LogisticFixtures.maximumLikelihoodCase(name)
        return try LogisticFixtures.model(response: reference.response, covariates: reference.covariates)
            .fitMaximumLikelihood().separation
    }

    @Test("One covariate separating completely is named, kind complete")
    func completeSeparationByOneCovariate() throws {
        let found = try #require(try separation("complete_separation"))
        #expect(found.kind == .complete)
        #expect(found.covariates == ["x"])
    }

    @Test("A value shared by both classes makes the separation quasi-complete")
    func quasiCompleteSeparation() throws {
        let found = try #require(try separation("quasi_complete_separation"))
        #expect(found.kind == .quasiComplete)
        #expect(found.covariates == ["x"])
    }

    @Test("Two covariates that separate only jointly are both named")
    func jointSeparationNamesBoth() throws {
        let found = try #require(try separation("joint_separation"))
        #expect(found.kind == .complete)
        #expect(found.covariates == ["x", "z"])
    }

    @Test("No separation is reported when the maximum likelihood estimate exists", arguments: [
        "infert_four_covariates", "near_separation", "simulated_2000",
    ])
    func noFalseSeparation(name: String) throws {
        #expect(try separation(name) == nil)
    }

    @Test("The direction reported is a certificate: it orders every event above every non-event")
    func directionOrdersClasses() throws {
        let reference = try LogisticFixtures.maximumLikelihoodCase("joint_separation")
        let found = try #require(try separation("joint_separation"))
        let x = reference.covariates[0].values, z = reference.covariates[1].values
        for i in reference.response.indices {
            let projection = found.direction[0] + found.direction[1] * x[i] + found.direction[2] * z[i]
            #expect(reference.response[i] == 1 ? projection > 0 : projection < 0)
        }
    }

    @Test("A binary covariate with an empty cell gives quasi-complete separation")
    func emptyCellOfBinaryCovariate() throws {
        // Every exposed participant responds; unexposed ones are mixed.
        let exposed: [Double] = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
        let response: [Double] = [1, 1, 1, 1, 1, 0, 0, 1, 0, 0]
        let fit = try LogisticModel(response: response, covariates: [("exposed", exposed)]).fitMaximumLikelihood()
        let found = try #require(fit.separation)
        #expect(found.kind == .quasiComplete)
        #expect(found.covariates == ["exposed"])
    }

    @Test("Firth's estimates stay finite under complete separation")
    func firthFiniteUnderSeparation() throws {
        let reference = try LogisticFixtures.maximumLikelihoodCase("complete_separation")
        let fit = try LogisticFixtures.model(response: reference.response, covariates: reference.covariates).fitFirth()
        #expect(fit.terms.allSatisfy { $0.estimate.isFinite && $0.ciLower.isFinite && $0.ciUpper.isFinite })
    }
}
