import CCairo

/// Writes a `Scene` as an editable SVG 1.1 document: the second painter of the scenes `CairoPainter`
/// paints, with text as `<text>` elements in named fonts (not glyph outlines) on a white page.
///
/// Text is broken into lines and placed exactly where the PDF shows it: Pango lays it out as for
/// the PDF (`PangoText`, `TextPlacement`), and each line starts at the point and baseline Pango
/// gives it; within a line the viewer sets the characters in the named font (Liberation Sans is
/// metric-compatible with Arial and Helvetica, its fallbacks). Numbers have at most three
/// decimals and nothing depends on the clock or on earlier drawings, so the same scene gives the
/// same bytes. The document has no element ids.
struct SVGPainter {
    /// A 1 × 1 image surface's context: Pango lays text out on it, nothing is drawn.
    private let cairo: OpaquePointer
    private var output = ""
    /// The escaped `font-family` value of each family met so far (`fontFamilies`).
    private var familyAttributes: [String: String] = [:]

    private init(cairo: OpaquePointer) { self.cairo = cairo }

    /// The SVG document of `scene`, UTF-8.
    /// - Complexity: O(n) in the number of items and characters; one Pango layout per text.
    static func document(_ scene: Scene) -> [UInt8] {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo); cairo_surface_destroy(surface) }
        var painter = SVGPainter(cairo: cairo)
        painter.paint(scene)
        return Array(painter.output.utf8)
    }

    private mutating func paint(_ scene: Scene) {
        let width = Self.number(scene.size.width), height = Self.number(scene.size.height)
        output += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(width)pt\" height=\"\(height)pt\""
        output += " viewBox=\"0 0 \(width) \(height)\" stroke-miterlimit=\"10\">\n"
        output += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        for item in scene.items {
            switch item {
            case .path(let points, let closed, let stroke, let fill):
                guard let first = points.first, stroke != nil || fill != nil else { continue }
                output += "<path d=\"M" + Self.number(first.x) + " " + Self.number(first.y)
                for point in points.dropFirst() { output += "L" + Self.number(point.x) + " " + Self.number(point.y) }
                output += closed ? "Z\"" : "\""
                paintAttributes(fill: fill, stroke: stroke)
            case .circle(let center, let radius, let stroke, let fill):
                guard stroke != nil || fill != nil else { continue }
                output += "<circle cx=\"\(Self.number(center.x))\" cy=\"\(Self.number(center.y))\" r=\"\(Self.number(radius))\""
                paintAttributes(fill: fill, stroke: stroke)
            case .text(let text):
                draw(text)
            }
        }
        output += "</svg>\n"
    }

    /// The fill and stroke attributes, then the end of the empty element.
    private mutating func paintAttributes(fill: Color?, stroke: Stroke?) {
        if let fill {
            output += " fill=\"\(Self.hex(fill))\"" + Self.opacity("fill-opacity", fill)
        } else {
            output += " fill=\"none\""
        }
        if let stroke {
            output += " stroke=\"\(Self.hex(stroke.color))\"" + Self.opacity("stroke-opacity", stroke.color)
            output += " stroke-width=\"\(Self.number(stroke.width))\""
            if !stroke.dash.isEmpty {
                output += " stroke-dasharray=\"" + stroke.dash.map(Self.number).joined(separator: " ") + "\""
            }
        }
        output += "/>\n"
    }

    /// One `<text>` element: one line as its content, several lines as one `<tspan>` each.
    private mutating func draw(_ text: SceneText) {
        guard !text.text.isEmpty else { return }
        let layout = PangoText.layout(on: cairo, text: text.text, font: text.font, wrapWidth: text.wrapWidth,
                                      alignment: text.alignment)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let placement = TextPlacement(text, logical: PangoText.logicalExtents(layout))
        let characters = Array(String(cString: pango_layout_get_text(layout)!).utf8)
        let lines = PangoText.lines(layout)
        // Line positions are in the translated (and turned) space when the text reads upwards.
        let shift = placement.readsUpwards ? Point(x: 0, y: 0) : placement.translation
        func position(_ line: PangoLine) -> String {
            "x=\"\(Self.number(shift.x + placement.layoutOrigin.x + line.x))\" "
                + "y=\"\(Self.number(shift.y + placement.layoutOrigin.y + line.baseline))\""
        }

        output += "<text"
        if lines.count == 1 { output += " " + position(lines[0]) }
        let family = familyAttributes[text.font.family] ?? Self.escaped(Self.fontFamilies(text.font.family))
        familyAttributes[text.font.family] = family
        output += " font-family=\"\(family)\""
        output += " font-size=\"\(Self.number(text.font.size))\""
        if text.font.bold { output += " font-weight=\"bold\"" }
        output += " fill=\"\(Self.hex(text.color))\"" + Self.opacity("fill-opacity", text.color)
        if placement.readsUpwards {
            output += " transform=\"translate(\(Self.number(placement.translation.x)) "
                + "\(Self.number(placement.translation.y))) rotate(-90)\""
        }
        output += " xml:space=\"preserve\">"
        let runs = StyledRange.ranges(of: text.text)
        for line in lines {
            if lines.count > 1 { output += "<tspan " + position(line) + ">" }
            writeLine(characters, line: line, runs: runs, fontSize: text.font.size)
            if lines.count > 1 { output += "</tspan>" }
        }
        output += "</text>\n"
    }

    /// The characters of `line`, each styled stretch in a `<tspan>`; super- and subscripts are
    /// smaller and shifted by `dy`, and the text after them shifted back.
    private mutating func writeLine(_ characters: [UInt8], line: PangoLine, runs: [StyledRange], fontSize: Double) {
        var rise = 0
        let lineEnd = min(line.start + line.length, characters.count)
        for run in runs where run.end > line.start && run.start < lineEnd {
            let bytes = characters[max(run.start, line.start)..<min(run.end, lineEnd)]
            let content = Self.escaped(String(decoding: bytes, as: UTF8.self).filter { !$0.isNewline })
            guard !content.isEmpty else { continue }
            let runRise = run.style.rise(fontSize: fontSize)
            var attributes = ""
            if runRise != rise { attributes += " dy=\"\(Self.number(Double(rise - runRise) / 1024))\"" }
            rise = runRise
            switch run.style {
            case .normal: break
            case .superscript, .subscript:
                attributes += " font-size=\"\(Self.number(Double(RichText.Style.scriptSize(fontSize: fontSize)) / 1024))\""
            case .italic: attributes += " font-style=\"italic\""
            case .bold: attributes += " font-weight=\"bold\""
            }
            output += attributes.isEmpty ? content : "<tspan" + attributes + ">" + content + "</tspan>"
        }
    }

    /// The CSS font-family list for `family`: the family itself, then common fonts of the same
    /// metrics and kind (Arial and Helvetica for a sans-serif), then the generic family.
    static func fontFamilies(_ family: String) -> String {
        let name = family.lowercased()
        let fallbacks = name.contains("mono") || name.contains("courier") ? ["Courier New", "Courier", "monospace"]
            : name.contains("serif") && !name.contains("sans") ? ["Times New Roman", "Times", "serif"]
            : ["Arial", "Helvetica", "sans-serif"]
        var quoted = "'"
        for character in family {
            if character == "\\" || character == "'" { quoted.append("\\") }
            quoted.append(character)
        }
        quoted.append("'")
        return ([quoted] + fallbacks.filter { $0 != family }.map { $0.contains(" ") ? "'\($0)'" : $0 })
            .joined(separator: ", ")
    }

    /// `value` with at most three decimals, trailing zeros dropped, no exponent: `12.5`, `-0.125`, `3`.
    static func number(_ value: Double) -> String {
        let thousandths = (value * 1000).rounded()
        guard thousandths.isFinite, abs(thousandths) < 1e15 else { return "0" }
        let magnitude = Int(abs(thousandths))
        var text = (thousandths < 0 && magnitude != 0 ? "-" : "") + String(magnitude / 1000)
        var fraction = magnitude % 1000
        if fraction != 0 {
            var digits = 3
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let decimals = String(fraction)
            text += "." + String(repeating: "0", count: digits - decimals.count) + decimals
        }
        return text
    }

    /// `#rrggbb` of an sRGB colour.
    static func hex(_ color: Color) -> String {
        String(unsafeUninitializedCapacity: 7) { text in
            func digit(_ value: Int) -> UInt8 { UInt8(value < 10 ? 0x30 + value : 0x57 + value) }  // 0-9, a-f
            text[0] = UInt8(ascii: "#")
            for (index, component) in [color.red, color.green, color.blue].enumerated() {
                let byte = Int((min(max(component, 0), 1) * 255).rounded())
                text[1 + 2 * index] = digit(byte / 16)
                text[2 + 2 * index] = digit(byte % 16)
            }
            return 7
        }
    }

    /// The opacity attribute `name` of a translucent colour; empty for an opaque one.
    private static func opacity(_ name: String, _ color: Color) -> String {
        color.alpha < 1 ? " \(name)=\"\(number(max(color.alpha, 0)))\"" : ""
    }

    /// `text` safe in XML content and in double-quoted attributes (`XMLText`), forbidden
    /// characters as U+FFFD.
    static func escaped(_ text: String) -> String {
        XMLText.escaped(text, quotes: true, forbidden: .replaced)
    }
}

/// The bytes of a Pango layout's text that one `RichText` run set.
private struct StyledRange {
    var start: Int
    var end: Int
    var style: RichText.Style

    /// The runs of `text`, in order, as byte ranges of its layout text (`Run.layoutText`).
    static func ranges(of text: RichText) -> [StyledRange] {
        var start = 0
        return text.runs.map { run in
            defer { start += run.layoutText.utf8.count }
            return StyledRange(start: start, end: start + run.layoutText.utf8.count, style: run.style)
        }
    }
}
