import Plot

/// The narrowest width at which an inline figure's smallest text is still `minimumTextPixels` high,
/// so a phone scrolls the figure sideways instead of shrinking its text to 4–5 px.
///
/// A figure drawn `width` points wide whose smallest font is `s` points shows that text at
/// `s × shown / width` CSS pixels when scaled to `shown` pixels (1 pt = 4/3 px at 100%, and the
/// SVG's `viewBox` is in points), so the smallest legible width is `minimumTextPixels × width / s`.
enum LegibleFigureWidth {
    /// The smallest text height the HTML page keeps, in CSS pixels.
    static let minimumTextPixels = 9.0

    /// The minimum CSS width of `figure` in pixels, rounded up; `nil` for a figure without text.
    /// - Complexity: that of building the figure's scene once (text is measured, nothing drawn).
    static func pixels(_ figure: ReportFigure, measurer: any TextMeasurer = PangoTextMeasurer()) -> Int? {
        let sizes = figure.drawable.scene(size: figure.size, measurer: measurer).texts.map(\.font.size)
        guard let smallest = sizes.min(), smallest > 0 else { return nil }
        return Int((minimumTextPixels * figure.size.width / smallest).rounded(.up))
    }
}
