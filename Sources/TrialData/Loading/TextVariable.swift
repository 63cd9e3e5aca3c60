/// A text variable of a dataset read through its distinct texts (levels): work done once per
/// distinct text instead of once per row.
struct TextVariable {
    /// The column's index in the dataset.
    let column: Int
    /// The variable's name.
    let name: String
    /// The distinct texts.
    let levels: [String]
    /// Each row's index into `levels`, `-1` where blank.
    let codes: [Int32]

    /// The variable in `column` of `data`, or `nil` when absent.
    init?(_ data: DataTable, _ column: Int?) {
        guard let column else { return nil }
        self.column = column
        name = data.columns[column].name
        (codes, levels) = data.columns[column].codedTexts
    }

    /// The level of `row`'s text, or `nil` when blank.
    func level(at row: Int) -> Int? {
        codes[row] >= 0 ? Int(codes[row]) : nil
    }
}
