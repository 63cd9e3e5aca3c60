import Testing
import TrialAnalysis

/// The example study reproduces the seed study's published findings (STUDY.md).
@Suite struct PublishedFindingsTests {
    static let results = Result { try ExampleStudy.results() }

    func results() throws -> Results { try Self.results.get() }

    @Test func remissionIsElevenOfTwentySevenWithUCMSCAndSignificantlyHigher() throws {
        let overall = try #require(results().remission?.overall)
        #expect(overall.byArm[0].arm == "UC-MSC")
        #expect(overall.byArm[0].responders == 11 && overall.byArm[0].n == 27)
        #expect(try #require(overall.byArm[0].rate) > #require(overall.byArm[1].rate))
        #expect(try #require(overall.pValue) < 0.05)
    }

    @Test func threeUCMSCParticipantsAndNoControlBecomeInsulinIndependent() throws {
        let arms = try #require(results().insulinIndependence?.byArm)
        #expect(arms.map(\.arm) == ["UC-MSC", "Control"])
        #expect(arms.map(\.subjects) == [3, 0])
    }

    @Test func adultOnsetPostprandialCPeptidePercentChangeDiffersSignificantly() throws {
        let endpoint = try #require(try results().endpoints.first {
            $0.parameter == "CPEPP" && $0.visit == 12 && $0.level == "Adult-onset"
        })
        #expect(endpoint.between.measure == .percentChange)
        #expect(try #require(endpoint.between.pValue) < 0.05)
        #expect(try #require(endpoint.byArm[0].medianPercentChange) > #require(endpoint.byArm[1].medianPercentChange))
    }

    @Test func juvenileOnsetPostprandialCPeptideDoesNotDifferSignificantly() throws {
        let endpoint = try #require(try results().endpoints.first {
            $0.parameter == "CPEPP" && $0.visit == 12 && $0.level == "Juvenile-onset"
        })
        #expect(try #require(endpoint.between.pValue) >= 0.05)
    }

    @Test func lowerBaselineFastingCPeptideAndHigherDosePredictRemission() throws {
        let terms = try #require(results().logistic?.terms)
        let baseline = try #require(terms.first { $0.term == "CPEPF.BASE" })
        let dose = try #require(terms.first { $0.term == "MSCDOSE" })
        #expect(try #require(baseline.estimate) < 0)
        #expect(try #require(dose.estimate) > 0)
        // "Associated with remission" in the multivariable model: each significant.
        #expect(try #require(baseline.pValue) < 0.05)
        #expect(try #require(dose.pValue) < 0.05)
    }

    @Test func noSeriousAdverseEvents() throws {
        let serious = try #require(results().adverseEvents?.serious)
        #expect(serious.byArm.map(\.subjects) == [0, 0])
    }
}
