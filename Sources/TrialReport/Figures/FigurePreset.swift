import Plot
import TrialAnalysis

/// What a journal preset (`figureStyle.preset` in the plan) fixes: the page width of each column
/// class and the font sizes of every text of a figure.
extension FigureStyle.Preset {
    /// The page width of a figure drawn `width` wide: BMC 85 / 120 / 176 mm, Nature 89 / 120 / 183 mm,
    /// TrialReport's own 85 / 120 / 175 mm.
    public func length(_ width: FigureWidth) -> Length {
        switch (self, width) {
        case (_, .onehalf): .oneAndHalfColumn
        case (.default, _): width.length
        case (.bmc, .single): .millimetres(85)
        case (.bmc, .double): .millimetres(176)
        case (.nature, .single): .millimetres(89)
        case (.nature, .double): .millimetres(183)
        }
    }

    /// The sizes every text of a figure lies within, panel letters apart: at least 8 pt for BMC,
    /// 5–7 pt for Nature, 7–8.5 pt by default.
    public var fontSizes: ClosedRange<Double> {
        switch self {
        case .default: 7...8.5
        case .bmc: 8...9.5
        case .nature: 5...7
        }
    }

    /// The theme with the preset's font sizes; the rest (font, lines, colours) is the journal theme's.
    public var theme: Theme {
        var theme = Theme.journal
        switch self {
        case .default:
            break
        case .bmc:
            (theme.tickLabelSize, theme.axisTitleSize, theme.legendSize, theme.panelTitleSize, theme.annotationSize) = (8, 9, 8, 9.5, 8)
            theme.panelLetterSize = 10
        case .nature:
            (theme.tickLabelSize, theme.axisTitleSize, theme.legendSize, theme.panelTitleSize, theme.annotationSize) = (5.5, 6.5, 6, 7, 5.5)
            theme.panelLetterSize = 8
        }
        return theme
    }
}
