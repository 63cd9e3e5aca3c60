/// A Word document (Office Open XML, ISO/IEC 29500 transitional) as the parts of its ZIP package:
/// the body, one page header and one page footer, the styles, embedded PNG images and external
/// links, and the document properties. Every part is written in a fixed order with fixed entry
/// dates (`ZIPArchive`), so the same document gives the same bytes.
struct WordPackage {
    /// The namespaces of the main document, header and footer parts.
    static let namespaces: KeyValuePairs<String, String> = [
        "xmlns:w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "xmlns:r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "xmlns:wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "xmlns:a": "http://schemas.openxmlformats.org/drawingml/2006/main",
        "xmlns:pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    ]
    /// The relationship of the page header, footer and the styles, as sections and parts refer to them.
    static let headerRelationship = "rIdHeader", footerRelationship = "rIdFooter"

    /// The document's title, author tool and date (`YYYY-MM-DDThh:mm:ss`, never the clock).
    var title: String, creator: String, date: String
    /// The styles (`word/styles.xml`).
    var styles: WordStyles
    /// The content of `w:body`, its last section's properties included (XML, UTF-8).
    var body: [UInt8]
    /// The content of the page header (`w:hdr`) and footer (`w:ftr`) (XML, UTF-8).
    var header: [UInt8], footer: [UInt8]
    /// PNG images, `word/media/image<n>.png`, referred to as `WordPackage.imageRelationship(n)`.
    var images: [[UInt8]] = []
    /// External link targets, referred to as `WordPackage.linkRelationship(n)` (1-based).
    var links: [String] = []

    /// The relationship id of the `number`th image (1-based).
    static func imageRelationship(_ number: Int) -> String { "rIdImage\(number)" }
    /// The relationship id of the `number`th external link (1-based).
    static func linkRelationship(_ number: Int) -> String { "rIdLink\(number)" }

    /// The `.docx` file's bytes.
    /// - Complexity: O(size of the parts).
    var bytes: [UInt8] {
        var archive = ZIPArchive()
        archive.add("[Content_Types].xml", contentTypes)
        archive.add("_rels/.rels", packageRelationships)
        archive.add("docProps/core.xml", coreProperties)
        archive.add("word/document.xml", Self.part("w:document") { $0.element("w:body") { $0.raw(body) } })
        archive.add("word/_rels/document.xml.rels", documentRelationships)
        archive.add("word/styles.xml", styles.xml)
        archive.add("word/settings.xml", Self.settings)
        archive.add("word/header1.xml", Self.part("w:hdr") { $0.raw(header) })
        archive.add("word/footer1.xml", Self.part("w:ftr") { $0.raw(footer) })
        for (index, image) in images.enumerated() {
            archive.add("word/media/image\(index + 1).png", image, method: .stored)
        }
        return archive.bytes
    }

    /// A part whose root element `root` holds what `body` writes.
    private static func part(_ root: String, body: (inout XMLWriter) -> Void) -> [UInt8] {
        var xml = XMLWriter()
        xml.element(root, namespaces, body)
        return xml.bytes
    }

    private var contentTypes: [UInt8] {
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        var xml = XMLWriter()
        xml.element("Types", ["xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"]) { xml in
            xml.element("Default", ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"])
            xml.element("Default", ["Extension": "xml", "ContentType": "application/xml"])
            xml.element("Default", ["Extension": "png", "ContentType": "image/png"])
            for (part, type) in [("/word/document.xml", main + "document.main+xml"), ("/word/styles.xml", main + "styles+xml"),
                                 ("/word/settings.xml", main + "settings+xml"), ("/word/header1.xml", main + "header+xml"),
                                 ("/word/footer1.xml", main + "footer+xml"),
                                 ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")] {
                xml.element("Override", ["PartName": part, "ContentType": type])
            }
        }
        return xml.bytes
    }

    private var packageRelationships: [UInt8] {
        Self.relationships([
            ("rIdDocument", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml"),
            ("rIdCore", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        ])
    }

    private var documentRelationships: [UInt8] {
        let type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var entries = [("rIdStyles", type + "styles", "styles.xml"), ("rIdSettings", type + "settings", "settings.xml"),
                       (Self.headerRelationship, type + "header", "header1.xml"), (Self.footerRelationship, type + "footer", "footer1.xml")]
        entries += images.indices.map { (Self.imageRelationship($0 + 1), type + "image", "media/image\($0 + 1).png") }
        return Self.relationships(entries, external: links.enumerated().map { (Self.linkRelationship($0 + 1), type + "hyperlink", $1) })
    }

    private static func relationships(_ entries: [(String, String, String)], external: [(String, String, String)] = []) -> [UInt8] {
        var xml = XMLWriter()
        xml.element("Relationships", ["xmlns": "http://schemas.openxmlformats.org/package/2006/relationships"]) { xml in
            for (id, type, target) in entries {
                xml.element("Relationship", ["Id": id, "Type": type, "Target": target])
            }
            for (id, type, target) in external {
                xml.element("Relationship", ["Id": id, "Type": type, "Target": target, "TargetMode": "External"])
            }
        }
        return xml.bytes
    }

    private var coreProperties: [UInt8] {
        var xml = XMLWriter()
        xml.element("cp:coreProperties", [
            "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/", "xmlns:dcterms": "http://purl.org/dc/terms/",
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        ]) { xml in
            xml.element("dc:title", text: title)
            xml.element("dc:creator", text: creator)
            xml.element("dcterms:created", ["xsi:type": "dcterms:W3CDTF"], text: date + "Z")
            xml.element("dcterms:modified", ["xsi:type": "dcterms:W3CDTF"], text: date + "Z")
        }
        return xml.bytes
    }

    private static let settings: [UInt8] = {
        var xml = XMLWriter()
        xml.element("w:settings", ["xmlns:w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"]) { xml in
            xml.element("w:defaultTabStop", ["w:val": "709"])
            xml.element("w:compat") { xml in
                xml.element("w:compatSetting", ["w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word",
                                                "w:val": "15"])
            }
        }
        return xml.bytes
    }()
}
