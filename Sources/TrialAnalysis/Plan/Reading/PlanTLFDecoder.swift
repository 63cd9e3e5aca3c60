import TrialData
import Yams

/// Reads the plan's `tlf` section (`TLFSettings`).
enum PlanTLFDecoder {
    /// `tlf`: `{write, titles, numbers, formats}`, every key optional; `nil` when the section is not a
    /// mapping (reported). A wrong value keeps its default.
    static func settings(from node: Node, at path: String, with reader: inout PlanNodeReader) -> TLFSettings? {
        var settings = TLFSettings()
        reader.readEntries(of: node, at: path, keys: TLFKey.self) { reader, key, value, fieldPath in
            switch key {
            case .write:
                settings.write = reader.boolean(value, at: fieldPath) ?? settings.write
            case .titles:
                settings.titles = reader.choice(value, at: fieldPath) ?? settings.titles
            case .numbers:
                settings.numbers = numbers(from: value, at: fieldPath, with: &reader) ?? settings.numbers
            case .formats:
                let formats: [TLFSettings.Format]? = reader.uniqueList(value, at: fieldPath, describe: { "format '\($0.rawValue)'" }) {
                    reader, element, elementPath in reader.choice(element, at: elementPath)
                }
                settings.formats = formats ?? settings.formats
            }
        }
        return node.mapping == nil ? nil : settings
    }

    /// `numbers`: table names mapped to output numbers ("primary-endpoint": "14.2.1"), each
    /// number digits and letters in parts separated by dots, and given to one table only.
    private static func numbers(from node: Node, at path: String, with reader: inout PlanNodeReader) -> [String: String]? {
        guard reader.isWithin(.tlfNumbers, node, at: path), let entries = reader.freeEntries(of: node, at: path) else { return nil }
        var numbers: [String: String] = [:], tables: [String: String] = [:]
        for entry in entries {
            let entryPath = PlanPath.child(path, entry.key)
            guard let number = reader.text(entry.value, at: entryPath) else { continue }
            let parts = number.split(separator: ".", omittingEmptySubsequences: false)
            guard number.count <= 40, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) else {
                reader.report("expected an output number such as '14.2.1' (letters and digits in parts separated by dots, "
                              + "at most 40 characters), got '\(number)'", at: entry.value, path: entryPath)
                continue
            }
            if let first = tables[number] {
                reader.report("number '\(number)' is given to '\(first)' already", at: entry.value, path: entryPath)
                continue
            }
            tables[number] = entry.key
            numbers[entry.key] = number
        }
        return numbers
    }
}
