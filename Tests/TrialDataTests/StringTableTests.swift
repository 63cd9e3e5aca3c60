import Testing
@testable import TrialData

@Suite("String table")
struct StringTableTests {
    @Test func numbersDistinctStringsInOrderOfInsertion() {
        var table = StringTable()
        #expect(table.insert("b") == (0, true))
        #expect(table.insert("a") == (1, true))
        #expect(table.insert("b") == (0, false))
        #expect(table.strings == ["b", "a"])
    }

    @Test func findsEveryStringOfALargeTable() {
        let ids = (0..<20_000).map { "SUBJ-\($0)" }
        let table = StringTable(ids)
        #expect(table.count == ids.count)
        #expect(ids.indices.allSatisfy { table.index(of: ids[$0]) == $0 })
        #expect(table.index(of: "SUBJ-20000") == nil)
        #expect(table[12_345] == "SUBJ-12345")
    }
}
