/// Reads a study file into a `DataTable`, by its extension: `.xpt` as SAS transport version 5,
/// anything else as CSV.
enum DataTableReader {
    /// The table in `contents`, or `nil` when it cannot be read (the problems are in `log`).
    /// `textColumns` are read as text from CSV even when their values are numbers.
    ///
    /// CSV: the header's problems (empty or duplicate names, a wrong separator) and ragged rows are
    /// errors; a column is numeric when every non-missing value is a number. Transport: the file
    /// must hold exactly one dataset; its variables keep their types and labels.
    /// - Complexity: O(*n*) in the size of the file.
    static func read(_ contents: FileContents, name: String, textColumns: Set<String> = [],
                     _ log: inout DiagnosticLog) -> DataTable? {
        if name.lowercased().hasSuffix(".xpt") { return transport(contents, name: name, &log) }
        return csv(CSVFile(name: name, contents: contents), textColumns: textColumns, &log)
    }

    private static func transport(_ contents: FileContents, name: String, _ log: inout DiagnosticLog) -> DataTable? {
        let file: TransportFile
        do {
            file = try TransportFile(contents: contents, name: name)
        } catch {
            for diagnostic in error.diagnostics { log.add(diagnostic.severity, diagnostic.location, diagnostic.message) }
            return nil
        }
        guard file.datasets.count == 1, let dataset = file.datasets.first else {
            log.add(.error, SourceLocation(file: name), Message.transportDatasetCount(file.datasets.map(\.name)))
            return nil
        }
        let columns = dataset.columns.map { DataColumn(name: $0.name, label: $0.label, values: $0.values) }
        return DataTable(file: name, rowCount: dataset.rowCount, columns: columns, source: .transport(dataset))
    }

    private static func csv(_ file: CSVFile, textColumns: Set<String>, _ log: inout DiagnosticLog) -> DataTable? {
        log.add(contentsOf: file.headerDiagnostics)
        let layout = ColumnLayout(file, required: [], optional: file.header, &log)
        var builders = file.header.indices.filter(layout.isKept).map {
            DataColumnBuilder(name: file.header[$0], index: $0, isText: textColumns.contains(file.header[$0]))
        }
        var lines: [Int32] = []
        file.forEachRecord(&log) { record, _ in
            guard !record.isDamaged else { return }
            lines.append(Int32(record.line))
            for index in builders.indices { builders[index].append(record) }
        }
        guard !log.hasErrors else { return nil }
        return DataTable(file: file.name, rowCount: lines.count, columns: builders.map(\.column), source: .csv(file, lines: lines))
    }
}
