import Testing
@testable import TrialData

/// `RecentStrings` in front of a `StringTable` gives every string the index the table's own
/// `insert` gives, and leaves the same table, whatever strings share a slot.
@Suite("Recent strings")
struct RecentStringsTests {
    /// Strings that share their length and their first and last eight bytes (so a slot), that
    /// differ in one byte only, that are shorter than eight bytes or empty — and more distinct
    /// strings than there are slots.
    private static let pool: [String] = {
        let alike = (0..<40).map { "Upper respiratory \(Character(UnicodeScalar(65 + $0 % 26)!))\($0 / 26) tract infection" }
        let short = ["", "A", "AB", "Y", "N", "MILD", "pmol/L", "1234567", "12345678", "123456789"]
        let many = (0..<600).map { "Term number \($0)" }
        return alike + short + many
    }()

    @Test(arguments: [1, 2, 3, 4])
    func givesTheTablesIndicesAndLeavesTheSameTable(seed: UInt64) {
        var state = seed
        var fronted = StringTable(), plain = StringTable()
        var recent = RecentStrings()
        for step in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Mostly a few strings in turn, as an event file repeats its terms; now and then any.
            let draw = Int(state >> 33)
            let string = step % 5 == 0 ? Self.pool[draw % Self.pool.count] : Self.pool[draw % 12]
            let bytes = Array(string.utf8)
            let index = bytes.withUnsafeBufferPointer { recent.insert($0, into: &fronted) }
            let expected = bytes.withUnsafeBufferPointer { plain.insert(bytes: $0).index }
            #expect(index == expected, "\(string) at step \(step)")
            if index != expected { return }
        }
        #expect(fronted == plain)
        #expect(fronted.count > 256)
    }
}
