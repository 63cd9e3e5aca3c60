import Foundation
import Testing
import TrialStats

@Suite("Linear models against R's lm, drop1 and emmeans")
struct LinearModelTests {
    @Test("The fixture is read, with all its cases")
    func fixtureReadable() throws {
        let cases: [LinearModelCase] = try loadFixture("linear_models")
        #expect(cases.count == 8)
        #expect(LinearModelCase.all.count == cases.count)
    }

    @Test("Coefficients, SEs, t, p, CIs, σ, df, R² and the rows used match lm", arguments: LinearModelCase.all)
    func coefficientsMatchLM(reference: LinearModelCase) throws {
        let fit = try reference.fit()
        #expect(fit.frame.observationCount == reference.observations)
        #expect(fit.frame.droppedRowCount == reference.dropped)
        #expect(fit.rank == reference.rank)
        #expect(fit.residualDegreesOfFreedom == reference.residualDf)
        #expect(fit.coefficients.map(\.name) == reference.coefficients.names)
        expectAgrees(fit.sigma, reference.sigma, "sigma")
        expectAgrees(fit.residualSumOfSquares, reference.rss, "RSS")
        expectAgrees(fit.rSquared, reference.rSquared, "R²")
        expectAgrees(fit.adjustedRSquared, reference.adjustedRSquared, "adjusted R²")
        let r = reference.coefficients
        for (index, coefficient) in fit.coefficients.enumerated() {
            expectAgrees(coefficient.estimate, (r.estimate[index], r.se[index], nil, r.t[index], r.p[index], r.lower[index], r.upper[index]),
                         "\(reference.name) \(coefficient.name)")
        }
    }

    @Test("The drop-one F tests match drop1(test = \"F\"), marginality included", arguments: LinearModelCase.all)
    func dropOneMatchesR(reference: LinearModelCase) throws {
        let tests = try reference.fit().dropOneTests()
        #expect(tests.map(\.term.description) == reference.drop1.map(\.term))
        for (test, expected) in zip(tests, reference.drop1) {
            let what = "\(reference.name) drop1 \(expected.term)"
            #expect(test.degreesOfFreedom == expected.df, "\(what) df")
            expectAgrees(test.sumOfSquares, expected.sumOfSquares, "\(what) Sum of Sq")
            expectAgrees(test.residualSumOfSquares, expected.rss, "\(what) RSS")
            #expect((test.fStatistic == nil) == (expected.f == nil), "\(what): F present")
            if let f = test.fStatistic, let expectedF = expected.f { expectAgrees(f, expectedF, "\(what) F") }
            if let p = test.pValue, let expectedP = expected.p { expectAgrees(p, expectedP, "\(what) p") }
        }
    }

    @Test("LS means, differences against a reference and linear contrasts match emmeans", arguments: LinearModelCase.all)
    func leastSquaresMeansMatchEmmeans(reference: LinearModelCase) throws {
        let fit = try reference.fit()
        for expected in reference.leastSquaresMeans {
            let weights = try #require(MarginalWeights(rawValue: expected.weights))
            let means = try fit.leastSquaresMeans(of: expected.factor, weights: weights)
            let what = "\(reference.name) \(expected.factor) (\(expected.weights))"
            try #require(means.levels == expected.levels, "\(what) levels")
            for (index, mean) in means.means.enumerated() {
                expectAgrees(mean, (expected.estimate[index], expected.se[index], expected.df[index], expected.t[index],
                                    expected.p[index], expected.lower[index], expected.upper[index]),
                             "\(what) LS mean \(means.levels[index])")
            }
            for difference in expected.differences {
                let differences = try means.differences(against: difference.reference)
                try #require(differences.map(\.level) == difference.levels, "\(what) levels against \(difference.reference)")
                for (index, actual) in differences.enumerated() {
                    expectAgrees(actual.estimate, (difference.estimate[index], difference.se[index], difference.df[index], difference.t[index],
                                                   difference.p[index], difference.lower[index], difference.upper[index]),
                                 "\(what) \(actual.level) − \(difference.reference)")
                }
            }
            for contrast in expected.contrasts {
                expectAgrees(try means.contrast(contrast.coefficients),
                             (contrast.estimate[0], contrast.se[0], contrast.df[0], contrast.t[0], contrast.p[0], contrast.lower[0], contrast.upper[0]),
                             "\(what) contrast \(contrast.coefficients)")
            }
        }
    }

    @Test("Back-transformed LS means and ratios of geometric means match emmeans' type = \"response\"")
    func backTransformedMatchesEmmeans() throws {
        let reference = try LinearModelCase.named("log_response")
        let expected = try #require(reference.leastSquaresMeans.first?.backTransformed)
        let means = try reference.fit().leastSquaresMeans(of: "trt")
        for (index, mean) in means.means.enumerated() {
            let back = try #require(mean).backTransformed(subtracting: expected.offset)
            expectAgrees(back.estimate, expected.response[index], "geometric mean \(index)")
            expectAgrees(back.confidenceInterval.lower, expected.lower[index], "geometric mean lower \(index)")
            expectAgrees(back.confidenceInterval.upper, expected.upper[index], "geometric mean upper \(index)")
        }
        for (index, difference) in try means.differences(against: "P").enumerated() {
            let ratio = try #require(difference.estimate).backTransformed()
            expectAgrees(ratio.estimate, expected.ratio[index], "ratio \(difference.level)")
            expectAgrees(ratio.confidenceInterval.lower, expected.ratioLower[index], "ratio lower \(difference.level)")
            expectAgrees(ratio.confidenceInterval.upper, expected.ratioUpper[index], "ratio upper \(difference.level)")
        }
    }

    @Test("The CDISC pilot's Table 14-3.01 rounds to the published CSR")
    func pilotMatchesPublishedTable() throws {
        let fit = try LinearModelCase.named("cdisc_pilot_adascog_week24").fit()
        let means = try fit.leastSquaresMeans(of: "TRT", weights: .proportional)
        let versusPlacebo = try means.differences(against: "0").map { try #require($0.estimate) }
        let highVersusLow = try #require(try means.differences(against: "54").first { $0.level == "81" }?.estimate)
        // Published: −0.5 (0.82), (−2.1; 1.1), p 0.569 | −1.0 (0.84), (−2.7; 0.7), p 0.233 | −0.5 (0.84), (−2.2; 1.1), p 0.520.
        let published: [(LinearEstimate, Double, Double, Double, Double, Double)] = [
            (versusPlacebo[0], -0.5, 0.82, -2.1, 1.1, 0.569), (versusPlacebo[1], -1.0, 0.84, -2.7, 0.7, 0.233),
            (highVersusLow, -0.5, 0.84, -2.2, 1.1, 0.520),
        ]
        for (estimate, difference, se, lower, upper, p) in published {
            #expect(abs(estimate.estimate - difference) <= 0.05)
            #expect(abs(estimate.standardError - se) <= 0.005)
            #expect(abs(estimate.confidenceInterval.lower - lower) <= 0.05)
            #expect(abs(estimate.confidenceInterval.upper - upper) <= 0.05)
            #expect(abs(estimate.pValue - p) <= 0.0005)
        }
        let doseResponse = try LinearModelCase.named("cdisc_pilot_dose_response").fit()
        let trend = try #require(doseResponse.dropOneTest(ModelTerm("TRTPN"))?.pValue)
        #expect(abs(trend - 0.245) <= 0.0005)
        #expect(abs(try #require(doseResponse.coefficient("TRTPN")?.estimate?.pValue) - trend) < 1e-12)
    }

    @Test("Centred doses give the linear-trend contrast coefficients")
    func centredDoses() {
        #expect(LeastSquaresMeans.centred(doses: [0, 54, 81]) == [-45, 9, 36])
    }
}
