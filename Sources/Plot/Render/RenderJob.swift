import Dispatch
import Synchronization

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
    /// every core), PNGs and TIFFs first as they take longest. A raster's pixels are freed as soon
    /// as it is encoded, so the next one painted reuses their memory instead of new pages.
    ///
    /// The bytes are exactly those of `canvas.render(drawable, as: format)` one at a time: each
    /// file is painted on its own surface (PDF, PNG) or written by its own `SVGPainter` (SVG).
    /// - Parameter everyCore: `false` draws on the calling thread only: for a caller whose other
    ///   threads keep the cores busy (each thread that lays text out also loads the fonts again).
    /// - Throws: `RenderFailure` for the first failing file, in job and format order (the same
    ///   whatever the schedule).
    /// - Complexity: the work of rendering every file, divided among the cores.
    public static func renderAll(_ jobs: [RenderJob], everyCore: Bool = true) throws -> [[[UInt8]]] {
        func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
            if everyCore {
                DispatchQueue.concurrentPerform(iterations: count, execute: body)
            } else {
                for index in 0..<count { body(index) }
            }
        }
        let scenes = Mutex([Result<Scene, any Error>?](repeating: nil, count: jobs.count))
        forEach(jobs.count) { index in
            let job = jobs[index]
            let scene = Result { () throws -> Scene in
                try job.canvas.validate()
                return job.drawable.scene(size: job.canvas.size, measurer: job.canvas.measurer)
            }
            scenes.withLock { $0[index] = scene }
        }
        let laidOut = try scenes.withLock { $0 }.enumerated().map { job, scene in
            do { return try scene!.get() } catch { throw RenderFailure(job: job, format: jobs[job].formats.first, error: error) }
        }

        let files = jobs.indices.flatMap { job in jobs[job].formats.indices.map { (job, $0) } }
        let order = files.indices.filter { jobs[files[$0].0].formats[files[$0].1].isRaster }
            + files.indices.filter { !jobs[files[$0].0].formats[files[$0].1].isRaster }
        let painted = Mutex([Result<[UInt8], any Error>?](repeating: nil, count: files.count))
        forEach(order.count) { position in
            let file = order[position]
            let (job, format) = files[file]
            let canvas = jobs[job].canvas
            let result = Result { try canvas.render(laidOut[job], as: jobs[job].formats[format]) }
            painted.withLock { $0[file] = result }
        }
        let results = try painted.withLock { $0 }.enumerated().map { file, result in
            do { return try result!.get() } catch {
                throw RenderFailure(job: files[file].0, format: jobs[files[file].0].formats[files[file].1], error: error)
            }
        }
        var start = 0
        return jobs.map { job in
            defer { start += job.formats.count }
            return Array(results[start..<start + job.formats.count])
        }
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
