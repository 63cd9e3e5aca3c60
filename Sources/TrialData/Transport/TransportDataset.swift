/// One dataset (SAS "member") of a transport file, column by column.
///
/// Numeric variables are `DataColumn.Values.numbers` (missing values are NaN, carrying which
/// of SAS's missing values they are: `SASMissingValue`); character variables are
/// `.text(codes:levels:)`, trailing blanks removed, a blank value being missing (`-1`), as SAS
/// treats it.
public struct TransportDataset: Sendable {
    /// The file name used in diagnostics (e.g. `adsl.xpt`).
    public var file: String
    /// The member name (e.g. `ADSL`), up to 8 characters.
    public var name: String
    /// The dataset label, or `""`.
    public var label: String
    /// The number of observations (rows).
    public var rowCount: Int
    /// The variables in the file's order.
    public var columns: [TransportColumn]
    /// The byte offset of the first observation in the file.
    let observationStart: Int
    /// The bytes of one observation: the sum of the variables' lengths.
    let observationLength: Int

    /// The column with this name (names are compared exactly; SAS writes them in capitals).
    public func column(named name: String) -> TransportColumn? {
        columns.first { $0.name == name }
    }

    /// Where a value is in the file: its 80-byte record as the line (1-based) and its first
    /// byte in that record as the column (1-based).
    public func location(row: Int, column: Int) -> SourceLocation {
        let offset = observationStart + row * observationLength + columns[column].position
        return TransportRecords.location(file, offset: offset)
    }
}

/// A variable of a transport dataset: its description (NAMESTR record) and its values.
public struct TransportColumn: Sendable {
    /// The variable name (up to 8 characters).
    public var name: String
    /// The variable label (up to 40 characters), or `""`; reports use it as the column's words.
    public var label: String
    /// The display format as SAS writes it (`DATE9.`, `8.2`, `$CHAR20.`), or `""`.
    public var format: String
    /// The stored length in bytes: 2–8 for numbers, 1 or more for text.
    public var length: Int
    /// The offset of the value within an observation.
    public var position: Int
    /// The values, one per observation.
    public var values: DataColumn.Values
}
