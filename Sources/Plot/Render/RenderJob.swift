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
    /// drawn on every core: each drawing is laid out once (jobs in parallel), then every
    /// (job, format) file is painted and encoded in parallel, PNGs and TIFFs first as they take longest.
    ///
    /// The bytes are exactly those of `canvas.render(drawable, as: format)` one at a time: each
    /// file is painted on its own surface (PDF, PNG) or written by its own `SVGPainter` (SVG).
    /// - Throws: `RenderFailure` for the first failing file, in job and format order (the same
    ///   whatever the schedule).
    /// - Complexity: the work of rendering every file, divided among the cores.
    public static func renderAll(_ jobs: [RenderJob]) throws -> [[[UInt8]]] {
        try paint(jobs) { _ in true }.map { files in try files.map { try $0.encoded() } }
    }

    /// Every job's files painted as `renderAll` paints them, with the PNG and TIFF files left to
    /// encode (`encodeAll`) up to `pixelBudget` bytes of pixels in all (4 per pixel); beyond it a
    /// file is encoded at once, so memory stays bounded. Painting lays text out, encoding does not:
    /// a caller can encode on other threads while one of its own lays text out.
    /// - Throws: `RenderFailure` for the first failing file, in job and format order.
    public static func paintAll(_ jobs: [RenderJob], pixelBudget: Int) throws -> [[PaintedFile]] {
        let deferred = Mutex(0)
        return try paint(jobs) { pixelBytes in
            deferred.withLock { total in
                guard total + pixelBytes > pixelBudget else { total += pixelBytes; return false }
                return true
            }
        }
    }

    /// The bytes of every file of `painted` (as `paintAll` gave them for `jobs`), PNGs and TIFFs
    /// encoded on every core.
    /// - Throws: `RenderFailure` for the first file that cannot be encoded, in job and format order.
    public static func encodeAll(_ painted: [[PaintedFile]], of jobs: [RenderJob]) throws -> [[[UInt8]]] {
        let files = painted.indices.flatMap { job in painted[job].indices.map { (job, $0) } }
        let pending = files.indices.filter { painted[files[$0].0][files[$0].1].bytes == nil }
        let encoded = Mutex([Int: Result<[UInt8], any Error>]())
        DispatchQueue.concurrentPerform(iterations: pending.count) { position in
            let (job, format) = files[pending[position]]
            let result = Result { try painted[job][format].encoded() }
            encoded.withLock { $0[pending[position]] = result }
        }
        let results = encoded.withLock { $0 }
        var index = 0
        return try painted.indices.map { job in
            try painted[job].indices.map { format in
                defer { index += 1 }
                guard let result = results[index] else { return try painted[job][format].encoded() }
                do { return try result.get() } catch {
                    throw RenderFailure(job: job, format: jobs[job].formats[format], error: error)
                }
            }
        }
    }

    /// Lays every job out, then paints every file on every core (rasters first), encoding a PNG or
    /// TIFF at once when `encodeNow(bytes of its pixels)` says so.
    private static func paint(_ jobs: [RenderJob], encodeNow: @Sendable (Int) -> Bool) throws -> [[PaintedFile]] {
        let scenes = Mutex([Result<Scene, any Error>?](repeating: nil, count: jobs.count))
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
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
        let painted = Mutex([Result<PaintedFile, any Error>?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: order.count) { position in
            let file = order[position]
            let (job, format) = files[file]
            let canvas = jobs[job].canvas
            let result = Result { () throws -> PaintedFile in
                let file = try canvas.paint(laidOut[job], as: jobs[job].formats[format])
                let pixels = canvas.pixelSize
                guard file.bytes == nil, encodeNow(pixels.width * pixels.height * 4) else { return file }
                return PaintedFile(bytes: try file.encoded())
            }
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
