/// How the figures look, the plan's `figureStyle` key: a journal's column widths and font sizes,
/// panel letters, and whether each figure's note (method, abbreviations) is drawn in the image or
/// left to the caption.
public struct FigureStyle: Sendable, Hashable {
    /// A journal's figure rules: column widths and the range of font sizes.
    public enum Preset: String, Sendable, Hashable, CaseIterable {
        /// TrialReport's own: 85 / 120 / 175 mm columns, 7–8.5 pt text.
        case `default`
        /// BMC journals (e.g. Stem Cell Research & Therapy): 85 / 176 mm columns, text at least 8 pt.
        case bmc
        /// Nature journals: 89 / 183 mm columns, text 5–7 pt.
        case nature
    }

    /// Where a figure's note goes.
    public enum NotePlacement: String, Sendable, Hashable, CaseIterable {
        /// Drawn under the figure, in the image (the default).
        case image
        /// Left out of the image; the report's caption carries it.
        case caption
    }

    /// The journal preset.
    public var preset: Preset
    /// Whether each panel of a multi-panel figure gets a bold letter (A, B, C …) at its top left.
    public var panelLetters: Bool
    /// Where each figure's note goes.
    public var notes: NotePlacement

    /// A style; the defaults draw the figures as TrialReport always has.
    public init(preset: Preset = .default, panelLetters: Bool = false, notes: NotePlacement = .image) {
        self.preset = preset
        self.panelLetters = panelLetters
        self.notes = notes
    }
}
