import CCairo
import Foundation

/// A page size and output settings; draws any `Drawable` (a `Figure`, a `FlowDiagram`) to PDF, SVG,
/// PNG, TIFF or EPS, in memory or to a file, with the same bytes for the same input.
public struct Canvas: Sendable {
    /// The page width (see `Length.singleColumn` and the other presets).
    public var width: Length
    /// The page height.
    public var height: Length
    /// PNG and TIFF resolution in dots per inch, 72…1200.
    public var dpi: Double
    /// The PDF creation and modification date and the EPS creation date (`YYYY-MM-DDThh:mm:ss`),
    /// fixed so output is reproducible.
    public var documentDate: String
    /// Measures text for layout; Pango by default.
    public var measurer: any TextMeasurer

    /// The default document date: the start of 2000, UTC.
    public static let fixedDate = "2000-01-01T00:00:00"

    /// A canvas of `width` × `height`, PNG at `dpi`, PDF dated `documentDate` (`YYYY-MM-DDThh:mm:ss`).
    public init(width: Length, height: Length, dpi: Double = 300, documentDate: String = Canvas.fixedDate,
                measurer: any TextMeasurer = PangoTextMeasurer()) {
        self.width = width; self.height = height; self.dpi = dpi; self.documentDate = documentDate
        self.measurer = measurer
    }

    /// A canvas whose PDF date is `date` (in UTC), e.g. the data lock's date.
    public init(width: Length, height: Length, dpi: Double = 300, date: Date) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        self.init(width: width, height: height, dpi: dpi, documentDate: formatter.string(from: date))
    }

    /// The page size in points.
    public var size: Size { Size(width: width.points, height: height.points) }

    /// The PNG's and TIFF's size in pixels: the page in inches times the resolution, rounded.
    public var pixelSize: (width: Int, height: Int) {
        (Int((width.points / 72 * dpi).rounded()), Int((height.points / 72 * dpi).rounded()))
    }

    func validate() throws {
        guard (72...1200).contains(dpi) else { throw PlotError.resolutionOutOfRange(dpi) }
        guard width.points > 0, height.points > 0 else {
            throw PlotError.sizeNotPositive(width: width.points, height: height.points)
        }
    }

    /// The file's bytes for `drawable` in `format`.
    /// - Throws: `PlotError` for a bad size or resolution, or a Cairo failure.
    public func render(_ drawable: some Drawable, as format: OutputFormat) throws -> [UInt8] {
        try validate()
        return try render(drawable.scene(size: size, measurer: measurer), as: format)
    }

    /// The file's bytes for `drawable` in each of `formats`, in that order: the figure is laid
    /// out once and painted once per format.
    /// - Throws: `PlotError` for a bad size or resolution, or a Cairo failure.
    public func render(_ drawable: some Drawable, as formats: [OutputFormat]) throws -> [[UInt8]] {
        try validate()
        let scene = drawable.scene(size: size, measurer: measurer)
        return try formats.map { try render(scene, as: $0) }
    }

    /// The file's bytes for a laid-out `scene` of this canvas's size in `format`.
    func render(_ scene: Scene, as format: OutputFormat) throws -> [UInt8] {
        let sink = ByteSink()
        switch format {
        case .pdf:
            let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, size.width, size.height)!
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, documentDate)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, documentDate)
            try paint(scene, on: surface, scale: 1, background: nil)
        case .svg:
            return SVGPainter.document(scene)
        case .eps:
            let surface = cairo_ps_surface_create_for_stream(ByteSink.write, sink.closure, size.width, size.height)!
            cairo_ps_surface_restrict_to_level(surface, CAIRO_PS_LEVEL_3)
            cairo_ps_surface_set_eps(surface, 1)
            // On white, as the PNG: the bounding box Cairo computes from what is drawn is then the page.
            try paint(scene, on: surface, scale: 1, background: .white)
            return EPSHeader.dated(sink.bytes, documentDate)
        case .png, .tiff:
            let pixels = pixelSize
            let surface = ImageMemory.surface(width: pixels.width, height: pixels.height)
            defer { cairo_surface_destroy(surface) }
            try paint(scene, on: surface, scale: dpi / 72, background: .white, finish: false)
            return format == .png ? try PNGEncoder.encode(surface, dpi: dpi) : try TIFFEncoder.encode(surface, dpi: dpi)
        }
        return sink.bytes
    }

    /// Paints `scene` on `surface`, then finishes and destroys the surface (unless `finish` is false).
    private func paint(_ scene: Scene, on surface: OpaquePointer, scale: Double, background: Color?,
                       finish: Bool = true) throws {
        let cairo = cairo_create(surface)!
        cairo_scale(cairo, scale, scale)
        if let background {
            cairo_set_source_rgb(cairo, background.red, background.green, background.blue)
            cairo_paint(cairo)
        }
        CairoPainter(cairo: cairo).paint(scene)
        let status = cairo_status(cairo)
        cairo_destroy(cairo)
        if finish {
            cairo_surface_finish(surface)
            let surfaceStatus = cairo_surface_status(surface)
            cairo_surface_destroy(surface)
            guard surfaceStatus == CAIRO_STATUS_SUCCESS else {
                throw PlotError.cairo(String(cString: cairo_status_to_string(surfaceStatus)))
            }
        }
        guard status == CAIRO_STATUS_SUCCESS else { throw PlotError.cairo(String(cString: cairo_status_to_string(status))) }
    }

    /// Writes `drawable` to `url`, in the format named by its extension unless `format` is given.
    /// - Throws: `PlotError.unknownFormat`, `.cannotWrite`, or a rendering error.
    public func write(_ drawable: some Drawable, to url: URL, format: OutputFormat? = nil) throws {
        guard let format = format ?? OutputFormat(pathExtension: url.pathExtension) else {
            throw PlotError.unknownFormat(path: url.path)
        }
        let bytes = try render(drawable, as: format)
        do { try Data(bytes).write(to: url) } catch {
            throw PlotError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Draws `drawable` into `rect` (points, in the context's user space) of an existing Cairo
    /// context, as vectors on vector surfaces; the PDF report embeds figures this way.
    /// The context's state is saved and restored around the drawing.
    public static func draw(_ drawable: some Drawable, in cairo: OpaquePointer, rect: Rect,
                            measurer: any TextMeasurer = PangoTextMeasurer()) {
        let scene = drawable.scene(size: rect.size, measurer: measurer)
        cairo_save(cairo)
        cairo_translate(cairo, rect.minX, rect.minY)
        CairoPainter(cairo: cairo).paint(scene)
        cairo_restore(cairo)
    }
}
