extension ReportTable {
    /// How a cell's content sits in its column. `decimal` lines numbers up on the decimal point
    /// (HTML class `num`: right-aligned tabular figures).
    public enum Alignment: String, Sendable, Hashable {
        case left, center, right, decimal
    }

    /// Emphasis of a whole cell, e.g. bold for a system organ class row.
    public enum Emphasis: String, Sendable, Hashable {
        case none, bold, italic
    }

    /// A body cell: displayed text (already formatted by `Display`), alignment, emphasis,
    /// indentation level for nested rows (SOC → term) and the markers of its footnotes.
    public struct Cell: Sendable, Hashable {
        /// The displayed text, already formatted by `Display`.
        public var text: String
        /// How the text sits in its column.
        public var alignment: Alignment
        /// Emphasis of the whole cell.
        public var emphasis: Emphasis
        /// 0 for a top-level row label, 1 for a row nested under it, and so on.
        public var indentation: Int
        /// Markers of footnotes in `ReportTable.footnotes`, shown after the text.
        public var footnotes: [String]
        /// The statistics the text shows, in order (empty for a label): the trace `ard.csv` writes.
        public var statistics: [Statistic] = []

        /// A cell; a negative indentation counts as 0.
        public init(_ text: String, alignment: Alignment = .left, emphasis: Emphasis = .none,
                    indentation: Int = 0, footnotes: [String] = []) {
            self.text = text
            self.alignment = alignment
            self.emphasis = emphasis
            self.indentation = max(0, indentation)
            self.footnotes = footnotes
        }

        /// A cell holding a displayed number, decimal-aligned.
        public static func number(_ text: String, footnotes: [String] = []) -> Cell {
            Cell(text, alignment: .decimal, footnotes: footnotes)
        }
    }

    /// What statistics are about, for `ard.csv` (`AnalysisResultsDataset`): a table's defaults,
    /// overridden field by field by a row's; `nil` where the table does not say.
    public struct Context: Sendable, Hashable {
        /// The analysis set ("Safety"), or "All participants".
        public var set: String?
        /// The parameter or variable.
        public var parameter: String?
        /// The visit.
        public var visit: String?
        /// The group (arm, or arms compared); a column's `HeaderCell.group` comes first.
        public var group: String?

        /// A context; see the properties.
        public init(set: String? = nil, parameter: String? = nil, visit: String? = nil, group: String? = nil) {
            self.set = set
            self.parameter = parameter
            self.visit = visit
            self.group = group
        }

        /// This context with every field it leaves `nil` taken from `defaults`.
        func over(_ defaults: Context) -> Context {
            Context(set: set ?? defaults.set, parameter: parameter ?? defaults.parameter,
                    visit: visit ?? defaults.visit, group: group ?? defaults.group)
        }
    }

    /// A header cell, which may span several columns.
    public struct HeaderCell: Sendable, Hashable {
        /// The header text.
        public var text: String
        /// The number of columns covered, at least 1.
        public var columnSpan: Int
        /// How the text sits over its columns.
        public var alignment: Alignment
        /// Markers of footnotes in `ReportTable.footnotes`, shown after the text.
        public var footnotes: [String]
        /// The group (arm) of the columns under the cell, for `ard.csv`.
        public var group: String?
        /// The statistics the text shows (an arm's N), for `ard.csv`.
        public var statistics: [Statistic] = []

        /// A header cell; a span below 1 counts as 1.
        public init(_ text: String, columnSpan: Int = 1, alignment: Alignment = .center,
                    footnotes: [String] = [], group: String? = nil) {
            self.text = text
            self.columnSpan = max(1, columnSpan)
            self.alignment = alignment
            self.footnotes = footnotes
            self.group = group
        }
    }

    /// One body row.
    public struct Row: Sendable, Hashable {
        /// The cells, left to right; a short row is padded with empty cells when written.
        public var cells: [Cell]
        /// What the row's statistics are about, over the table's `context`.
        public var context: Context

        /// A row of `cells` about `context`.
        public init(_ cells: [Cell], context: Context = Context()) {
            self.cells = cells
            self.context = context
        }
    }

    /// Consecutive rows that belong together (a SOC with its terms, a variable with its levels).
    public struct RowGroup: Sendable, Hashable {
        /// The rows of the group, top to bottom.
        public var rows: [Row]
        /// Whether a page break inside the group should be avoided.
        public var keepTogether: Bool

        /// A group of `rows`, kept together on a page unless `keepTogether` is false.
        public init(_ rows: [Row], keepTogether: Bool = true) {
            self.rows = rows
            self.keepTogether = keepTogether
        }
    }

    /// A note below the table, referred to by `marker` from cells.
    public struct Footnote: Sendable, Hashable {
        /// The marker shown after cell texts and before the note ("a").
        public var marker: String
        /// The note ("Fisher's exact test.").
        public var text: String

        /// A footnote; prefer `ReportTable.addFootnote(_:)`, which picks the marker.
        public init(marker: String, text: String) {
            self.marker = marker
            self.text = text
        }
    }
}
