import Foundation
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

    /// Trying the last string found and the few after it first finds what a look-up finds, from
    /// every starting point, for every string of the table and for strings it lacks.
    @Test func tryingTheLastAndTheNextFindsWhatALookUpFinds() {
        let table = StringTable((0..<12).map { "SUBJ-\($0)" })
        let queries = (0..<12).map { "SUBJ-\($0)" } + ["SUBJ-12", "SUBJ-", "", "subj-1"]
        table.withView { view in
            for last in -1..<table.count {
                for query in queries {
                    let bytes = Array(query.utf8)
                    let tried = bytes.withUnsafeBufferPointer { view.index(ofBytes: $0, tryingFirst: last) }
                    #expect(tried == table.index(of: query), "\(query) after \(last)")
                }
            }
        }
    }

    /// Tables of up to `View.smallCount` strings are searched by comparing them in turn, larger
    /// ones through the hash index: both find every string they hold and none they lack.
    @Test func smallAndHashedTablesFindWhatTheyHold() {
        for size in 0...(StringTable.View.smallCount + 3) {
            let strings = (0..<size).map { "ARM\($0)" }
            let table = StringTable(strings)
            for (index, string) in strings.enumerated() { #expect(table.index(of: string) == index, "\(string) of \(size)") }
            for absent in ["", "ARM", "ARM\(size)", "ARM00", "arm0", "XARM0"] {
                #expect(table.index(of: absent) == nil, "\(absent) of \(size)")
            }
        }
    }

    @Test func aTableSizedAheadNumbersAsOneThatGrows() {
        let ids = (0..<5_000).map { "P\($0 % 3_000)" }
        var sized = StringTable(capacity: 4_000), grown = StringTable()
        for id in ids { #expect(sized.insert(id) == grown.insert(id)) }
        #expect(sized == grown)
        #expect(sized.index(of: "P2999") == 2_999 && sized.index(of: "P3000") == nil)
    }

    @Test func findsEveryStringOfALargeTable() {
        let ids = (0..<20_000).map { "SUBJ-\($0)" }
        let table = StringTable(ids)
        #expect(table.count == ids.count)
        #expect(ids.indices.allSatisfy { table.index(of: ids[$0]) == $0 })
        #expect(table.index(of: "SUBJ-20000") == nil)
        #expect(table[12_345] == "SUBJ-12345")
    }

    /// A lock's table of one file's participants is gathered from two tables of distinct ids
    /// (those validated, and the others) by their stored hashes: the same table as inserting them.
    @Test func stringsAppendedFromOtherTablesByTheirHashesAreFoundAsInserted() {
        let known = StringTable((0..<3_000).map { "P\($0)" }), others = StringTable((0..<500).map { "X\($0)" })
        let picks: [(table: StringTable, index: Int)] = (0..<3_500).map { (pick: Int) -> (table: StringTable, index: Int) in
            pick % 7 == 0 ? (others, pick % 500) : (known, (pick * 31) % 3_000)
        }
        var appended = StringTable(), inserted = StringTable()
        for (table, index) in picks where inserted.insert(table[index]).inserted {
            #expect(appended.appendAbsent(index, of: table) == inserted.count - 1)
        }
        #expect(appended == inserted)
        #expect(inserted.strings.allSatisfy { appended.index(of: $0) == inserted.index(of: $0) })
        #expect(appended.index(of: "P3000") == nil)
    }

    /// The reading threads of adlb and adae look participants up in one table at once, each
    /// through a view of its own.
    @Test func viewsOnSeveralThreadsAtOnceFindWhatTheTableFinds() {
        let ids = (0..<20_000).map { "SUBJ-\($0)" }
        let table = StringTable(ids)
        let found = ParallelWork.map(Array(0..<4)) { lane in
            table.withView { view in
                stride(from: lane, to: ids.count + 100, by: 4).allSatisfy { index in
                    var id = "SUBJ-\(index)"
                    let expected = index < ids.count ? index : nil
                    return id.withUTF8 { view.index(ofBytes: $0) } == expected
                        && (expected.map { found in id.withUTF8 { view.equals(found, $0) } } ?? true)
                }
            }
        }
        #expect(found == [true, true, true, true])
    }
}

/// USUBJIDs crafted against a fixed hash: with the former FNV-1a hash every one of them took the
/// same slot of a table of up to 2^17 slots, so each insertion scanned all earlier ones
/// (400,000 such participants took 173 s).
@Suite("String table: crafted ids")
struct StringTableCraftedIdsTests {
    /// The former slot of `id` in a table of `slotCount` slots: FNV-1a, then a multiplicative mix.
    private func formerSlot(_ id: String, slotCount: Int) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9) & (slotCount - 1)
    }

    /// "P-" followed by one block of each pair of Fixtures/fnv-colliding-blocks.txt, in every combination.
    private func craftedIds() throws -> [String] {
        let url = try #require(Bundle.module.url(forResource: "fnv-colliding-blocks", withExtension: "txt", subdirectory: "Fixtures"))
        let pairs = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        return pairs.reduce(["P-"]) { ids, pair in ids.flatMap { id in pair.map { id + $0 } } }
    }

    /// The work of linear probing is bounded by how the ids spread over the slots, which does
    /// not depend on machine load: in one slot (the former hash) every insertion scans all
    /// earlier ids; spread as at random (about 79% distinct slots for 2^16 ids in 2^17 slots),
    /// each scans a few.
    @Test func idsThatAllCollideInTheFormerHashSpreadOverTheSlotsAndAreFound() throws {
        let ids = try craftedIds()
        #expect(ids.count >= 1 << 16)
        #expect(Set(ids).count == ids.count)
        let slotCount = 1 << 17
        #expect(Set(ids.map { formerSlot($0, slotCount: slotCount) }).count == 1, "the fixture does not collide")
        let slots = Set(ids.map { id in
            var id = id
            return id.withUTF8 { Int(truncatingIfNeeded: StringTable.hash($0)) & (slotCount - 1) }
        })
        #expect(Double(slots.count) >= 0.7 * Double(ids.count), "\(slots.count) slots for \(ids.count) ids")
        var table = StringTable()
        for id in ids { table.insert(id) }
        #expect(ids.indices.allSatisfy { table.index(of: ids[$0]) == $0 })
    }

    @Test func idsInAscendingOrderAreAppendedThenFoundAsInserted() {
        // 3,000 ids in ascending byte order (a shorter prefix first), then one that breaks the order.
        let ascending = (0..<3_000).map { String(format: "S%05d", $0) } + ["S02999", "T", "T0"]
        var appended = StringTable(capacity: 10)
        var inserted = StringTable()
        var refused: [String] = []
        for id in ascending {
            var copy = id
            let isAppended = copy.withUTF8 { appended.appendInAscendingOrder(bytes: $0) }
            if !isAppended {
                refused.append(id)
                appended.insert(id)
            }
            inserted.insert(id)
        }
        appended.indexAppended()
        // "S02999" repeats an id: not appended, and no later one is (the order is broken).
        #expect(refused == ["S02999", "T", "T0"])
        #expect(appended == inserted)
        #expect(appended.count == 3_002)
        #expect((0..<appended.count).allSatisfy { appended.index(of: inserted[$0]) == $0 })
        #expect(appended.index(of: "S3000") == nil)
        #expect(appended.insert("S01234") == (1_234, false))
    }

    @Test func anIdEqualToTheLastOrBeforeItIsNotAppended() {
        var table = StringTable()
        for id in ["b", "bb"] { var id = id; #expect(id.withUTF8 { table.appendInAscendingOrder(bytes: $0) }) }
        for id in ["bb", "b", "a", "ba"] { var id = id; #expect(!id.withUTF8 { table.appendInAscendingOrder(bytes: $0) }) }
        table.indexAppended()
        #expect(table.strings == ["b", "bb"])
        #expect(table.index(of: "bb") == 1)
    }

    /// Word-at-a-time comparison against a byte loop: every length up to 40, equal and differing
    /// in each single byte (by each bit), the buffers at different alignments.
    @Test func bytesAreComparedAsByteByByte() {
        let pool = (0..<96).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for length in 0...40 {
            for (firstStart, secondStart) in [(0, 0), (1, 3), (7, 2)] {
                var first = Array(pool[firstStart..<firstStart + length])
                let second = Array(pool[firstStart..<firstStart + length])
                let shifted = [UInt8](repeating: 0, count: secondStart) + second
                shifted.withUnsafeBufferPointer { shiftedBuffer in
                    let secondBuffer = UnsafeBufferPointer(rebasing: shiftedBuffer[secondStart...])
                    #expect(first.withUnsafeBufferPointer { bytesEqual($0, secondBuffer) }, "length \(length)")
                    for index in 0..<length {
                        for bit in [0, 7] {
                            first[index] ^= 1 << bit
                            #expect(!first.withUnsafeBufferPointer { bytesEqual($0, secondBuffer) }, "length \(length), byte \(index)")
                            first[index] ^= 1 << bit
                        }
                    }
                }
                if length > 0 {
                    #expect(!first.withUnsafeBufferPointer { a in second.dropLast().withUnsafeBufferPointer { bytesEqual(a, $0) } })
                }
            }
        }
    }
}
