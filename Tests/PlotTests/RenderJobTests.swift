import Plot
import Testing

/// `RenderJob.renderAll` draws on every core (or on the calling thread) and must give
/// exactly the bytes of drawing each file alone, one after another, in the order asked for.
@Suite("Render jobs")
struct RenderJobTests {
    @Test func concurrentFilesEqualThoseDrawnOneAtATime() throws {
        let jobs = Gallery.all.map { figure in
            RenderJob(drawable: figure.drawable, canvas: Canvas(width: figure.width, height: figure.height, dpi: 150))
        }
        let concurrent = try RenderJob.renderAll(jobs)
        #expect(concurrent.count == jobs.count)
        for (job, files) in zip(jobs, concurrent) {
            #expect(files.count == OutputFormat.standard.count)
            for (format, bytes) in zip(OutputFormat.standard, files) {
                #expect(bytes == (try job.canvas.render(job.drawable, as: format)), "\(format)")
            }
        }
    }

    @Test func filesDrawnOnTheCallingThreadEqualThoseDrawnOnEveryCore() throws {
        let jobs = Gallery.all.prefix(4).map { figure in
            RenderJob(drawable: figure.drawable, canvas: Canvas(width: figure.width, height: figure.height, dpi: 150))
        }
        #expect(try RenderJob.renderAll(Array(jobs), everyCore: false) == RenderJob.renderAll(Array(jobs)))
        let bad = RenderJob(drawable: Gallery.forest.drawable, canvas: Canvas(width: Gallery.forest.width, height: Gallery.forest.height, dpi: 5000),
                            formats: [.svg, .png])
        let error = #expect(throws: RenderFailure.self) { try RenderJob.renderAll([jobs[0], bad], everyCore: false) }
        #expect(error?.job == 1)
        #expect(error?.format == .svg)
    }

    @Test func formatsComeBackInTheOrderAsked() throws {
        let figure = Gallery.forest
        let canvas = Canvas(width: figure.width, height: figure.height, dpi: 72)
        let files = try RenderJob.renderAll([RenderJob(drawable: figure.drawable, canvas: canvas, formats: [.png, .svg])])
        #expect(files[0].count == 2)
        #expect(files[0][0].starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(files[0][1] == (try canvas.render(figure.drawable, as: .svg)))
    }

    @Test func aFailingJobNamesItselfAndItsFormat() throws {
        let figure = Gallery.forest
        let good = RenderJob(drawable: figure.drawable, canvas: Canvas(width: figure.width, height: figure.height))
        let bad = RenderJob(drawable: figure.drawable, canvas: Canvas(width: figure.width, height: figure.height, dpi: 5000),
                            formats: [.svg, .png])
        let error = #expect(throws: RenderFailure.self) { try RenderJob.renderAll([good, bad, good]) }
        #expect(error?.job == 1)
        #expect(error?.format == .svg)
        #expect(error?.error as? PlotError == .resolutionOutOfRange(5000))
    }
}
