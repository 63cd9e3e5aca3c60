/// A file format of the figures in `figures/`, the plan's `figureFormats`.
public enum FigureFormat: String, Sendable, Hashable, CaseIterable {
    /// Vector PDF, fonts embedded.
    case pdf
    /// Vector SVG with the text as text.
    case svg
    /// Raster PNG at `figureDpi`.
    case png
    /// Raster TIFF (LZW) at `figureDpi`, as journals ask for.
    case tiff
    /// Encapsulated PostScript, fonts embedded.
    case eps

    /// The formats written unless the plan asks for others: PDF, SVG and PNG.
    public static let standard: [FigureFormat] = [.pdf, .svg, .png]

    /// The resolutions accepted for PNG and TIFF, in dots per inch (journals ask for 300 to 1200).
    public static let dpiRange: ClosedRange<Double> = 72...1200
}
