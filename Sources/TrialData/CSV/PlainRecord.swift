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

    /// The bytes of field `index` as one little-endian word, its high bytes zero, when the field
    /// has 1 to 8 bytes and eight can be read from its start; else `nil`. A plain field's bytes are
    /// printable, so the word of a field is never 0 and equal words are equal fields.
    @inline(__always)
    func shortWord(_ index: Int) -> UInt64? {
        let field = fields[index], count = field.end - field.start
        guard count > 0, count <= 8, field.start + 8 <= bytes.count, let base = bytes.baseAddress else { return nil }
        return UnsafeRawPointer(base + field.start).loadUnaligned(as: UInt64.self) & (UInt64.max >> UInt64(64 - 8 * count))
    }

    /// `number(index)`, taken from `cache` when a field of the same bytes was read before, and
    /// kept there when it is read now (fields of up to 8 bytes: `shortWord`).
    @inline(__always)
    func number(_ index: Int, cache: DecimalCache) -> Double? {
        guard let word = shortWord(index) else { return number(index) }
        if let known = cache.value(of: word) { return known }
        let read = number(index)
        if let read { cache.store(read, for: word) }
        return read
    }

    /// Field `index` read as a decimal number (`DecimalNumber.parse`), or `nil` when it is
    /// missing or not a number.
    @inline(__always)
    func number(_ index: Int) -> Double? {
        DecimalNumber.parse(bytes, fields[index].start..<fields[index].end)
    }
}
