import Foundation

/// One drawing to write as files: what to draw, on which canvas, in which formats.
public struct RenderJob: Sendable {
    /// What to draw (a `Figure`, a `FlowDiagram`).
    public var drawable: any Drawable
    /// The page size, PNG resolution and PDF date.
    public var canvas: Canvas
    /// The formats wanted, in the order their bytes are returned.
    public var formats: [OutputFormat]

    /// A job drawing `drawable` on `canvas` in each of `formats` (by default PDF, SVG and PNG).
    public init(drawable: any Drawable, canvas: Canvas, formats: [OutputFormat] = OutputFormat.standard) {
        self.drawable = drawable
        self.canvas = canvas
        self.formats = formats
    }

    /// Every job's bytes in each of its formats — `result[job][format]`, in the order given —
    /// drawn on every core, or on the calling thread alone: each drawing is laid out once (jobs
    /// at once on every core), then every (job, format) file is painted and encoded (at once on
    /// every core), PNGs and TIFFs first as they take longest, then SVG, then the others (a
    /// `RenderBatch`). A raster's pixels are freed as soon as it is encoded, so the next one
    /// painted reuses their memory instead of new pages. The bytes are exactly those of
    /// `canvas.render(drawable, as: format)` one at a time.
    /// - Parameter everyCore: `false` draws on the calling thread only: for a caller whose other
    ///   threads keep the cores busy (each thread that lays text out also loads the fonts again).
    /// - Throws: `RenderFailure` for the first failing file, in job and format order (the same
    ///   whatever the schedule).
    /// - Complexity: the work of rendering every file, divided among the cores (see `RenderBatch`).
    public static func renderAll(_ jobs: [RenderJob], everyCore: Bool = true) throws -> [[[UInt8]]] {
        let batch = try RenderBatch(jobs, everyCore: everyCore)
        RenderBatch.forEach(everyCore ? ProcessInfo.processInfo.activeProcessorCount : 1, everyCore: everyCore) { _ in batch.paint() }
        return try batch.rendered()
    }
}

/// Why `RenderJob.renderAll` failed: the job (and format, when known) and the error.
public struct RenderFailure: Error, CustomStringConvertible {
    /// The index of the failing job.
    public var job: Int
    /// The format being drawn; `nil` for a job with no formats.
    public var format: OutputFormat?
    /// What went wrong, usually a `PlotError`.
    public var error: any Error

    public var description: String { "\(error)" }
}
