/// A plain data record (`CSVScanner.nextPlainRecord`: unquoted fields of printable ASCII, no
/// problem to report) with as many fields as the header, offered by
/// `CSVFile.forEachRecord(in:_:plain:_:)` to a reader's fast path before it becomes a `CSVRecord`.
/// A view of the file's bytes, valid only inside the closure it is passed to.
struct PlainRecord {
    let bytes: UnsafeBufferPointer<UInt8>
    let fields: UnsafeBufferPointer<CSVField>
    /// The physical line of the record (1-based).
    let line: Int

    /// Whether field `index` is missing: empty, or `NA` (as `CSVRecord.isMissing`).
    @inline(__always)
    func isMissing(_ index: Int) -> Bool {
        fields[index].isMissing(in: bytes)
    }

    /// The bytes of field `index` (a plain field is its value).
    @inline(__always)
    func value(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[fields[index].start..<fields[index].end])
    }

    /// Field `index` read as a decimal number (`DecimalNumber.parse`), or `nil` when it is
    /// missing or not a number.
    @inline(__always)
    func number(_ index: Int) -> Double? {
        DecimalNumber.parse(bytes, fields[index].start..<fields[index].end)
    }
}
