/// Where the columns a table needs are in a CSV file's header, with the header's problems
/// reported: missing, duplicate or empty column names, a wrong separator, no header at all,
/// and (as one warning) the columns nobody uses.
struct ColumnLayout {
    private var positions: [String: Int] = [:]
    private var names: [String] = []
    /// Whether every required column is present (rows can then be read into a table).
    private(set) var hasRequiredColumns = true
    /// Whether the rows are checked: the header is one (not missing, not a row of data, not one
    /// column holding another separator). A missing required column does not stop the checks
    /// of the columns present, so that one run lists every problem of the file.
    private(set) var checksRows = true

    /// - Parameters:
    ///   - required: columns that must exist.
    ///   - optional: columns that may exist.
    ///   - planColumns: further columns the plan needs (must exist; kept without warning).
    init(_ file: CSVFile, required: [String], optional: [String] = [], planColumns: [String] = [],
         _ log: inout DiagnosticLog) {
        let header = file.header
        names = header
        guard !header.isEmpty else {
            hasRequiredColumns = false
            checksRows = false
            return
        }
        for (index, name) in header.enumerated() {
            if name.isEmpty {
                log.add(.error, file.headerLocations[index], Message.emptyColumnName)
            } else if let first = positions[name] {
                log.add(.error, file.headerLocations[index], Message.duplicateColumn(name, firstColumn: first + 1))
            } else {
                positions[name] = index
            }
        }
        let fileLine = SourceLocation(file: file.name, line: 1)
        if required.allSatisfy({ positions[$0] == nil }) {
            hasRequiredColumns = false
            if header.count == 1, let separator = [";", "\t", "|"].first(where: { header[0].contains($0 as String) }) {
                log.add(.error, fileLine, Message.wrongSeparator(separator == "\t" ? "tab" : separator))
                checksRows = false
                return
            }
            if header.contains(where: Self.looksLikeData) {
                log.add(.error, fileLine, Message.headerLooksLikeData(expected: required))
                checksRows = false
                return
            }
        }
        for name in required where positions[name] == nil {
            hasRequiredColumns = false
            log.add(.error, fileLine, Message.missingColumn(name))
        }
        for name in planColumns where positions[name] == nil {
            log.add(.error, fileLine, Message.missingPlanColumn(name))
        }
        let known = Set(required + optional + planColumns)
        let unexpected = header.indices.filter { isKept($0) && !known.contains(header[$0]) }
        if let first = unexpected.first {
            log.add(.warning, file.headerLocations[first], Message.unexpectedColumns(unexpected.map { header[$0] }))
        }
    }

    /// The index of column `name` in each record, or `nil` when absent.
    subscript(name: String) -> Int? { positions[name] }

    /// Whether the column at `index` is read: it has a name, and no column before it has the same name.
    func isKept(_ index: Int) -> Bool {
        !names[index].isEmpty && positions[names[index]] == index
    }

    /// A header cell that is a number, or empty, suggests the first row is data.
    private static func looksLikeData(_ cell: String) -> Bool {
        var cell = cell
        return cell.isEmpty || cell.withUTF8 { DecimalNumber.parse($0, 0..<$0.count) != nil }
    }
}
