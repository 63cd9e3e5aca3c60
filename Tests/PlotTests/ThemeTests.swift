import Plot
import Testing

@Suite struct ThemeTests {
    @Test func firstSeriesStylesDifferInGreyAsWellAsColour() {
        let styles = (0..<4).map { SeriesStyle.automatic(index: $0, palette: Palette.okabeIto) }
        // The first two series (two arms) must stay apart when printed in greyscale.
        #expect(abs(styles[0].color.greyLevel - styles[1].color.greyLevel) > 0.2)
        #expect(styles[0].filled != styles[1].filled)
        #expect(styles[0].shape != styles[1].shape)
        #expect(styles[0].dash != styles[1].dash)
        #expect(Set(styles.map(\.shape)).count == 4)
    }

    @Test func overriddenSeriesKeepTheirStyleAndOthersStayAutomatic() {
        let custom = SeriesStyle(color: .black, shape: .diamond, filled: false)
        let styles = SeriesStyles(names: ["a", "b"], overrides: ["b": custom], palette: Palette.okabeIto)
        #expect(styles.style(for: "b") == custom)
        #expect(styles.style(for: "a") == SeriesStyle.automatic(index: 0, palette: Palette.okabeIto))
        #expect(styles.style(for: nil) == SeriesStyle.plain)
    }

    @Test func defaultThemeUsesJournalSizes() {
        let theme = Theme.journal
        for size in [theme.tickLabelSize, theme.axisTitleSize, theme.legendSize, theme.panelTitleSize, theme.annotationSize] {
            #expect((7...9).contains(size))
        }
        for width in [theme.axisLineWidth, theme.dataLineWidth] { #expect((0.5...1).contains(width)) }
        #expect(theme.fontFamily == "Liberation Sans")
        #expect(theme.grid == .none)
    }

    @Test func majorGridDrawsOneLightLinePerTick() {
        var theme = Theme.journal
        theme.grid = .major
        let figure = Figure(legend: .none, theme: theme) {
            Panel(x: .linear(), y: .linear()) { PointMark(x: 0, y: 0); PointMark(x: 10, y: 10) }
        }
        let layout = figure.layout(size: Size(width: 240, height: 180), measurer: FixedMetricsMeasurer())
        let gridLines = layout.scene.items.filter {
            if case .path(_, _, let stroke?, _) = $0 { return stroke.color == theme.gridColor } else { return false }
        }
        #expect(gridLines.count == layout.panels[0].x.tickFractions.count + layout.panels[0].y.tickFractions.count)
    }

    @Test func pageSizePresetsAreJournalColumnWidths() {
        #expect(abs(Length.singleColumn.millimetres - 85) < 1e-9)
        #expect(abs(Length.oneAndHalfColumn.millimetres - 120) < 1e-9)
        #expect(abs(Length.doubleColumn.points - 175 / 25.4 * 72) < 1e-9)
    }
}
