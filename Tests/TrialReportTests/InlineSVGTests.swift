import Plot
import Testing
import TrialAnalysis
@testable import TrialReport

/// `InlineSVG` prefixes ids in one pass over the bytes; it must equal the definition it replaced
/// (each marker replaced in turn with `String.replacing`) on the SVG Cairo really writes.
@Suite("Inline SVG")
struct InlineSVGTests {
    /// The definition: the XML declaration dropped, then each marker replaced in turn.
    private static func definition(_ svg: String, prefix: String) -> String {
        var text = svg
        if text.hasPrefix("<?xml"), let end = text.firstIndex(of: ">") {
            text = String(String(text[text.index(after: end)...]).drop { $0.isNewline })
        }
        let prefix = prefix + "-"
        return text
            .replacing("id=\"", with: "id=\"" + prefix)
            .replacing("href=\"#", with: "href=\"#" + prefix)
            .replacing("url(#", with: "url(#" + prefix)
    }

    @Test(arguments: FigureName.allCases)
    func onePassEqualsReplacingEachMarkerOnARealFigure(_ name: FigureName) throws {
        let svg = String(decoding: try FigureSamples.figures(for: name).build(name).render(as: .svg), as: UTF8.self)
        #expect(InlineSVG.inline(svg, prefix: "svg-\(name.rawValue)") == Self.definition(svg, prefix: "svg-\(name.rawValue)"))
    }

    @Test func markersNextToEachOtherAndAtTheEndArePrefixed() {
        let svg = "<?xml version=\"1.0\"?>\r\n\n<g id=\"a\" clip-path=\"url(#c)\"><use href=\"#a\"/>url(#"
        #expect(InlineSVG.inline(svg, prefix: "p") == Self.definition(svg, prefix: "p"))
        #expect(InlineSVG.inline(svg, prefix: "p") == "<g id=\"p-a\" clip-path=\"url(#p-c)\"><use href=\"#p-a\"/>url(#p-")
    }
}
