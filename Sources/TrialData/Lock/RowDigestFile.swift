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

    /// The text of the file; each table's lines are written on whichever core is free.
    /// - Complexity: O(size of the ids + number of participants).
    static func text(of tables: [RowDigests]) -> [UInt8] {
        var text = Array((formatLine + "\n"
            + "# Per participant, in file order: id, number of rows, 64-bit digest of its rows (hexadecimal).\n").utf8)
        let sections = ParallelWork.map(tables, section(of:))
        text.reserveCapacity(sections.reduce(text.count) { $0 + $1.count })
        for section in sections { text += section }
        return text
    }

    /// A table's lines: its `file` line, then one per participant.
    private static func section(of table: RowDigests) -> [UInt8] {
        var text = Array("file\t".utf8)
        appendEscaped(Array(table.file.utf8), to: &text)
        text.append(0x09)
        appendEscaped(Array(table.keyColumn.utf8), to: &text)
        text.append(0x0A)
        text.reserveCapacity(text.count + table.participants.count * 32)
        for participant in 0..<table.participants.count {
            table.participants.withBytes(participant) { appendEscaped($0, to: &text) }
            text.append(0x09)
            appendDecimal(Int(table.rowCounts[participant]), to: &text)
            text.append(0x09)
            appendHex(table.digests[participant], to: &text)
            text.append(0x0A)
        }
        return text
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

    private static func appendDecimal(_ value: Int, to text: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &text) }
        text.append(0x30 + UInt8(value % 10))
    }

    private static func appendHex(_ value: UInt64, to text: inout [UInt8]) {
        for shift in stride(from: 60, through: 0, by: -4) {
            let nibble = UInt8((value >> UInt64(shift)) & 0xF)
            text.append(nibble < 10 ? 0x30 + nibble : 0x57 + nibble)
        }
    }

    private static func appendEscaped(_ bytes: some Collection<UInt8>, to text: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case 0x5C: text += [0x5C, 0x5C]
            case 0x09: text += [0x5C, UInt8(ascii: "t")]
            case 0x0A: text += [0x5C, UInt8(ascii: "n")]
            case 0x0D: text += [0x5C, UInt8(ascii: "r")]
            default: text.append(byte)
            }
        }
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
