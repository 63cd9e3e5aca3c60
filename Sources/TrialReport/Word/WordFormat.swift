/// How a paragraph of a Word document is set (`w:pPr`), written in the order the schema fixes.
struct ParagraphFormat {
    /// A tab stop: its kind ("right", "decimal") and position from the text's left edge, in twips.
    typealias Tab = (kind: String, position: Int)

    var style: String?
    var keepNext = false
    var pageBreakBefore = false
    var tabs: [Tab] = []
    /// Space before and after, in twips.
    var before: Int?, after: Int?
    /// Left indentation and the hanging first line, in twips.
    var indent = 0, hanging = 0
    /// "left", "center", "right" or "both".
    var alignment: String?
    /// The properties of the section this paragraph ends (`w:sectPr`, already XML).
    var section: [UInt8]?

    /// Writes `w:pPr`, or nothing when every property has its default.
    func write(into xml: inout XMLWriter) {
        guard style != nil || keepNext || pageBreakBefore || !tabs.isEmpty || before != nil || after != nil || indent != 0
            || alignment != nil || section != nil else { return }
        xml.element("w:pPr") { xml in
            if let style { xml.element("w:pStyle", ["w:val": style]) }
            if keepNext { xml.element("w:keepNext") }
            if pageBreakBefore { xml.element("w:pageBreakBefore") }
            if !tabs.isEmpty {
                xml.element("w:tabs") { xml in
                    for tab in tabs { xml.element("w:tab", ["w:val": tab.kind, "w:pos": String(tab.position)]) }
                }
            }
            if before != nil || after != nil {
                xml.element("w:spacing", ["w:before": String(before ?? 0), "w:after": String(after ?? 0)])
            }
            if indent != 0 || hanging != 0 {
                xml.element("w:ind", ["w:left": String(indent), "w:hanging": String(hanging)])
            }
            if let alignment { xml.element("w:jc", ["w:val": alignment]) }
            if let section { xml.raw(section) }
        }
    }
}

/// How a run of text is set (`w:rPr`), written in the order the schema fixes.
struct RunFormat {
    var style: String?
    var bold = false, italic = false, superscript = false, monospaced = false
    /// The size in points, or `nil` for the paragraph style's.
    var points: Int?

    /// Writes `w:rPr`, or nothing when every property has its default.
    func write(into xml: inout XMLWriter) {
        guard style != nil || bold || italic || superscript || monospaced || points != nil else { return }
        xml.element("w:rPr") { xml in
            if let style { xml.element("w:rStyle", ["w:val": style]) }
            if monospaced {
                xml.element("w:rFonts", ["w:ascii": WordStyles.monospacedFont, "w:hAnsi": WordStyles.monospacedFont,
                                         "w:cs": WordStyles.monospacedFont])
            }
            if bold { xml.element("w:b") }
            if italic { xml.element("w:i") }
            if let points {
                xml.element("w:sz", ["w:val": String(points * 2)])
                xml.element("w:szCs", ["w:val": String(points * 2)])
            }
            if superscript { xml.element("w:vertAlign", ["w:val": "superscript"]) }
        }
    }
}

extension XMLWriter {
    /// A paragraph set as `format` holding what `content` writes (runs).
    mutating func paragraph(_ format: ParagraphFormat = ParagraphFormat(), _ content: (inout XMLWriter) -> Void = { _ in }) {
        element("w:p") { xml in
            format.write(into: &xml)
            content(&xml)
        }
    }

    /// Whether `text` needs `xml:space="preserve"` for Word to keep its white space as it is:
    /// without it, XML lets an application drop leading and trailing white space and collapse
    /// repeated white space. Most cells need none, and a listing of a million participants has
    /// 280,000 of them (6 MB of attributes).
    static func keepsSpaces(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        let space = UInt8(ascii: " ")
        if first == space || last == space { return true }
        var afterSpace = false
        for byte in text {
            // A carriage return alone is white space too (XML readers turn it into a line feed).
            if byte == UInt8(ascii: "\r") || (byte == space && afterSpace) { return true }
            afterSpace = byte == space
        }
        return false
    }

    /// A run of `text` set as `format`: a tab character as `w:tab`, a line feed (or CR LF) as `w:br`.
    /// Its fixed markup is written as it is (a listing writes hundreds of thousands of runs).
    mutating func run(_ text: String, _ format: RunFormat = RunFormat()) {
        guard !text.isEmpty else { return }
        raw("<w:r>")
        format.write(into: &self)
        var text = text
        text.withUTF8 { utf8 in
            // Tab, line feed and carriage return are ASCII: no byte of another character equals them.
            var start = 0, index = 0
            func flush(_ xml: inout XMLWriter) {
                guard index > start else { return }
                let segment = UnsafeBufferPointer(rebasing: utf8[start..<index])
                xml.raw(Self.keepsSpaces(segment) ? "<w:t xml:space=\"preserve\">" : "<w:t>")
                xml.text(segment)
                xml.raw("</w:t>")
            }
            while index < utf8.count {
                let byte = utf8[index]
                let lineBreak = byte == UInt8(ascii: "\r") && index + 1 < utf8.count && utf8[index + 1] == UInt8(ascii: "\n")
                if byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || lineBreak {
                    flush(&self)
                    raw(byte == UInt8(ascii: "\t") ? "<w:tab/>" : "<w:br/>")
                    index += lineBreak ? 2 : 1
                    start = index
                } else {
                    index += 1
                }
            }
            flush(&self)
        }
        raw("</w:r>")
    }

    /// A field Word and LibreOffice fill in (`PAGE`, `NUMPAGES`), showing `placeholder` until then.
    mutating func field(_ instruction: String, _ format: RunFormat = RunFormat(), placeholder: String = "1") {
        element("w:fldSimple", ["w:instr": " " + instruction + " "]) { $0.run(placeholder, format) }
    }

    /// Section properties (`w:sectPr`): the page header and footer, the page size in twips
    /// (landscape when wider than high), margins and header and footer distances.
    static func section(width: Int, height: Int, margin: Int, headerDistance: Int) -> [UInt8] {
        var xml = XMLWriter(fragment: true)
        xml.element("w:sectPr") { xml in
            xml.element("w:headerReference", ["w:type": "default", "r:id": WordPackage.headerRelationship])
            xml.element("w:footerReference", ["w:type": "default", "r:id": WordPackage.footerRelationship])
            if width > height {
                xml.element("w:pgSz", ["w:w": String(width), "w:h": String(height), "w:orient": "landscape"])
            } else {
                xml.element("w:pgSz", ["w:w": String(width), "w:h": String(height)])
            }
            xml.element("w:pgMar", ["w:top": String(margin), "w:right": String(margin), "w:bottom": String(margin),
                                    "w:left": String(margin), "w:header": String(headerDistance),
                                    "w:footer": String(headerDistance), "w:gutter": "0"])
        }
        return xml.bytes
    }
}
