/// One column of a table as read: its name, its label and its values, numbers or text.
///
/// A column is numeric when every non-missing value is a number (CSV) or when the file declares
/// it numeric (SAS transport); otherwise it is text, stored as codes into its distinct values.
public struct DataColumn: Sendable {
    /// The values of a column, one per row.
    public enum Values: Sendable {
        /// One number per row; `Double.nan` where missing.
        case numbers([Double])
        /// One code per row indexing `levels`; `-1` where missing.
        case text(codes: [Int32], levels: StringTable)
    }

    /// The column name as written in the file (e.g. `AGE`).
    public var name: String
    /// The column's words: the variable label of a SAS transport file, or `""` (CSV has none).
    public var label: String
    /// The values.
    public var values: Values

    /// A column.
    public init(name: String, label: String = "", values: Values) {
        self.name = name
        self.label = label
        self.values = values
    }

    /// The numbers of a numeric column, or `nil` for a text column.
    public var numbers: [Double]? {
        if case .numbers(let numbers) = values { numbers } else { nil }
    }

    /// The column with only the values of `rows`, in that order.
    func selecting(rows: [Int]) -> DataColumn {
        switch values {
        case .numbers(let numbers): DataColumn(name: name, label: label, values: .numbers(rows.map { numbers[$0] }))
        case .text(let codes, let levels): DataColumn(name: name, label: label, values: .text(codes: rows.map { codes[$0] }, levels: levels))
        }
    }

    /// The codes of the rows (`-1` where missing) and the distinct texts they index, for work
    /// done once per distinct text rather than per row; a numeric column's rows are all missing,
    /// as `text(at:)` reads them.
    public var codedTexts: (codes: [Int32], levels: [String]) {
        let (codes, levels) = codedTable
        return (codes, (0..<levels.count).map { levels[$0] })
    }

    /// The codes of the rows (`-1` where missing) and the table of distinct texts they index; a
    /// numeric column's rows are all missing, as `text(at:)` reads them.
    var codedTable: (codes: [Int32], levels: StringTable) {
        switch values {
        case .numbers(let numbers): (Array(repeating: -1, count: numbers.count), StringTable())
        case .text(let codes, let levels): (codes, levels)
        }
    }

    /// The text of row `row` of a text column, or `nil` when missing or when the column is numeric.
    public func text(at row: Int) -> String? {
        guard case .text(let codes, let levels) = values, codes[row] >= 0 else { return nil }
        return levels[Int(codes[row])]
    }
}

/// Gathers a CSV column both as numbers and as text, and decides at the end which it is:
/// numeric when every non-missing value parsed as a number.
struct DataColumnBuilder {
    let name: String
    /// The column's index in each record.
    let index: Int
    private var numbers: [Double] = []
    private var codes: [Int32] = []
    private var levels = StringTable()
    private var isNumeric: Bool

    /// - Parameter isText: whether the column is text even when every value is a number (an
    ///   identifier such as `001`).
    init(name: String, index: Int, isText: Bool = false) {
        self.name = name
        self.index = index
        isNumeric = !isText
    }

    /// Makes room for `count` values, so that the column is not copied as it grows (only the
    /// memory used is touched).
    mutating func reserveCapacity(_ count: Int) {
        numbers.reserveCapacity(count)
        codes.reserveCapacity(count)
    }

    /// Appends the record's value of this column.
    mutating func append(_ record: CSVRecord) {
        record.withValueBytes(index) { append(value: $0) }
    }

    /// Appends a value given as its bytes (doubled quotes undone); empty or `NA` is missing.
    mutating func append(value: UnsafeBufferPointer<UInt8>) {
        if CSVField.isMissing(value) {
            numbers.append(.nan)
            codes.append(-1)
            return
        }
        if isNumeric, let number = DecimalNumber.parse(value, 0..<value.count) {
            numbers.append(number)
        } else {
            isNumeric = false
        }
        codes.append(Int32(levels.insert(bytes: value).index))
    }

    /// Appends a number already checked by the reader (`NaN` when missing).
    mutating func append(number: Double) {
        numbers.append(number)
    }

    var column: DataColumn {
        DataColumn(name: name, values: isNumeric ? .numbers(numbers) : .text(codes: codes, levels: levels))
    }
}
