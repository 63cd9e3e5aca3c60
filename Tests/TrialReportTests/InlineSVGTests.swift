import Plot
import Testing
import TrialAnalysis
@testable import TrialReport

/// `InlineSVG` drops the XML declaration; the figures' SVG has no ids that two inline figures
/// could share.
@Suite("Inline SVG")
struct InlineSVGTests {
    @Test(arguments: FigureName.allCases)
    func realFigureLosesItsDeclarationAndHasNoIds(_ name: FigureName) throws {
        let svg = String(decoding: try FigureSamples.figures(for: name).build(name).render(as: .svg), as: UTF8.self)
        let inline = InlineSVG.inline(svg)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        #expect(inline.hasPrefix("<svg ") && svg.hasSuffix(inline))
        #expect(!inline.contains("id=\"") && !inline.contains("href=") && !inline.contains("url(#"))
    }

    @Test func declarationAndTheLineBreaksAfterItGo() {
        #expect(InlineSVG.inline("<?xml version=\"1.0\"?>\r\n\n<svg/>") == "<svg/>")
        #expect(InlineSVG.inline("<svg/>") == "<svg/>")
    }
}
