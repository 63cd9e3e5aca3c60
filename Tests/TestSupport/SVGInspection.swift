import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What the tests read from an SVG document, parsed with Foundation's `XMLParser`: whether it is
/// well-formed, its elements in order, and its `<text>` elements line by line.
public struct SVGInspection {
    /// One element: its name and attributes.
    public struct Element: Sendable {
        public var name: String
        public var attributes: [String: String]
    }

    /// One line of a `<text>`: its position (`x`, `y` of the `<text>` or of its line `<tspan>`) and
    /// its characters.
    public struct Line: Sendable {
        public var x: Double?
        public var y: Double?
        public var text: String
    }

    /// One `<text>` element: its attributes, lines and inner `<tspan>` elements.
    public struct Text: Sendable {
        public var attributes: [String: String]
        public var lines: [Line]
        /// The `<tspan>` elements inside lines (styled stretches), with the characters of each.
        public var spans: [(attributes: [String: String], text: String)]
        /// Every character of the element, lines joined without a separator.
        public var content: String { lines.map(\.text).joined() }
    }

    /// Whether the document parsed as XML.
    public var parsed: Bool
    /// The parser's error when it did not.
    public var error: String?
    /// Every element in document order, the root first.
    public var elements: [Element]
    /// Every `<text>` element in document order.
    public var texts: [Text]

    /// The document `svg`, parsed.
    public init(_ svg: [UInt8]) {
        let parser = XMLParser(data: Data(svg))
        let reader = Reader()
        parser.delegate = reader
        parsed = parser.parse()
        error = parser.parserError.map { "\($0)" }
        elements = reader.elements
        texts = reader.texts
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var texts: [Text] = []
        /// Names of the open elements inside the current `<text>`, the `<text>` first.
        var open: [String] = []
        /// Whether a styled `<tspan>` (not a line) is open.
        var inSpan = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes))
            if name == "text" {
                texts.append(Text(attributes: attributes, lines: [line(attributes)], spans: []))
                open = ["text"]
            } else if !open.isEmpty {
                if name == "tspan", open.count == 1, attributes["y"] != nil {
                    if texts[texts.count - 1].lines.last.map({ $0.text.isEmpty && $0.y == nil }) == true {
                        texts[texts.count - 1].lines.removeLast()
                    }
                    texts[texts.count - 1].lines.append(line(attributes))
                } else if name == "tspan" {
                    texts[texts.count - 1].spans.append((attributes, ""))
                    inSpan = true
                }
                open.append(name)
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard !open.isEmpty else { return }
            open.removeLast()
            if name == "tspan" { inSpan = false }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !open.isEmpty else { return }
            texts[texts.count - 1].lines[texts[texts.count - 1].lines.count - 1].text += string
            if inSpan { texts[texts.count - 1].spans[texts[texts.count - 1].spans.count - 1].text += string }
        }

        private func line(_ attributes: [String: String]) -> Line {
            Line(x: attributes["x"].flatMap(Double.init), y: attributes["y"].flatMap(Double.init), text: "")
        }
    }
}
