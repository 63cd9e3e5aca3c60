/// The styles of a Word document (`word/styles.xml`): Liberation Sans (Arial's metrics) at
/// `bodyPoints`, the report title, Heading 1 to 3, captions, table cells' text (at the TLF
/// package's `TLFTableLayout.points`), table notes, code, the page header and footer, and links;
/// a document refers to them by id ("Heading1").
struct WordStyles {
    /// The font of every text but code.
    static let font = "Liberation Sans"
    /// The font of code.
    static let monospacedFont = "Liberation Mono"

    /// The size of body text, in points.
    var bodyPoints: Int
    /// The space after a body paragraph, in twips.
    var paragraphSpacing: Int

    /// (id, name, size in points, bold, keep with next, outline level, space before and after in twips)
    private var paragraphStyles: [(String, String, Int, Bool, Bool, Int?, Int, Int)] {
        [("Normal", "Normal", bodyPoints, false, false, nil, 0, paragraphSpacing),
         ("Title", "Title", bodyPoints + 8, true, true, nil, 0, 240),
         ("Heading1", "heading 1", bodyPoints + 4, true, true, 0, 360, 120),
         ("Heading2", "heading 2", bodyPoints + 2, true, true, 1, 240, 120),
         ("Heading3", "heading 3", bodyPoints + 1, true, true, 2, 200, 80),
         ("Caption", "caption", bodyPoints, false, false, nil, 120, 120),
         ("TableText", "Table Text", TLFTableLayout.points, false, false, nil, 0, 0),
         ("TableNote", "Table Note", max(7, bodyPoints - 2), false, false, nil, 0, 0),
         ("Code", "Code", max(7, bodyPoints - 1), false, false, nil, 0, 0),
         ("Header", "header", max(7, bodyPoints - 2), false, false, nil, 0, 0),
         ("Footer", "footer", max(7, bodyPoints - 2), false, false, nil, 0, 0)]
    }

    /// The part's XML, UTF-8.
    var xml: [UInt8] {
        var xml = XMLWriter()
        xml.element("w:styles", ["xmlns:w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"]) { xml in
            xml.element("w:docDefaults") { xml in
                xml.element("w:rPrDefault") { xml in
                    xml.element("w:rPr") { xml in
                        xml.element("w:rFonts", ["w:ascii": Self.font, "w:eastAsia": Self.font, "w:hAnsi": Self.font, "w:cs": Self.font])
                        xml.element("w:sz", ["w:val": String(bodyPoints * 2)])
                        xml.element("w:szCs", ["w:val": String(bodyPoints * 2)])
                        xml.element("w:lang", ["w:val": "en-US"])
                    }
                }
                xml.element("w:pPrDefault") { xml in
                    xml.element("w:pPr") { $0.element("w:spacing", ["w:after": "0", "w:line": "240", "w:lineRule": "auto"]) }
                }
            }
            for (id, name, points, bold, keepNext, outline, before, after) in paragraphStyles {
                let attributes: KeyValuePairs<String, String> = id == "Normal"
                    ? ["w:type": "paragraph", "w:default": "1", "w:styleId": id] : ["w:type": "paragraph", "w:styleId": id]
                xml.element("w:style", attributes) { xml in
                    xml.element("w:name", ["w:val": name])
                    if id != "Normal" {
                        xml.element("w:basedOn", ["w:val": "Normal"])
                        xml.element("w:next", ["w:val": "Normal"])
                    }
                    xml.element("w:qFormat")
                    xml.element("w:pPr") { xml in
                        if keepNext { xml.element("w:keepNext") }
                        if id == "Code" { xml.element("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": "F2F2F2"]) }
                        xml.element("w:spacing", ["w:before": String(before), "w:after": String(after)])
                        if let outline { xml.element("w:outlineLvl", ["w:val": String(outline)]) }
                    }
                    xml.element("w:rPr") { xml in
                        if id == "Code" {
                            xml.element("w:rFonts", ["w:ascii": Self.monospacedFont, "w:hAnsi": Self.monospacedFont,
                                                     "w:cs": Self.monospacedFont])
                        }
                        if bold { xml.element("w:b") }
                        xml.element("w:sz", ["w:val": String(points * 2)])
                        xml.element("w:szCs", ["w:val": String(points * 2)])
                    }
                }
            }
            xml.element("w:style", ["w:type": "character", "w:styleId": "Hyperlink"]) { xml in
                xml.element("w:name", ["w:val": "Hyperlink"])
                xml.element("w:rPr") { xml in
                    xml.element("w:color", ["w:val": "1F4E99"])
                    xml.element("w:u", ["w:val": "single"])
                }
            }
        }
        return xml.bytes
    }
}
