import Testing
@testable import TrialSimulation

@Test(arguments: [
    (343.2, 1, "343.2"), (0.05, 2, "0.05"), (0, 2, "0.00"), (2.25, 1, "2.3"), (-2.25, 1, "-2.3"),
    (-0.01, 1, "0.0"), (1234567.891, 2, "1234567.89"), (9.96, 1, "10.0"), (7, 0, "7"),
])
func fixedDecimalsRoundHalfAwayFromZero(value: Double, decimals: Int, text: String) {
    var buffer = CSVBuffer()
    buffer.appendFixed(value, decimals: decimals)
    #expect(String(decoding: buffer.bytes, as: UTF8.self) == text)
}

@Test func identifiersAreZeroPaddedToTheirWidth() {
    var buffer = CSVBuffer()
    buffer.appendIdentifier(7, width: 3)
    buffer.appendIdentifier(1_000_000, width: 7)
    buffer.appendIdentifier(12_345, width: 3)
    #expect(String(decoding: buffer.bytes, as: UTF8.self) == "P007,P1000000,P12345,")
}
