import Foundation
import Plot
import TrialAnalysis

/// The journal column widths a figure can be drawn at (`--width single|onehalf|double`).
public enum FigureWidth: String, Sendable, Hashable, CaseIterable {
    /// One column, 85 mm.
    case single
    /// One and a half columns, 120 mm.
    case onehalf
    /// Two columns (the full page), 175 mm.
    case double

    /// The width on paper.
    public var length: Length {
        switch self {
        case .single: .singleColumn
        case .onehalf: .oneAndHalfColumn
        case .double: .doubleColumn
        }
    }
}

/// One of the trial's figures, ready to draw: what it shows and the page it is drawn on.
public struct TrialFigure: Sendable {
    /// The figure's fixed name, also its file name without extension.
    public var name: FigureName
    /// The description to draw (a `Figure` or a `FlowDiagram`).
    public var drawable: any Drawable
    /// The column width class the figure is drawn at.
    public var width: FigureWidth
    /// The page width: `width` in the plan's journal preset (`FigureStyle.Preset.length`).
    public var pageWidth: Length
    /// The page height.
    public var height: Length
    /// The figure's note (method, abbreviations) as plain text, also when the image leaves it out
    /// for the caption; `nil` for a figure without one.
    public var note: String?

    /// The tallest a figure is drawn, in millimetres, so that it fits an A4 or Letter page of the
    /// report with its caption.
    public static let maximumHeight = 225.0

    /// A figure named `name` drawing `drawable` on a `width` × `height` page (TrialReport's own widths).
    public init(name: FigureName, drawable: any Drawable, width: FigureWidth, height: Length) {
        self.name = name
        self.drawable = drawable
        self.width = width
        self.pageWidth = width.length
        self.height = height
        self.note = (drawable as? Figure)?.note?.plainText
    }

    /// The canvas the figure is drawn on: PNG at `dpi`, PDF dated `documentDate` (`YYYY-MM-DDThh:mm:ss`).
    public func canvas(dpi: Double = 300, documentDate: String = Canvas.fixedDate) -> Canvas {
        Canvas(width: pageWidth, height: height, dpi: dpi, documentDate: documentDate)
    }

    /// The file's bytes in `format`; the same figure gives the same bytes.
    /// - Throws: `PlotError` for a resolution outside 72…1200 dpi or a Cairo failure.
    /// - Complexity: O(marks + text) to lay out, plus the rasterisation for PNG.
    public func render(as format: OutputFormat, dpi: Double = 300, documentDate: String = Canvas.fixedDate) throws -> [UInt8] {
        try canvas(dpi: dpi, documentDate: documentDate).render(drawable, as: format)
    }

    /// The file name in `format`, e.g. `remission-rates.pdf`.
    public func fileName(_ format: OutputFormat) -> String { "\(name.rawValue).\(format.rawValue)" }
}
