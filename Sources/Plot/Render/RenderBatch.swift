import Dispatch
import Synchronization

/// The files of a list of `RenderJob`s, painted by whichever threads come to paint them: the
/// jobs are laid out first (`init`), then each call of `paint()`, on any thread, takes the files
/// no other call has taken, one at a time, until none is left; `rendered()` waits until every file
/// is painted, `files(in:)` until those of one format are. Rasters (PNG, TIFF) are taken first, as
/// they take longest, then SVG files, then the others (PDF, EPS): a caller waiting for the SVG
/// and PNG files (a web page, a Word document) can go on while the rest are painted.
///
/// The bytes are exactly those of `canvas.render(drawable, as: format)` one at a time: each file
/// is painted on its own surface (PDF, PNG) or written by its own `SVGPainter` (SVG), whichever
/// thread paints it.
public final class RenderBatch: Sendable {
    private let jobs: [RenderJob]
    private let scenes: [Scene]
    /// Every (job, format) file, in job and format order.
    private let files: [(job: Int, format: Int)]
    /// The files (indices into `files`) in the order they are taken.
    private let order: [Int]
    /// How many files of `order` have been taken.
    private let taken = Atomic<Int>(0)
    private let painted: Mutex<[Result<[UInt8], any Error>?]>
    /// For each format, entered once per file in it, left as each is painted.
    private let unpainted: [OutputFormat: DispatchGroup]

    /// Lays every job's drawing out, at once on every core or on the calling thread alone.
    /// - Throws: `RenderFailure` for the first job, in order, that cannot be laid out.
    /// - Complexity: the layout of every drawing.
    public init(_ jobs: [RenderJob], everyCore: Bool) throws {
        let laidOut = Mutex([Result<Scene, any Error>?](repeating: nil, count: jobs.count))
        RenderBatch.forEach(jobs.count, everyCore: everyCore) { index in
            let job = jobs[index]
            let scene = Result { () throws -> Scene in
                try job.canvas.validate()
                return job.drawable.scene(size: job.canvas.size, measurer: job.canvas.measurer)
            }
            laidOut.withLock { $0[index] = scene }
        }
        scenes = try laidOut.withLock { $0 }.enumerated().map { job, scene in
            do { return try scene!.get() } catch { throw RenderFailure(job: job, format: jobs[job].formats.first, error: error) }
        }
        self.jobs = jobs
        let files = jobs.indices.flatMap { job in jobs[job].formats.indices.map { (job: job, format: $0) } }
        let format = { (file: Int) in jobs[files[file].job].formats[files[file].format] }
        self.files = files
        order = files.indices.filter { format($0).isRaster } + files.indices.filter { format($0) == .svg }
            + files.indices.filter { !format($0).isRaster && format($0) != .svg }
        painted = Mutex(Array(repeating: nil, count: files.count))
        unpainted = Dictionary(uniqueKeysWithValues: Set(files.indices.map(format)).map { ($0, DispatchGroup()) })
        for file in files.indices { unpainted[format(file)]!.enter() }
    }

    /// Paints the files not yet taken, one after another, on the calling thread, until none is left.
    public func paint() {
        while true {
            let position = taken.add(1, ordering: .relaxed).oldValue
            guard position < order.count else { return }
            let file = order[position]
            let (job, format) = files[file]
            let canvas = jobs[job].canvas, outputFormat = jobs[job].formats[format]
            let result = Result { try canvas.render(scenes[job], as: outputFormat) }
            painted.withLock { $0[file] = result }
            unpainted[outputFormat]!.leave()
        }
    }

    /// Every job's bytes in each of its formats, `result[job][format]`, once every file is painted.
    /// Call it after `paint()` on some thread, or it waits for ever.
    /// - Throws: `RenderFailure` for the first failing file, in job and format order (the same
    ///   whatever the schedule).
    public func rendered() throws -> [[[UInt8]]] {
        for group in unpainted.values { group.wait() }
        let results = try files.indices.map(result)
        var start = 0
        return jobs.map { job in
            defer { start += job.formats.count }
            return Array(results[start..<start + job.formats.count])
        }
    }

    /// Each job's bytes in `format` (nil for a job without it), once those files are painted.
    /// - Throws: `RenderFailure` for the first of those files, in job order, that failed.
    public func files(in format: OutputFormat) throws -> [[UInt8]?] {
        unpainted[format]?.wait()
        var start = 0
        return try jobs.map { job in
            defer { start += job.formats.count }
            return try job.formats.firstIndex(of: format).map { try result(start + $0) }
        }
    }

    /// The bytes of file `file` (an index into `files`), painted.
    private func result(_ file: Int) throws -> [UInt8] {
        let (job, format) = files[file]
        do { return try painted.withLock { $0[file] }!.get() } catch {
            throw RenderFailure(job: job, format: jobs[job].formats[format], error: error)
        }
    }

    /// `body` for each of `0..<count`, at once on every core or one after another on this thread.
    static func forEach(_ count: Int, everyCore: Bool, _ body: @Sendable (Int) -> Void) {
        if everyCore {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        } else {
            for index in 0..<count { body(index) }
        }
    }
}
