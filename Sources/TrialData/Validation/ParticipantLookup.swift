/// The participants of adsl.csv, as rows of adlb, adae or adii refer to them: their USUBJIDs,
/// those of unreadable rows, and whether adsl.csv had USUBJIDs at all.
///
/// Several threads read one lookup at once, each through a `ParticipantMatcher` of its own
/// (`withMatcher`): the tables are shared, not copied.
struct ParticipantLookup: Sendable {
    let ids: StringTable
    /// USUBJIDs of adsl rows that could not be read (already reported): rows referring to
    /// them are skipped without a second report.
    let unreadable: StringTable
    /// Whether adsl.csv gave usable USUBJIDs at all; if not, nothing is reported.
    let isAvailable: Bool

    /// Calls `body` with a matcher that reads this lookup's tables in place.
    func withMatcher<Result>(_ body: (inout ParticipantMatcher) -> Result) -> Result {
        ids.withView { ids in
            unreadable.withView { unreadable in
                var matcher = ParticipantMatcher(ids: ids, unreadable: unreadable, isAvailable: isAvailable)
                return body(&matcher)
            }
        }
    }
}

/// Finds the participant a row refers to, reporting USUBJIDs that are not in adsl.csv; valid
/// only inside `ParticipantLookup.withMatcher`.
///
/// Rows of one participant usually follow each other, in the order of adsl.csv, so the last
/// match and the participant after it are tried first: most rows cost one comparison of a
/// few bytes instead of a hash-table probe.
struct ParticipantMatcher {
    private let ids: StringTable.View
    private let unreadable: StringTable.View
    private let isAvailable: Bool
    private var last = -1
    /// The last match's id, compared without reading the table.
    private var lastID = ShortBytes.none

    fileprivate init(ids: StringTable.View, unreadable: StringTable.View, isAvailable: Bool) {
        self.ids = ids
        self.unreadable = unreadable
        self.isAvailable = isAvailable
    }

    /// The participant of `record`'s USUBJID in field `index`, or `nil` (reported when unknown;
    /// also `nil` when the column is absent).
    mutating func participant(in record: CSVRecord, at index: Int?, _ log: inout DiagnosticLog,
                              _ isValid: inout Bool) -> Int32? {
        guard let index, record.hasValue(index, "USUBJID", &log, &isValid) else { return nil }
        if let found = record.withValueBytes(index, { knownParticipant($0) }) { return found }
        isValid = false
        let isKnownUnreadable = record.withValueBytes(index) { unreadable.index(ofBytes: $0) != nil }
        if isAvailable, !isKnownUnreadable {
            record.report(index, Message.unknownParticipant(record.text(index)), &log, &isValid)
        }
        return nil
    }

    /// The participant whose id is `bytes`, or `nil` (nothing reported): the last one found and
    /// the one after it are tried first, as a file's rows are usually grouped by participant.
    @inline(__always)
    mutating func knownParticipant(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        lastID.matches(bytes) ? Int32(last) : findParticipant(bytes)
    }

    /// `knownParticipant` when the id is not the last one's (or is too short or long to be kept).
    @inline(never)
    private mutating func findParticipant(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let match = ids.index(ofBytes: bytes, tryingFirst: last) else { return nil }
        last = match
        lastID = ShortBytes(bytes)
        return Int32(match)
    }
}

/// A byte string of 8 to 16 bytes kept as its first and last eight (overlapping when shorter
/// than 16), which together are every byte: one comparison of two words tells another string
/// equal. Other lengths are kept as `none`, equal to nothing.
struct ShortBytes {
    private let count: Int, head: UInt64, tail: UInt64

    /// Equal to no string.
    static let none = ShortBytes(count: 0, head: 0, tail: 0)

    private init(count: Int, head: UInt64, tail: UInt64) {
        (self.count, self.head, self.tail) = (count, head, tail)
    }

    /// `bytes` kept, or `none` when they are not 8 to 16 bytes long.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard (8...16).contains(bytes.count), let base = bytes.baseAddress.map(UnsafeRawPointer.init) else {
            self = .none
            return
        }
        self.init(count: bytes.count, head: base.loadUnaligned(as: UInt64.self),
                  tail: base.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
    }

    /// Whether `bytes` are the bytes kept (never for `none`).
    @inline(__always)
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count != 0, bytes.count == count, let base = bytes.baseAddress.map(UnsafeRawPointer.init) else { return false }
        return base.loadUnaligned(as: UInt64.self) == head && base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == tail
    }
}
