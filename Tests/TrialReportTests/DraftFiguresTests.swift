import Plot
import Testing
import TrialAnalysis
@testable import TrialReport

/// The render composes the draft while the drawing thread lays the figures out for the documents,
/// and gives the draft the laid-out figures afterwards (`ReportDraft.withFigures`).
@Suite("Draft figures")
struct DraftFiguresTests {
    @Test func aDraftGivenItsLaidOutFiguresAfterwardsIsTheDraftComposedWithThem() throws {
        let composer = try ReportComposer(templates: ReportTemplates(directory: DocumentSamples.templatesDirectory))
        let figure = DocumentSamples.figure()
        let laidOut = figure.laidOutForDocuments(on: .a4)
        let compose = { (figures: [ReportFigure]) in
            try composer.draft(results: DocumentSamples.results(), plan: AnalysisPlan(), provenance: DocumentSamples.provenance,
                               figures: figures)
        }
        let swapped = try compose([figure]).withFigures([laidOut])
        let direct = try compose([laidOut])
        #expect(swapped.markdown == direct.markdown)
        #expect(swapped.content.figures[figure.name]?.drawable is LaidOutDrawing)
        #expect(swapped.page.figures.map(\.name) == [figure.name])
        #expect(try composer.typeset(swapped) == composer.typeset(direct))
        let svg = [figure.name: "<svg/>"]
        #expect(try composer.html(swapped, figureSVG: svg) == composer.html(direct, figureSVG: svg))
    }
}
