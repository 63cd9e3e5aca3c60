/// How the plan asks for the TLF package (`output/tlf/`: one RTF file per table and listing),
/// the plan's `tlf` key.
public struct TLFSettings: Sendable, Hashable {
    /// Where the title block and the footnotes of each output go.
    public enum Placement: String, Sendable, Hashable, CaseIterable {
        /// In the page header and footer, so every page shows them (the default).
        case header
        /// In the body, before and after the table: once, where the table starts and ends.
        case body
    }

    /// Whether `render` writes the package.
    public var write: Bool
    /// Where the title block and the footnotes go.
    public var titles: Placement
    /// Output numbers the plan fixes, by table name ("primary-endpoint": "14.2.1"); the other
    /// outputs are numbered in report order within their ICH E3 section.
    public var numbers: [String: String]

    /// Settings; the defaults write the package with titles in the page header.
    public init(write: Bool = true, titles: Placement = .header, numbers: [String: String] = [:]) {
        self.write = write
        self.titles = titles
        self.numbers = numbers
    }
}
