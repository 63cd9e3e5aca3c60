/// One table of the report, independent of the output format: a number and caption, header rows
/// whose cells may span columns, body rows in groups that are kept together on a page, and
/// footnotes that cells refer to by marker (a, b, …). Written by `markdown()`, `html(id:)` and
/// `csv()`; the PDF typesetter reads the same value.
public struct ReportTable: Sendable, Hashable {
    /// The table's name: its CSV file is `tables/<name>.csv`, its anchor `tab-<name>`.
    public var name: String
    /// The table's number in the report ("Table 2"), or `nil` for an unnumbered table.
    public var number: Int?
    /// The caption without the number: "Baseline characteristics by arm".
    public var caption: String
    /// Header rows, top first; the spans of each row should add up to `columnCount`.
    public var headerRows: [[HeaderCell]]
    /// Body rows in groups; a group is not split across pages when it fits on one.
    public var groups: [RowGroup]
    /// Footnotes in the order their markers are shown.
    public var footnotes: [Footnote]
    /// At most this many body rows are shown in the documents (see `shownInDocuments`); the
    /// CSV file always holds every row. `nil`: every row is shown.
    public var documentRowLimit: Int?
    /// What the table's statistics are about, unless a row says otherwise (`ard.csv`).
    public var context = Context()

    /// A table from its parts; see the properties.
    public init(name: String, number: Int? = nil, caption: String, headerRows: [[HeaderCell]] = [],
                groups: [RowGroup] = [], footnotes: [Footnote] = [], documentRowLimit: Int? = nil) {
        self.name = name
        self.number = number
        self.caption = caption
        self.headerRows = headerRows
        self.groups = groups
        self.footnotes = footnotes
        self.documentRowLimit = documentRowLimit
    }

    /// The default HTML id of the table, for cross-references: "tab-" and the slug of the name.
    public var anchor: String { "tab-" + SlugMaker.slug(name) }

    /// The caption with its number: "Table 2. Remission at 12 months".
    public var title: String {
        guard let number else { return caption }
        return "Table \(number). \(caption)"
    }

    /// All body rows in order, across groups.
    public var rows: [Row] { groups.flatMap(\.rows) }

    /// The number of body rows, across groups, counted without gathering them (see `eachRow`).
    public var bodyRowCount: Int { groups.reduce(0) { $0 + $1.rows.count } }

    /// The body rows in order, across groups, without gathering them into a new array (a pass
    /// over a listing of tens of thousands of rows).
    var eachRow: LazySequence<FlattenSequence<LazyMapSequence<[RowGroup], [Row]>>> { groups.lazy.flatMap(\.rows) }

    /// The number of columns: the widest header row (counting spans) or body row.
    /// - Complexity: O(number of rows).
    public var columnCount: Int {
        let headerWidth = headerRows.map { $0.reduce(0) { $0 + $1.columnSpan } }.max() ?? 0
        return groups.reduce(headerWidth) { width, group in group.rows.reduce(width) { max($0, $1.cells.count) } }
    }

    /// Adds a footnote and returns its marker, or returns the marker of an existing footnote with
    /// the same text, so one note ("Fisher's exact test") serves every cell that needs it.
    /// Markers are "a" … "z", then "aa", "ab", … (see `footnoteMarker(at:)`).
    /// - Complexity: O(number of footnotes).
    public mutating func addFootnote(_ text: String) -> String {
        if let existing = footnotes.first(where: { $0.text == text }) { return existing.marker }
        let marker = Self.footnoteMarker(at: footnotes.count)
        footnotes.append(Footnote(marker: marker, text: text))
        return marker
    }

    /// The footnote marker at a 0-based position: 0 → "a", 25 → "z", 26 → "aa", 27 → "ab".
    public static func footnoteMarker(at index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var index = max(0, index)
        var marker = ""
        repeat {
            marker.insert(letters[index % 26], at: marker.startIndex)
            index = index / 26 - 1
        } while index >= 0
        return marker
    }
}
