#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `trial.lock.rows`: the row digests of the locked CSV files, as text that diffs well.
///
/// Two comment lines, then for each file a line `file TAB NAME TAB rows|participants TAB KEY
/// COLUMNS…` followed by one line per row (or participant), sorted: the key values, `#N` for
/// the N-th occurrence of a repeated key, and the 12-digit digest, separated by tabs. Tabs,
/// line breaks and backslashes inside values are written `\t`, `\n`, `\r`, `\\`.
enum RowDigestFile {
    static let name = "trial.lock.rows"

    /// The text of the file.
    /// - Complexity: O(*r* log *r*) for *r* rows in all.
    static func text(of tables: [RowDigests]) -> String {
        var text = Array(("# trial.lock.rows: digests of the rows of the locked study files, written by trialreport lock.\n"
            + "# Per row: key values, #N for a repeated key, the first 12 hex digits of the row's SHA-256.\n").utf8)
        for table in tables {
            let unit = table.isGroupedByParticipant ? "participants" : "rows"
            text += Array(((["file", escape(table.file), unit] + table.keyColumns.map(escape)).joined(separator: "\t") + "\n").utf8)
            var lines = table.digests.map { key, digest in
                Array((key.values.map(escape) + (key.occurrence > 1 ? ["#\(key.occurrence)"] : []) + [digest]).joined(separator: "\t").utf8)
            }
            lines.sort(by: bytesPrecede)
            for line in lines {
                text += line
                text.append(0x0A)
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Byte order of UTF-8 lines (`memcmp`), which sorts the same everywhere, unlike `String`'s
    /// Unicode-aware order.
    private static func bytesPrecede(_ first: [UInt8], _ second: [UInt8]) -> Bool {
        first.withUnsafeBufferPointer { first in
            second.withUnsafeBufferPointer { second in
                let common = min(first.count, second.count)
                let order = common == 0 ? 0 : memcmp(first.baseAddress!, second.baseAddress!, common)
                return order != 0 ? order < 0 : first.count < second.count
            }
        }
    }

    /// The tables of `text`, by file name.
    /// - Returns: `nil` when the text is not in this format.
    static func tables(in text: String) -> [String: RowDigests]? {
        var tables: [String: RowDigests] = [:]
        var current: (file: String, keyColumns: [String], isGrouped: Bool)?
        var digests: [RowDigests.Key: String] = [:]
        func finish() {
            if let current { tables[current.file] = RowDigests(file: current.file, keyColumns: current.keyColumns,
                                                               isGroupedByParticipant: current.isGrouped, digests: digests) }
            digests = [:]
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { unescape(String($0)) }
            if fields.first == "file" {
                guard fields.count >= 4, ["rows", "participants"].contains(fields[2]) else { return nil }
                finish()
                current = (fields[1], Array(fields[3...]), fields[2] == "participants")
                continue
            }
            guard let keyCount = current?.keyColumns.count, fields.count == keyCount + 1 || fields.count == keyCount + 2
            else { return nil }
            var occurrence = 1
            if fields.count == keyCount + 2 {
                guard fields[keyCount].hasPrefix("#"), let number = Int(fields[keyCount].dropFirst()) else { return nil }
                occurrence = number
            }
            digests[RowDigests.Key(values: Array(fields[..<keyCount]), occurrence: occurrence)] = fields[fields.count - 1]
        }
        finish()
        return tables
    }

    private static func escape(_ value: String) -> String {
        var text = ""
        for character in value {
            switch character {
            case "\\": text += "\\\\"
            case "\t": text += "\\t"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\r\n": text += "\\r\\n"
            default: text.append(character)
            }
        }
        return text
    }

    private static func unescape(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var text = "", escaped = false
        for character in value {
            if escaped {
                switch character {
                case "t": text += "\t"
                case "n": text += "\n"
                case "r": text += "\r"
                default: text.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                text.append(character)
            }
        }
        return text
    }
}
