import Plot

/// A text measurer with simple, predictable metrics, so layout is tested without Pango:
/// every character is 0.55 em wide, a line is 1.2 em high, `\n` starts a new line and
/// wrapping breaks at whole characters.
struct FixedMetricsMeasurer: TextMeasurer {
    func measure(_ text: RichText, font: Font, wrapWidth: Double?) -> Size {
        let characterWidth = 0.55 * font.size
        var lines = 0
        var widest = 0.0
        for line in text.plainText.split(separator: "\n", omittingEmptySubsequences: false) {
            var width = Double(line.count) * characterWidth
            if let wrapWidth, width > wrapWidth {
                let perLine = max(1, Int(wrapWidth / characterWidth))
                lines += (line.count + perLine - 1) / perLine
                width = Double(perLine) * characterWidth
            } else {
                lines += 1
            }
            widest = max(widest, width)
        }
        return Size(width: widest, height: Double(lines) * 1.2 * font.size)
    }
}
