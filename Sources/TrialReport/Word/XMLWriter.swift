import Plot

/// An XML document written in order: elements, attributes and text exactly in the order given,
/// so the same calls give the same bytes (no dictionary decides an order). UTF-8, with the XML
/// declaration Office writes; characters XML 1.0 cannot hold (control characters other than tab,
/// line feed and carriage return) are left out.
struct XMLWriter {
    /// The document so far.
    private(set) var text: String

    /// A document starting with the XML declaration, or a fragment (to go inside another) without.
    init(fragment: Bool = false) {
        text = fragment ? "" : "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    }

    /// An element with `attributes` and the content `body` writes.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ body: (inout XMLWriter) -> Void) {
        open(name, attributes)
        text += ">"
        body(&self)
        text += "</" + name + ">"
    }

    /// An element with `attributes` holding `content` as text, or empty (`<name/>`) when `content` is nil.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text content: String? = nil) {
        open(name, attributes)
        if let content {
            text += ">" + Self.escaped(content, quotes: false) + "</" + name + ">"
        } else {
            text += "/>"
        }
    }

    /// Appends `xml`, already written (a part of another writer's `fragment`).
    mutating func raw(_ xml: String) {
        text += xml
    }

    /// Inserts `xml`, already written, at `index` of `text` (an index taken earlier).
    mutating func insert(_ xml: String, at index: String.Index) {
        text.insert(contentsOf: xml, at: index)
    }

    private mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        text += "<" + name
        for (key, value) in attributes {
            text += " " + key + "=\"" + Self.escaped(value, quotes: true) + "\""
        }
    }

    /// `raw` text escaped for XML content, or for an attribute value (`quotes`: `"` escaped too);
    /// characters XML 1.0 forbids are left out (`XMLText`).
    static func escaped(_ raw: String, quotes: Bool) -> String {
        XMLText.escaped(raw, quotes: quotes, forbidden: .dropped)
    }
}
