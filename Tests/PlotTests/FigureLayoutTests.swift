import Plot
import Testing

/// Layout checks without rendering: text is measured by `FixedMetricsMeasurer`.
@Suite struct FigureLayoutTests {
    let measurer = FixedMetricsMeasurer()
    let page = Size(width: Length.singleColumn.points, height: Length.millimetres(70).points)

    /// Whether any two frames share area.
    func overlapping(_ frames: [Rect]) -> Bool {
        for (index, frame) in frames.enumerated() where frames[(index + 1)...].contains(where: frame.intersects) { return true }
        return false
    }

    func scatter(categories: [String]? = nil, legend: Figure.LegendPosition = .right) -> Figure {
        Figure(legend: legend) {
            Panel(x: categories.map { .categorical($0, title: "Group") } ?? .linear("Dose (mg)"), y: .linear("Response (%)")) {
                for index in 0..<40 {
                    let x: Coordinate = categories.map { .category($0[index % $0.count]) } ?? .value(Double(index) * 1234.5)
                    PointMark(x: x, y: .value(Double(index % 7) * 13.1 - 20), series: index % 2 == 0 ? "UC-MSC" : "Control")
                }
            }
        }
    }

    @Test func continuousTickLabelsDoNotOverlap() {
        let layout = scatter().layout(size: page, measurer: measurer)
        let panel = layout.panels[0]
        #expect(panel.xTickLabels.count >= 2)
        #expect(!overlapping(panel.xTickLabels.map(\.frame)))
        #expect(!overlapping(panel.yTickLabels.map(\.frame)))
    }

    @Test func longCategoryLabelsTurnAQuarterInsteadOfOverlapping() {
        let categories = (1...8).map { "Participant group number \($0)" }
        let layout = scatter(categories: categories).layout(size: page, measurer: measurer)
        let labels = layout.panels[0].xTickLabels
        #expect(labels.count == categories.count)
        #expect(labels.allSatisfy { $0.quarterTurns == 1 })
        #expect(!overlapping(labels.map(\.frame)))
    }

    @Test func categoryLabelsWrapToTheirBandBeforeTurning() {
        let categories = ["Adult onset group", "Juvenile onset group"]
        let narrow = Size(width: 150, height: 150)
        let layout = scatter(categories: categories, legend: .none).layout(size: narrow, measurer: measurer)
        let labels = layout.panels[0].xTickLabels
        #expect(labels.allSatisfy { $0.quarterTurns == 0 && $0.wrapWidth != nil })
        #expect(labels.allSatisfy { $0.size.height > 1.2 * 7 }, "on more than one line")
        #expect(!overlapping(labels.map(\.frame)))
    }

    @Test func longPanelTitlesWrapWithinThePanel() throws {
        let figure = Figure(legend: .none) {
            Panel(title: "A very long panel title that cannot fit on one line", x: .linear(), y: .linear()) { PointMark(x: 0, y: 0) }
            Panel(title: "Second", x: .linear(), y: .linear()) { PointMark(x: 0, y: 0) }
        }
        let layout = figure.layout(size: Size(width: 200, height: 150), measurer: measurer)
        let title = try #require(layout.scene.texts.first { $0.text.plainText.hasPrefix("A very long") })
        let second = try #require(layout.scene.texts.first { $0.text.plainText == "Second" })
        #expect(!title.frame.intersects(second.frame))
        #expect(title.frame.maxX <= layout.panels[0].plotArea.maxX + 1e-9)
        #expect(title.frame.maxY <= layout.panels[0].plotArea.minY)
    }

    @Test func ruleLabelsThatWouldCollideAreMergedOrMovedApart() {
        let figure = Figure(legend: .none) {
            Panel(x: .linear(limits: 0...100), y: .linear()) {
                PointMark(x: 50, y: 1)
                RuleMark(x: 10, label: "Infusion")
                RuleMark(x: 11, label: "Infusion")
                RuleMark(x: 12, label: "Visit")
            }
        }
        let layout = figure.layout(size: page, measurer: measurer)
        let bandLabels = layout.scene.texts.filter { $0.frame.maxY <= layout.panels[0].plotArea.minY }
        #expect(bandLabels.map(\.text.plainText).sorted() == ["Infusion", "Visit"])
        #expect(!overlapping(bandLabels.map(\.frame)))
    }

    @Test func denseContinuousLabelsAreThinned() {
        let narrow = Size(width: 90, height: 120)
        let layout = scatter().layout(size: narrow, measurer: measurer)
        let labels = layout.panels[0].xTickLabels
        #expect(!labels.isEmpty)
        #expect(!overlapping(labels.map(\.frame)))
    }

    @Test(arguments: [Figure.LegendPosition.right, .top, .bottom])
    func legendStaysOutsideThePanels(position: Figure.LegendPosition) throws {
        let layout = scatter(legend: position).layout(size: page, measurer: measurer)
        let legend = try #require(layout.legendFrame)
        for panel in layout.panels {
            #expect(!legend.intersects(panel.plotArea))
            #expect(!(panel.xTickLabels + panel.yTickLabels).contains { $0.frame.intersects(legend) })
        }
    }

    @Test func everyTextLiesOnThePage() {
        let figures = [scatter(), scatter(categories: ["Adult-onset\n(n = 17)", "Juvenile-onset\n(n = 10)"], legend: .top)]
        for figure in figures {
            let scene = figure.layout(size: page, measurer: measurer).scene
            let bounds = Rect(x: 0, y: 0, width: page.width, height: page.height)
            for text in scene.texts { #expect(bounds.contains(text.frame), "\(text.text.plainText) at \(text.frame)") }
        }
    }

    @Test func yAxisTitleSitsLeftOfTheTickLabels() throws {
        let layout = scatter().layout(size: page, measurer: measurer)
        let title = try #require(layout.scene.texts.first { $0.text.plainText == "Response (%)" })
        #expect(title.quarterTurns == 1)
        let leftmostLabel = try #require(layout.panels[0].yTickLabels.map(\.frame.minX).min())
        #expect(title.frame.maxX <= leftmostLabel)
    }

    @Test func sharedYAxisShowsLabelsOnlyInTheFirstColumnWithEqualPanels() {
        let figure = Figure(sharesY: true, legend: .none) {
            Panel(x: .linear(), y: .categorical(["a", "b"])) { PointMark(x: 1, y: "a") }
            Panel(x: .linear(), y: .categorical(["a", "b"])) { PointMark(x: 5, y: "b") }
        }
        let layout = figure.layout(size: page, measurer: measurer)
        #expect(!layout.panels[0].yTickLabels.isEmpty)
        #expect(layout.panels[1].yTickLabels.isEmpty)
        #expect(abs(layout.panels[0].plotArea.width - layout.panels[1].plotArea.width) < 1e-9)
        #expect(!layout.panels[0].plotArea.intersects(layout.panels[1].plotArea))
    }

    @Test func bracketLabelFitsInsideThePlottingArea() throws {
        let figure = Figure(legend: .none) {
            Panel(x: .categorical(["A", "B"]), y: .linear("Value")) {
                BarMark(x: "A", value: 10)
                BarMark(x: "B", value: 12)
                BracketMark(from: "A", to: "B", y: 12, label: "p = 0.03")
            }
        }
        let layout = figure.layout(size: page, measurer: measurer)
        let label = try #require(layout.scene.texts.first { $0.text.plainText == "p = 0.03" })
        #expect(layout.panels[0].plotArea.contains(label.frame))
    }

    @Test func verticalRuleLabelGoesAboveThePlottingArea() throws {
        let figure = Figure(legend: .none) {
            Panel(title: "Fasting", x: .linear("Month"), y: .linear()) {
                LineMark(points: [(0, 1), (12, 3)])
                RuleMark(x: 3, label: "Infusion")
            }
        }
        let layout = figure.layout(size: page, measurer: measurer)
        let area = layout.panels[0].plotArea
        let label = try #require(layout.scene.texts.first { $0.text.plainText == "Infusion" })
        let title = try #require(layout.scene.texts.first { $0.text.plainText == "Fasting" })
        #expect(label.frame.maxY <= area.minY)
        #expect(!label.frame.intersects(title.frame))
    }

    @Test func seriesSharingABandAreDodgedAndLoneSeriesAreCentred() throws {
        let figure = Figure(legend: .none) {
            Panel(x: .categorical(["A", "B"]), y: .linear()) {
                PointMark(x: "A", y: 1, series: "one", shape: .circle)
                PointMark(x: "A", y: 1, series: "two", shape: .circle)
                PointMark(x: "B", y: 1, series: "two", shape: .circle)
            }
        }
        let layout = figure.layout(size: page, measurer: measurer)
        let centres: [Double] = layout.scene.items.compactMap {
            if case .circle(let centre, _, _, _) = $0 { return centre.x } else { return nil }
        }
        let tickX = layout.panels[0].xTickLabels.map(\.anchorPoint.x)
        #expect(centres.count == 3)
        #expect(centres.filter { abs($0 - tickX[1]) < 1e-9 }.count == 1, "the lone series in B sits on its tick")
        #expect(centres.filter { abs($0 - tickX[0]) < 1e-9 }.isEmpty, "series sharing A are moved apart")
    }

    @Test func jitterIsDeterministicAndWithinTheSlot() {
        let offsets = (0..<1000).map { Jitter.unitOffset(seed: UInt64($0)) }
        #expect(offsets == (0..<1000).map { Jitter.unitOffset(seed: UInt64($0)) })
        #expect(offsets.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(Set(offsets).count == 1000)
    }
}
