import Foundation
import Plot
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

    @Test func headlineNumbersAreInTheBody() throws {
        let html = try DocumentSamples.compose().html
        #expect(html.contains("11/27 (40.7%) with UC-MSC vs 3/26 (11.5%) with Control"))
        #expect(html.contains("<a href=\"#tab-primary-endpoint\">Table 3</a>"))
    }

    /// On a 390 px phone a wide table scrolls in its frame, and a figure is never shown so narrow
    /// that its smallest text is under 9 px: it scrolls instead.
    @Test func tablesScrollSidewaysAndFiguresKeepTheirTextLegibleOnAPhone() throws {
        let html = try DocumentSamples.compose().html
        #expect(html.contains(".table-scroll { overflow-x: auto;") && html.contains(".figure-scroll { overflow-x: auto; }"))
        #expect(html.components(separatedBy: "<div class=\"table-scroll\">\n<table ").count
            == html.components(separatedBy: "<table ").count)
        let figure = DocumentSamples.figure()
        let pixels = try #require(LegibleFigureWidth.pixels(figure))
        #expect(html.contains("<div class=\"figure-scroll\"><div class=\"figure-canvas\" style=\"min-width: \(pixels)px\">\n<svg"))
        let smallest = try #require(figure.drawable.scene(size: figure.size, measurer: PangoTextMeasurer()).texts.map(\.font.size).min())
        // Shown `pixels` wide, the figure's points scale by pixels / width: its smallest text is 9 px, one pixel less is below.
        #expect(smallest * Double(pixels) / figure.size.width >= 9)
        #expect(smallest * Double(pixels - 1) / figure.size.width < 9)
        #expect(pixels > 390)
    }
}
