/// `trial.lock.rows`: the row digests of the locked files (`RowDigests`), as text that diffs well.
///
/// Format 2: two comment lines (the first names the format), then for each file a line
/// `file TAB NAME TAB KEY COLUMN` followed by one line per participant, in the order they first
/// appear in the file: the id, the number of rows and the 16-hexadecimal-digit digest of the
/// rows, separated by tabs. Tabs, line breaks and backslashes inside ids are written `\t`, `\n`,
/// `\r`, `\\`. Format 1 (TrialReport before session 7: SHA-256 row digests by row key) is
/// recognised and not compared.
enum RowDigestFile {
    static let name = "trial.lock.rows"
    /// The first line, which names the format.
    private static let formatLine = "# trial.lock.rows format 2: digests of the rows of the locked study files, written by trialreport lock."

    /// The text of the file.
    /// - Complexity: O(size of the ids + number of participants).
    static func text(of tables: [RowDigests]) -> [UInt8] {
        let layout = Layout(tables)
        return [UInt8](count: layout.byteCount, filledBy: layout.write(into:))
    }

    /// Where each part of the file's text goes, so that the parts can be written in place, on
    /// every core, into memory of the file's size (`AtomicFile.write(byteCount:to:fill:)` maps
    /// the file itself): the two comment lines, then each table's `file` line and its participants
    /// in runs of at most `runLength`.
    struct Layout {
        /// The number of bytes of the text.
        let byteCount: Int
        private let tables: [RowDigests]
        private let parts: [Part]
        private static let runLength = 1 << 17
        private static let header = Array((formatLine + "\n"
            + "# Per participant, in file order: id, number of rows, 64-bit digest of its rows (hexadecimal).\n").utf8)

        private enum Content {
            case header
            case fileLine(table: Int)
            case participants(table: Int, range: Range<Int>)
        }

        private struct Part {
            let content: Content
            let offset: Int
            let size: Int
        }

        /// The layout of `tables`' text; the participants' lines are measured on every core.
        init(_ tables: [RowDigests]) {
            var contents: [Content] = [.header]
            for (table, digests) in tables.enumerated() {
                contents.append(.fileLine(table: table))
                let count = digests.participants.count
                for start in stride(from: 0, to: count, by: Self.runLength) {
                    contents.append(.participants(table: table, range: start..<min(count, start + Self.runLength)))
                }
            }
            let sizes = ParallelWork.map(contents) { content in Self.size(of: content, in: tables) }
            var offset = 0
            var parts: [Part] = []
            for (content, size) in zip(contents, sizes) {
                parts.append(Part(content: content, offset: offset, size: size))
                offset += size
            }
            self.tables = tables
            self.parts = parts
            byteCount = offset
        }

        /// Writes the text into `buffer`, which holds `byteCount` bytes; the parts on every core.
        func write(into buffer: UnsafeMutableRawBufferPointer) {
            precondition(buffer.count == byteCount, "a buffer of the text's size")
            guard byteCount > 0 else { return }
            nonisolated(unsafe) let start = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let tables = tables
            _ = ParallelWork.map(parts) { part in
                var writer = TextWriter(start + part.offset)
                Self.write(part.content, in: tables, to: &writer)
                precondition(writer.position == start + part.offset + part.size, "a part of trial.lock.rows written as measured")
            }
        }

        /// The bytes `write(_:in:to:)` writes for `content`.
        private static func size(of content: Content, in tables: [RowDigests]) -> Int {
            switch content {
            case .header:
                return header.count
            case .fileLine(let table):
                return 7 + TextWriter.escapedCount(Array(tables[table].file.utf8)) + TextWriter.escapedCount(Array(tables[table].keyColumn.utf8))
            case .participants(let index, let range):
                let table = tables[index]
                return table.participants.withView { ids in
                    range.reduce(0) { size, participant in
                        size + ids.withBytes(participant) { TextWriter.escapedCount($0) }
                            + TextWriter.decimalCount(Int(table.rowCounts[participant])) + 19
                    }
                }
            }
        }

        private static func write(_ content: Content, in tables: [RowDigests], to writer: inout TextWriter) {
            switch content {
            case .header:
                writer.put(header)
            case .fileLine(let table):
                writer.put(Array("file\t".utf8))  // 5 bytes, 7 with the tab and the line break below
                writer.putEscaped(Array(tables[table].file.utf8))
                writer.put(0x09)
                writer.putEscaped(Array(tables[table].keyColumn.utf8))
                writer.put(0x0A)
            case .participants(let index, let range):
                let table = tables[index]
                table.participants.withView { ids in
                    for participant in range {
                        ids.withBytes(participant) { writer.putEscaped($0) }
                        writer.put(0x09)
                        writer.putDecimal(Int(table.rowCounts[participant]))
                        writer.put(0x09)
                        writer.putHex(table.digests[participant])
                        writer.put(0x0A)
                    }
                }
            }
        }
    }

    /// What `trial.lock.rows` holds.
    enum Contents {
        /// The tables by file name.
        case tables([String: RowDigests])
        /// A file in format 1, which this version does not compare.
        case earlierFormat
        /// Not this file's format.
        case invalid
    }

    /// The tables of the file's bytes.
    /// - Complexity: O(size of the text).
    static func contents(of bytes: UnsafeBufferPointer<UInt8>) -> Contents {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let first = lines.first else { return .invalid }
        guard first.elementsEqual(formatLine.utf8) else {
            return first.starts(with: "# trial.lock.rows: ".utf8) ? .earlierFormat : .invalid
        }
        var tables: [String: RowDigests] = [:]
        var current: RowDigests?
        for line in lines where line.first != UInt8(ascii: "#") {
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            if fields.count == 3, fields[0].elementsEqual("file".utf8) {
                if let current { tables[current.file] = current }
                current = RowDigests(file: unescaped(fields[1]), keyColumn: unescaped(fields[2]))
                continue
            }
            guard fields.count == 3, current != nil, let rows = Int32(decimal: fields[1]), let digest = UInt64(hex: fields[2])
            else { return .invalid }
            let id = Array(unescapedBytes(fields[0]))
            let inserted = id.withUnsafeBufferPointer { current!.participants.insert(bytes: $0).inserted }
            guard inserted else { return .invalid }
            current!.rowCounts.append(rows)
            current!.digests.append(digest)
        }
        if let current { tables[current.file] = current }
        return .tables(tables)
    }

    private static func unescapedBytes(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        guard field.contains(0x5C) else { return Array(field) }
        var bytes: [UInt8] = [], escaped = false
        for byte in field {
            if escaped {
                switch byte {
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                default: bytes.append(byte)
                }
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }

    private static func unescaped(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: unescapedBytes(field), as: UTF8.self)
    }
}

private extension Int32 {
    /// The non-negative decimal number written in `digits`.
    init?(decimal digits: Slice<UnsafeBufferPointer<UInt8>>) {
        guard !digits.isEmpty, digits.count <= 10 else { return nil }
        var value = 0
        for byte in digits {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        guard value <= Int(Int32.max) else { return nil }
        self.init(value)
    }
}

private extension UInt64 {
    /// The number written in 16 lowercase hexadecimal digits.
    init?(hex digits: Slice<UnsafeBufferPointer<UInt8>>) {
        guard digits.count == 16 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let nibble: UInt8
            switch byte {
            case 0x30...0x39: nibble = byte - 0x30
            case 0x61...0x66: nibble = byte - 0x57
            default: return nil
            }
            value = value << 4 | UInt64(nibble)
        }
        self = value
    }
}

/// Writes the bytes of `trial.lock.rows` from a position on.
private struct TextWriter {
    /// Where the next byte goes.
    private(set) var position: UnsafeMutablePointer<UInt8>

    init(_ start: UnsafeMutablePointer<UInt8>) {
        position = start
    }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        position.initialize(to: byte)
        position += 1
    }

    mutating func put(_ bytes: [UInt8]) {
        for byte in bytes { put(byte) }
    }

    /// `bytes` with tabs, line breaks and backslashes written `\t`, `\n`, `\r`, `\\`.
    mutating func putEscaped(_ bytes: some Collection<UInt8>) {
        for byte in bytes {
            switch byte {
            case 0x5C: put(0x5C); put(0x5C)
            case 0x09: put(0x5C); put(UInt8(ascii: "t"))
            case 0x0A: put(0x5C); put(UInt8(ascii: "n"))
            case 0x0D: put(0x5C); put(UInt8(ascii: "r"))
            default: put(byte)
            }
        }
    }

    /// The bytes `putEscaped(bytes)` writes.
    static func escapedCount(_ bytes: some Collection<UInt8>) -> Int {
        bytes.reduce(bytes.count) { count, byte in count + (byte == 0x5C || byte == 0x09 || byte == 0x0A || byte == 0x0D ? 1 : 0) }
    }

    /// A non-negative number in decimal.
    mutating func putDecimal(_ value: Int) {
        let digits = Self.decimalCount(value)
        var rest = value
        for place in stride(from: digits - 1, through: 0, by: -1) {
            (position + place).initialize(to: 0x30 + UInt8(rest % 10))
            rest /= 10
        }
        position += digits
    }

    /// The digits of a non-negative number in decimal.
    static func decimalCount(_ value: Int) -> Int {
        var digits = 1, rest = value
        while rest >= 10 { rest /= 10; digits += 1 }
        return digits
    }

    /// A number in 16 lowercase hexadecimal digits.
    mutating func putHex(_ value: UInt64) {
        for shift in stride(from: 60, through: 0, by: -4) {
            let nibble = UInt8((value >> UInt64(shift)) & 0xF)
            put(nibble < 10 ? 0x30 + nibble : 0x57 + nibble)
        }
    }
}
