import Plot

/// The paper of the PDF report.
public enum PaperSize: String, Sendable, CaseIterable {
    /// ISO A4, 210 × 297 mm (the default).
    case a4
    /// US Letter, 8.5 × 11 in.
    case letter

    /// Width and height of a portrait page in points.
    public var portrait: Size {
        switch self {
        case .a4: Size(width: Length.millimetres(210).points, height: Length.millimetres(297).points)
        case .letter: Size(width: 612, height: 792)
        }
    }

    /// The page size in points, turned a quarter for a landscape page.
    func size(landscape: Bool) -> Size {
        landscape ? Size(width: portrait.height, height: portrait.width) : portrait
    }
}

/// Where text goes on a page: the paper's margins and the footer below the text block.
struct PageGeometry {
    /// The paper.
    var paper: PaperSize
    /// Margin on every side of the text block, in points (20 mm).
    var margin = Length.millimetres(20).points
    /// Distance from the bottom of the text block to the footer's baseline area.
    var footerGap = 14.0

    /// The text block of a portrait or landscape page.
    func textRect(landscape: Bool) -> Rect {
        let size = paper.size(landscape: landscape)
        return Rect(x: margin, y: margin, width: size.width - 2 * margin, height: size.height - 2 * margin - footerGap)
    }
}
