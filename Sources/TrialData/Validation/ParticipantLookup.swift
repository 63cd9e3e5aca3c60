/// Finds the participant a row of adlb, adae or adii refers to, reporting USUBJIDs that are
/// not in adsl.csv.
///
/// Rows of one participant usually follow each other, in the order of adsl.csv, so the last
/// match and the participant after it are tried first: most rows cost one comparison of a
/// few bytes instead of a hash-table probe.
struct ParticipantLookup {
    let ids: StringTable
    /// USUBJIDs of adsl rows that could not be read (already reported): rows referring to
    /// them are skipped without a second report.
    let unreadable: StringTable
    /// Whether adsl.csv gave usable USUBJIDs at all; if not, nothing is reported.
    let isAvailable: Bool
    private var last = -1

    init(ids: StringTable, unreadable: StringTable, isAvailable: Bool) {
        self.ids = ids
        self.unreadable = unreadable
        self.isAvailable = isAvailable
    }

    /// The same lookup in storage of its own, for another thread (see `StringTable.independentCopy()`).
    func independentCopy() -> ParticipantLookup {
        ParticipantLookup(ids: ids.independentCopy(), unreadable: unreadable.independentCopy(), isAvailable: isAvailable)
    }

    /// The participant of `record`'s USUBJID in field `index`, or `nil` (reported when unknown;
    /// also `nil` when the column is absent).
    mutating func participant(in record: CSVRecord, at index: Int?, _ log: inout DiagnosticLog,
                              _ isValid: inout Bool) -> Int32? {
        guard let index, record.hasValue(index, "USUBJID", &log, &isValid) else { return nil }
        let found = record.withValueBytes(index) { bytes -> Int? in
            if last >= 0, ids.equals(last, bytes) { return last }
            if last + 1 < ids.count, ids.equals(last + 1, bytes) { return last + 1 }
            if let match = ids.index(ofBytes: bytes) { return match }
            return nil
        }
        if let found {
            last = found
            return Int32(found)
        }
        isValid = false
        let isKnownUnreadable = record.withValueBytes(index) { unreadable.index(ofBytes: $0) != nil }
        if isAvailable, !isKnownUnreadable {
            record.report(index, Message.unknownParticipant(record.text(index)), &log, &isValid)
        }
        return nil
    }
}
