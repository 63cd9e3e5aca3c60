import Foundation
import Testing
@testable import TrialReport

@Suite("HTML page")
struct HTMLPageTests {
    @Test func scriptTagInADataStringIsEscaped() throws {
        let html = try DocumentSamples.compose().html
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script"))
    }

    @Test func pageIsSelfContained() throws {
        let html = try DocumentSamples.compose().html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src=\""))
        #expect(html.contains("<svg"))
        #expect(html.contains("@media print"))
        #expect(html.contains("name=\"viewport\""))
    }

    @Test func inlineFiguresDoNotShareElementIds() {
        let first = InlineSVG.inline("<?xml version=\"1.0\"?>\n<svg><symbol id=\"glyph0-1\"/><use xlink:href=\"#glyph0-1\"/></svg>",
                                     prefix: "svg-a")
        #expect(first == "<svg><symbol id=\"svg-a-glyph0-1\"/><use xlink:href=\"#svg-a-glyph0-1\"/></svg>")
    }

    @Test func headlineNumbersAreInTheBody() throws {
        let html = try DocumentSamples.compose().html
        #expect(html.contains("11/27 (40.7%) with UC-MSC vs 3/26 (11.5%) with Control"))
        #expect(html.contains("<a href=\"#tab-primary-endpoint\">Table 3</a>"))
    }
}
