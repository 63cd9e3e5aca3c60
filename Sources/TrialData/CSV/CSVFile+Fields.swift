extension CSVFile {
    /// Calls `field` with the value of each field (its column and bytes, doubled quotes undone)
    /// of each record that starts in `section`, then `recordEnd` with the value of the record's
    /// field `keyColumn` (empty when it has none) and its first line: the fields `forEachRecord`
    /// gives, found without building records. A field that is not quoted ends at the first comma
    /// or line break, whatever else it holds, and is passed as it lies in the file; a record with
    /// a quoted field is read by `CSVScanner`. The bytes passed are valid during the call only.
    ///
    /// Nothing is checked or reported: this is for files already read, or read only to be
    /// compared (the row digests of a lock).
    /// - Complexity: O(*n*) in the size of the section.
    @inline(__always)
    func forEachField(in section: CSVFileSection, keyColumn: Int, _ field: (Int, UnsafeBufferPointer<UInt8>) -> Void,
                      recordEnd: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        guard !header.isEmpty else { return }
        let bytes = contents.bytes
        var position = section.start, line = firstLine(of: section), lineStart = section.lineStart
        var flagged = FlaggedBytes()
        func consumeLineBreak() {
            position += bytes[position] == 0x0D && position + 1 < bytes.count && bytes[position + 1] == 0x0A ? 2 : 1
            line += 1
            lineStart = position
        }
        records: while position < section.end {
            while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x0D { consumeLineBreak() }
            guard position < bytes.count else { return }
            let recordStart = position, recordLine = line
            var column = 0
            var key = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            while true {
                if position < bytes.count, bytes[position] == 0x22 {
                    // A quoted field: the record again, as `forEachRecord` reads it; the fields
                    // before this one were passed already (unquoted, the same bytes).
                    var log = DiagnosticLog(file: name, limit: 0)
                    var stop = false
                    CSVFile.withScanner(bytes, name, from: recordStart, line: recordLine, lineStart: lineStart) { scanner in
                        guard scanner.nextRecord(&log) else { stop = true; return }
                        let fields = scanner.fields
                        let record = CSVRecord(bytes: bytes, fields: fields, file: name, line: recordLine, lineStart: lineStart,
                                               isDamaged: false)
                        for index in fields.indices.dropFirst(column) { record.withValueBytes(index) { field(index, $0) } }
                        if keyColumn < fields.count {
                            record.withValueBytes(keyColumn) { recordEnd($0, recordLine) }
                        } else {
                            recordEnd(UnsafeBufferPointer(start: nil, count: 0), recordLine)
                        }
                        (position, line, lineStart) = (scanner.position, scanner.line, scanner.lineStart)
                    }
                    if stop { return }
                    continue records
                }
                let start = position
                while true {
                    position = flagged.next(from: position, in: bytes, end: bytes.count)
                    guard position < bytes.count, bytes[position] != 0x2C, bytes[position] != 0x0A, bytes[position] != 0x0D else { break }
                    position += 1
                }
                let value = UnsafeBufferPointer(rebasing: bytes[start..<position])
                field(column, value)
                if column == keyColumn { key = value }
                guard position < bytes.count else { break }
                if bytes[position] == 0x2C {
                    position += 1
                    column += 1
                } else {
                    consumeLineBreak()
                    break
                }
            }
            recordEnd(key, recordLine)
        }
    }
}
