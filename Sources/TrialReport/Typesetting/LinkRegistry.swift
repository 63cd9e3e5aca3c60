import CCairo
import Plot

/// Makes links and destinations with Cairo's PDF tags: an internal link (`#anchor`) becomes a
/// link to the named destination of that anchor, when the document has one; `http(s):` and
/// `mailto:` links become URI links; anything else stays plain text.
final class LinkRegistry {
    /// The anchors the document defines (headings, tables, figures).
    let anchors: Set<String>

    init(anchors: Set<String>) {
        self.anchors = anchors
    }

    /// A clickable area over `rect` (user space of the current page) to `destination`.
    func link(to destination: String, rect: Rect, on cairo: OpaquePointer) {
        let target: String
        if destination.hasPrefix("#") {
            let anchor = String(destination.dropFirst())
            guard anchors.contains(anchor) else { return }
            target = "dest='" + Self.quoted(anchor) + "'"
        } else if MarkdownHTMLWriter.isSafeLink(destination), destination.contains(":") {
            target = "uri='" + Self.quoted(destination) + "'"
        } else {
            return
        }
        let area = "rect=[\(rect.minX) \(rect.minY) \(rect.width) \(rect.height)]"
        cairo_tag_begin(cairo, CAIRO_TAG_LINK, target + " " + area)
        cairo_tag_end(cairo, CAIRO_TAG_LINK)
    }

    /// Names the point `at` of the current page as the destination of `anchor`.
    func destination(_ anchor: String, at point: Point, on cairo: OpaquePointer) {
        cairo_tag_begin(cairo, CAIRO_TAG_DEST, "name='" + Self.quoted(anchor) + "' x=\(point.x) y=\(point.y)")
        cairo_tag_end(cairo, CAIRO_TAG_DEST)
    }

    /// A string for a single-quoted Cairo tag attribute: `\` and `'` escaped.
    static func quoted(_ text: String) -> String {
        text.replacing("\\", with: "\\\\").replacing("'", with: "\\'")
    }
}
