/// How the plan asks for the TLF package (`output/tlf/`: one RTF and one DOCX file per table and
/// listing; `output/tlf.pdf`: all of them in one PDF), the plan's `tlf` key.
public struct TLFSettings: Sendable, Hashable {
    /// Where the title block and the footnotes of each output go.
    public enum Placement: String, Sendable, Hashable, CaseIterable {
        /// In the page header and footer, so every page shows them (the default).
        case header
        /// In the body, before and after the table: once, where the table starts and ends.
        case body
    }

    /// A file format of the package.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// Rich Text Format (`.rtf`).
        case rtf
        /// Word (`.docx`, Office Open XML).
        case docx
        /// One PDF of every output, `tlf.pdf` beside report.pdf, with a bookmark per output.
        case pdf
    }

    /// Whether `render` writes the package.
    public var write: Bool
    /// Where the title block and the footnotes go.
    public var titles: Placement
    /// Output numbers the plan fixes, by table name ("primary-endpoint": "14.2.1"); the other
    /// outputs are numbered in report order within their ICH E3 section.
    public var numbers: [String: String]
    /// The formats each output is written in, in this order (by default RTF, DOCX and the combined PDF).
    public var formats: [Format]

    /// Settings; the defaults write the package in RTF, DOCX and PDF with titles in the page header.
    public init(write: Bool = true, titles: Placement = .header, numbers: [String: String] = [:],
                formats: [Format] = Format.allCases) {
        self.write = write
        self.titles = titles
        self.numbers = numbers
        self.formats = formats
    }
}
