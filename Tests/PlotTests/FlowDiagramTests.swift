import Plot
import Testing

@Suite struct FlowDiagramTests {
    let measurer = FixedMetricsMeasurer()
    let page = Size(width: Length.oneAndHalfColumn.points, height: Length.millimetres(130).points)

    var layout: FlowDiagramLayout {
        (Gallery.consort.drawable as! FlowDiagram).layout(size: page, measurer: measurer)
    }

    @Test func boxesDoNotOverlapAndStayOnThePage() {
        let frames = Array(layout.boxFrames.values)
        let bounds = Rect(x: 0, y: 0, width: page.width, height: page.height)
        for (index, frame) in frames.enumerated() {
            #expect(bounds.contains(frame))
            for other in frames[(index + 1)...] { #expect(!frame.intersects(other)) }
        }
    }

    @Test func everyBoxTextFitsInsideItsBox() {
        let layout = self.layout
        for text in layout.scene.texts {
            #expect(layout.boxFrames.values.contains { $0.contains(text.frame) }, "\(text.text.plainText) outside its box")
        }
    }

    @Test func longTextWrapsToTheBoxWidth() throws {
        let diagram = FlowDiagram(columns: 2, boxes: [
            .init("long", RichText(String(repeating: "excluded for a reason ", count: 12)), row: 0, column: 0),
        ], arrows: [])
        let layout = diagram.layout(size: page, measurer: measurer)
        let frame = try #require(layout.boxFrames["long"])
        let text = try #require(layout.scene.texts.first)
        #expect(frame.contains(text.frame))
        #expect(text.frame.height > 3 * 1.2 * 8, "wrapped onto several lines")
    }

    @Test func spanningBoxIsCentredOverItsColumns() throws {
        let frames = layout.boxFrames
        let top = try #require(frames["randomised"]), left = try #require(frames["a"]), right = try #require(frames["b"])
        #expect(abs(top.midX - (left.minX + right.maxX) / 2) < 1e-9)
        #expect(top.maxY < left.minY)
    }

    @Test func arrowsRunFromSourceBottomToTargetTop() throws {
        let diagram = FlowDiagram(columns: 2, arrows: [.init(from: "top", to: "left")]) {
            FlowDiagram.Box("top", "Randomised", row: 0, column: 0, span: 2)
            FlowDiagram.Box("left", "Arm A", row: 1, column: 0)
        }
        let layout = diagram.layout(size: page, measurer: measurer)
        let top = try #require(layout.boxFrames["top"]), left = try #require(layout.boxFrames["left"])
        let shaft = try #require(layout.scene.items.compactMap { item -> [Point]? in
            if case .path(let points, false, _, nil) = item { return points } else { return nil }
        }.first)
        #expect(shaft.first == Point(x: top.midX, y: top.maxY))
        #expect(shaft.count == 4, "a right-angled bend between unaligned boxes")
        #expect(abs(shaft.last!.x - left.midX) < 1e-9 && shaft.last!.y < left.minY)
    }
}

@Suite struct RichTextTests {
    @Test func markupEscapesUserText() {
        let text: RichText = "a < b & \"c\" > 'd'"
        #expect(text.markup(fontSize: 8) == "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;")
    }

    @Test func superscriptRunIsRaisedAndSmaller() {
        let unit: RichText = "10" + .superscript("6") + " cells/kg"
        #expect(unit.plainText == "106 cells/kg")
        #expect(unit.markup(fontSize: 10) == "10<span size=\"7168\" rise=\"3891\">6</span> cells/kg")
    }

    @Test func styledRunsEscapeTheirTextToo() {
        #expect(RichText.bold("<b>").markup(fontSize: 8) == "<b>&lt;b&gt;</b>")
    }
}

@Suite struct PangoTextMeasurerTests {
    let measurer = PangoTextMeasurer()
    let font = Font(family: "Liberation Sans", size: 8)

    @Test func widthGrowsWithTextAndHeightWithLines() {
        let short = measurer.measure("C-peptide", font: font)
        let long = measurer.measure("C-peptide (pmol/L)", font: font)
        let twoLines = measurer.measure("C-peptide\n(pmol/L)", font: font)
        #expect(short.width > 20 && short.width < long.width)
        #expect(abs(twoLines.height - 2 * short.height) < 0.5)
    }

    @Test func lineHeightFollowsTheFontSize() {
        // Liberation Sans: ascent + descent = 1.149 em.
        let height = measurer.measure("Hg", font: font).height
        #expect(abs(height - 1.149 * 8) < 0.3)
    }

    @Test func wrappingKeepsTextWithinTheWidth() {
        let size = measurer.measure(RichText(String(repeating: "word ", count: 40)), font: font, wrapWidth: 100)
        #expect(size.width <= 100)
        #expect(size.height > 5 * 8)
    }

    @Test func chineseAndGreekTextHasWidth() {
        #expect(measurer.measure("空腹 C 肽", font: font).width > 20)
        #expect(measurer.measure("β ≥ µ", font: font).width > 10)
    }
}
