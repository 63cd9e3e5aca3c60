import Foundation
import Plot
import Testing
import TrialAnalysis
@testable import TrialReport

/// A figure's legend is shown once in the report: report.pdf, report.html and report.docx draw the
/// figure without its note and put the note in the caption; report.md shows the figure files, with
/// the note in its caption only when the files leave it out (`figureStyle.notes: caption`).
@Suite struct ReportFigureNoteTests {
    static let seed = FigureStyleTests.examples[0]
    static let measurer = PangoTextMeasurer()

    static func texts(_ drawable: any Drawable, _ size: Size) -> [String] {
        drawable.scene(size: size, measurer: measurer).texts.map(\.text.plainText)
    }

    @Test func theDocumentsDrawEachFigureWithoutItsNoteAndTheFilesKeepIt() throws {
        let figures = TrialFigureSource().figures(results: Self.seed.results, plan: Self.seed.plan)
        #expect(figures.count == 9)
        #expect(figures.filter { $0.note != nil }.count == 8, "every figure but the CONSORT diagram has a note")
        for figure in figures {
            guard let note = figure.note else {
                #expect(figure.file == nil)
                continue
            }
            let file = try #require(figure.file, "\(figure.name): the file keeps the note")
            #expect(Self.texts(file.drawable, file.size).contains(note))
            #expect(!Self.texts(figure.drawable, figure.size).contains(note), "\(figure.name) shows its note in the document")
            #expect(figure.size.width == file.size.width && figure.size.height < file.size.height)
        }
    }

    @Test func notesLeftToTheCaptionLeaveTheFilesAsTheDocumentsShowThem() {
        var plan = Self.seed.plan
        plan.figureStyle.notes = .caption
        let figures = TrialFigureSource().figures(results: Self.seed.results, plan: plan)
        #expect(figures.allSatisfy { $0.file == nil })
        #expect(figures.filter { $0.note != nil }.count == 8)
    }

    @Test func theCaptionCarriesTheNoteOnce() throws {
        let figure = ReportFigure(name: "f", drawable: Figure(legend: .none) {}, size: Size(width: 100, height: 100),
                                  note: "Bars: percentage.")
        #expect(figure.caption([.text("Figure 2. Rates by arm")]).plainText == "Figure 2. Rates by arm. Bars: percentage.")
        #expect(figure.caption([.text("Figure 2. Rates by arm.")]).plainText == "Figure 2. Rates by arm. Bars: percentage.")
        var plain = figure
        plain.note = nil
        #expect(plain.caption([.text("Figure 2. Rates")]).plainText == "Figure 2. Rates")

        let markdown = "![Figure 2. Rates by arm](figure:f)\n"
        let document = MarkdownDocument(parsing: markdown)
        let html = try ReportPage.body(document, tables: [], figureSVG: ["f": "<svg></svg>"], figures: [figure])
        #expect(html.contains("<figcaption>Figure 2. Rates by arm. Bars: percentage.</figcaption>"))
        // report.md: the file draws the note (image) — the caption stays; the file leaves it out — the caption carries it.
        var drawnInFile = figure
        drawnInFile.file = (figure.drawable, figure.size)
        #expect(ReportMarkdownFile.expand(markdown, document: document, tables: [:], figures: [drawnInFile])
            .contains("![Figure 2. Rates by arm](figures/f.svg)"))
        #expect(ReportMarkdownFile.expand(markdown, document: document, tables: [:], figures: [figure])
            .contains("![Figure 2. Rates by arm. Bars: percentage.](figures/f.svg)"))
    }

    @Test func wordCropsTheNoteOffTheFileAndCaptionsWithIt() throws {
        let report = try DocumentSamples.compose()
        var figure = DocumentSamples.figure()
        let file = Size(width: figure.size.width, height: figure.size.height + 40)
        figure.file = (figure.drawable, file)
        figure.note = "Bars: percentage of participants."
        let png = try Canvas(width: .points(file.width), height: .points(file.height)).render(figure.drawable, as: .png)
        let bytes = try ReportDOCX(paper: .a4, metadata: report.metadata)
            .docx(report.document, content: TypesetContent(tables: report.tables.map(\.shownInDocuments), figures: [figure]),
                  png: [figure.name: png])
        let scratch = try ScratchFolder()
        let url = scratch.url.appendingPathComponent("report.docx")
        try Data(bytes).write(to: url)
        let document = try TLFDOCXTests.run("/usr/bin/unzip", ["-p", url.path, "word/document.xml"])
        let cropped = Int((40 / file.height * 100_000).rounded())
        #expect(document.contains("<a:srcRect b=\"\(cropped)\"/>"))
        #expect(document.contains("Bars: percentage of participants.</w:t>"))
    }
}
