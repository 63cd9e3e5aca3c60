import Foundation
import Plot
import Testing

/// `RenderBatch` lets any thread paint the files of a list of jobs (a render's main thread helps
/// the drawing thread once its documents are typeset): the bytes must be those of painting each
/// file alone, whichever thread takes it, and a caller waiting for one format must get every
/// file of it.
@Suite("Render batches")
struct RenderBatchTests {
    static let jobs = Gallery.all.prefix(5).map { figure in
        RenderJob(drawable: figure.drawable, canvas: Canvas(width: figure.width, height: figure.height, dpi: 100),
                  formats: [.pdf, .svg, .png])
    } + [RenderJob(drawable: Gallery.forest.drawable, canvas: Canvas(width: Gallery.forest.width, height: Gallery.forest.height),
                   formats: [.svg])]

    @Test func filesPaintedByThreeThreadsEqualThoseDrawnOneAtATime() throws {
        let batch = try RenderBatch(Self.jobs, everyCore: false)
        let helpers = DispatchGroup()
        for _ in 0..<2 {
            helpers.enter()
            Thread.detachNewThread {
                batch.paint()
                helpers.leave()
            }
        }
        batch.paint()
        let rendered = try batch.rendered()
        helpers.wait()
        #expect(rendered == (try RenderJob.renderAll(Self.jobs, everyCore: false)))
        for (job, files) in zip(Self.jobs, rendered) {
            for (format, bytes) in zip(job.formats, files) {
                #expect(bytes == (try job.canvas.render(job.drawable, as: format)), "\(format)")
            }
        }
    }

    @Test func theFilesOfOneFormatAreEachJobsFileInIt() throws {
        let batch = try RenderBatch(Self.jobs, everyCore: false)
        Thread.detachNewThread { batch.paint() }
        let svg = try batch.files(in: .svg), png = try batch.files(in: .png)
        let rendered = try batch.rendered()
        #expect(svg == rendered.map { $0[$0.count == 1 ? 0 : 1] })
        #expect(png == rendered.dropLast().map { $0[2] } + [nil])
        #expect(try batch.files(in: .tiff) == Array(repeating: nil, count: Self.jobs.count))
    }

    @Test func aDrawingThatCannotBeLaidOutFailsTheBatchAtItsJob() {
        let figure = Gallery.forest
        let good = RenderJob(drawable: figure.drawable, canvas: Canvas(width: figure.width, height: figure.height))
        let bad = RenderJob(drawable: figure.drawable, canvas: Canvas(width: figure.width, height: figure.height, dpi: 5000),
                            formats: [.svg, .png])
        let error = #expect(throws: RenderFailure.self) { try RenderBatch([good, bad, good], everyCore: true) }
        #expect(error?.job == 1)
        #expect(error?.format == .svg)
    }
}
