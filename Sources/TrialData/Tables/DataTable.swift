/// A table as read from a study file, CSV or SAS transport: its columns by name, typed, and
/// where each value is in the file (for diagnostics).
public struct DataTable: Sendable {
    /// Where the rows come from, to locate a value.
    enum Source: Sendable {
        /// A CSV file; `lines[row]` is the physical line a row starts on.
        case csv(CSVFile, lines: [Int32])
        /// A dataset of a SAS transport file.
        case transport(TransportDataset)
    }

    /// The file name used in diagnostics (e.g. `adsl.xpt`).
    public let file: String
    /// The number of rows read.
    public let rowCount: Int
    /// The columns in file order.
    public let columns: [DataColumn]
    let source: Source

    init(file: String, rowCount: Int, columns: [DataColumn], source: Source) {
        self.file = file
        self.rowCount = rowCount
        self.columns = columns
        self.source = source
    }

    /// The index of the column with this name (exact comparison), or `nil`.
    /// - Complexity: O(*c*) for *c* columns.
    public func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// The column with this name, or `nil`.
    public func column(named name: String) -> DataColumn? {
        columnIndex(named: name).map { columns[$0] }
    }

    /// Where values are: for CSV the line and column of the field, for SAS transport the 80-byte
    /// record and the byte within it.
    /// - Parameter cells: pairs of a row (`0..<rowCount`) and a column index.
    /// - Returns: one location per pair, in the same order.
    /// - Complexity: O(*n*) in the size of a CSV file (one pass finds them all); O(*k*) for transport.
    public func locations(of cells: [(row: Int, column: Int)]) -> [SourceLocation] {
        switch source {
        case .csv(let csv, let lines):
            let fieldIndex = csvFieldIndices(csv)
            return csv.locations(of: cells.map { (Int(lines[$0.row]), fieldIndex[$0.column]) })
        case .transport(let dataset):
            // Columns of a transport table are the dataset's own, in the same order.
            return cells.map { dataset.location(row: $0.row, column: $0.column) }
        }
    }

    /// Where the file's column names are: the header line of a CSV file, the whole file otherwise.
    public var headerLocation: SourceLocation {
        switch source {
        case .csv: SourceLocation(file: file, line: 1)
        case .transport: SourceLocation(file: file)
        }
    }

    /// The field index in the CSV records of each column.
    private func csvFieldIndices(_ csv: CSVFile) -> [Int] {
        columns.map { column in csv.header.firstIndex(of: column.name) ?? 0 }
    }
}
