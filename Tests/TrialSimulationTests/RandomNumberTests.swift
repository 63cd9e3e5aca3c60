import Foundation
import Testing
@testable import TrialSimulation

/// Known answers of the reference C implementations (prng.di.unimi.it), also produced by an
/// independent Python transcription of them.
@Test func splitMix64MatchesTheReferenceImplementation() {
    var generator = SplitMix64(seed: 1_234_567)
    let outputs = (0..<5).map { _ in generator.next() }
    #expect(outputs == [
        6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
        4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
    ])
}

@Test func xoshiro256StarStarMatchesTheReferenceImplementation() {
    var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
    let outputs = (0..<10).map { _ in generator.next() }
    #expect(outputs == [
        11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
        607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
        10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
    ])
}

@Test func streamsOfOneSeedDiffer() {
    var first = Xoshiro256StarStar(seed: 7, stream: 1)
    var second = Xoshiro256StarStar(seed: 7, stream: 2)
    #expect((0..<4).map { _ in first.next() } != (0..<4).map { _ in second.next() })
}

@Test func portableLogarithmAndExponentialAgreeWithTheSystemLibraryToAFewUlps() {
    for x in [1e-300, 1e-9, 0.001, 0.1, 0.5, 0.7071, 1, 1.4142, 2, 3, 10, 260, 1e6, 1e300] {
        #expect(abs(PortableMath.log(x) - Foundation.log(x)) <= 4 * Foundation.log(x).magnitude.ulp + 1e-300)
    }
    for x in [-600.0, -50, -4.8, -1, -0.35, 0, 0.2, 1, 3.5, 50, 600] {
        #expect(abs(PortableMath.exp(x) - Foundation.exp(x)) <= 4 * Foundation.exp(x).ulp)
    }
}

@Test func normalDrawsHaveTheRequestedMeanAndStandardDeviation() {
    var generator = Xoshiro256StarStar(seed: 11)
    let draws = (0..<100_000).map { _ in generator.normal(mean: 5, standardDeviation: 2) }
    let mean = draws.reduce(0, +) / Double(draws.count)
    let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count - 1)
    // Standard errors: 2 / √100000 ≈ 0.0063 for the mean, about 0.0045 for the SD.
    #expect(abs(mean - 5) < 0.03)
    #expect(abs(variance.squareRoot() - 2) < 0.03)
}

@Test func truncatedDrawsStayInTheirRange() {
    var generator = Xoshiro256StarStar(seed: 3)
    let distribution = TruncatedDistribution.logNormal(median: 260, logStandardDeviation: 0.35, in: 100...600)
    #expect((0..<10_000).allSatisfy { _ in distribution.range.contains(generator.draw(distribution)) })
}

@Test func poissonDrawsHaveTheRequestedMean() {
    var generator = Xoshiro256StarStar(seed: 5)
    let total = (0..<100_000).reduce(0) { sum, _ in sum + generator.poisson(mean: 1.2) }
    // Standard error of the mean: √(1.2 / 100000) ≈ 0.0035.
    #expect(abs(Double(total) / 100_000 - 1.2) < 0.02)
}
