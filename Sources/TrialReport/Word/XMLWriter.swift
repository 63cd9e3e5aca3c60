import Plot

/// An XML document written in order: elements, attributes and text exactly in the order given,
/// so the same calls give the same bytes (no dictionary decides an order). UTF-8, with the XML
/// declaration Office writes; characters XML 1.0 cannot hold (control characters other than tab,
/// line feed and carriage return) are left out.
struct XMLWriter {
    /// The document so far, UTF-8.
    private(set) var bytes: [UInt8]

    /// A document starting with the XML declaration, or a fragment (to go inside another) without.
    init(fragment: Bool = false) {
        bytes = fragment ? [] : Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n".utf8)
    }

    /// An element with `attributes` and the content `body` writes.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ body: (inout XMLWriter) -> Void) {
        open(name, attributes)
        append(">")
        body(&self)
        close(name)
    }

    /// An element with `attributes` holding `content` as text, or empty (`<name/>`) when `content` is nil.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text content: String? = nil) {
        open(name, attributes)
        if var content {
            append(">")
            content.withUTF8 { escape($0, quotes: false) }
            close(name)
        } else {
            append("/>")
        }
    }

    /// Appends the UTF-8 text `content`, escaped, inside the element being written.
    mutating func text(_ content: UnsafeBufferPointer<UInt8>) {
        escape(content, quotes: false)
    }

    /// Appends `xml`, already written (a part of another writer's `fragment`).
    mutating func raw(_ xml: [UInt8]) {
        bytes += xml
    }

    /// Appends `xml`, already written.
    mutating func raw(_ xml: String) {
        append(xml)
    }

    /// Inserts `xml`, already written, at the byte offset `index` of `bytes` (a count taken earlier).
    mutating func insert(_ xml: [UInt8], at index: Int) {
        bytes.insert(contentsOf: xml, at: index)
    }

    private mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        append("<")
        append(name)
        for (key, var value) in attributes {
            append(" ")
            append(key)
            append("=\"")
            value.withUTF8 { escape($0, quotes: true) }
            append("\"")
        }
    }

    private mutating func close(_ name: String) {
        append("</")
        append(name)
        append(">")
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends the UTF-8 text `raw` escaped for XML content, or for an attribute value (`quotes`:
    /// `"` escaped too); characters XML 1.0 forbids are left out (`XMLText`).
    private mutating func escape(_ raw: UnsafeBufferPointer<UInt8>, quotes: Bool) {
        XMLText.append(raw, quotes: quotes, forbidden: .dropped, to: &bytes)
    }
}
