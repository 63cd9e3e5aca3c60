/// The numbers of the tables and figures of a document, in the order it shows them: the first
/// generated table is Table 1, the first figure Figure 1. Templates can be reordered, and
/// sections dropped or added, without a gap or a wrong cross-reference.
public struct ReportNumbering: Sendable, Equatable {
    /// Table numbers by table name.
    public var tables: [String: Int]
    /// Figure numbers by figure name.
    public var figures: [String: Int]

    /// The numbering of `document`: every `[[table:name]]` and `![…](figure:name)` in document
    /// order (inside lists and quotes too); a name shown twice keeps its first number.
    /// - Complexity: O(size of the document).
    public init(_ document: MarkdownDocument) {
        var tables: [String: Int] = [:]
        var figures: [String: Int] = [:]
        document.forEachBlock { block in
            switch block.content {
            case .generatedTable(let name, _) where tables[name] == nil:
                tables[name] = tables.count + 1
            case .figure(let name, _, _) where figures[name] == nil:
                figures[name] = figures.count + 1
            default:
                break
            }
        }
        self.tables = tables
        self.figures = figures
    }
}

extension MarkdownDocument {
    /// Calls `body` with every block in document order, descending into block quotes and list items.
    /// - Complexity: O(number of blocks).
    func forEachBlock(_ body: (MarkdownBlock) -> Void) {
        func visit(_ blocks: [MarkdownBlock]) {
            for block in blocks {
                body(block)
                switch block.content {
                case .blockQuote(let children): visit(children)
                case .list(let list): list.items.forEach(visit)
                default: break
                }
            }
        }
        visit(blocks)
    }
}
