/// The file formats a `Canvas` writes.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Vector PDF with the fonts embedded (subset).
    case pdf
    /// Vector SVG 1.1 on a white page, text as editable `<text>` in named fonts (the family,
    /// then Arial, Helvetica, sans-serif for Liberation Sans), lines broken as in the PDF.
    case svg
    /// Raster PNG at the canvas's resolution, on white.
    case png
    /// Raster TIFF (LZW) at the canvas's resolution with the PNG's pixels, as journals ask for.
    case tiff
    /// Encapsulated PostScript (level 3, fonts embedded), on white, its bounding box the page.
    case eps

    /// The formats drawn unless others are asked for: PDF, SVG and PNG.
    public static let standard: [OutputFormat] = [.pdf, .svg, .png]

    /// Whether the file is pixels at the canvas's resolution (PNG, TIFF).
    public var isRaster: Bool { self == .png || self == .tiff }

    /// The format named by a file's extension (`figure.pdf` → `.pdf`), nil when unknown.
    public init?(pathExtension: String) { self.init(rawValue: pathExtension.lowercased()) }
}

/// Why a figure could not be drawn or written.
public enum PlotError: Error, Equatable, CustomStringConvertible {
    case resolutionOutOfRange(Double)
    case sizeNotPositive(width: Double, height: Double)
    case unknownFormat(path: String)
    case cairo(String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .resolutionOutOfRange(let dpi): "resolution \(dpi) dpi is outside 72…1200"
        case .sizeNotPositive(let width, let height): "figure size \(width) × \(height) pt is not positive"
        case .unknownFormat(let path): "cannot tell the figure format of '\(path)' (use .pdf, .svg, .png, .tiff or .eps)"
        case .cairo(let message): "cairo: \(message)"
        case .cannotWrite(let path, let reason): "cannot write '\(path)': \(reason)"
        }
    }
}
