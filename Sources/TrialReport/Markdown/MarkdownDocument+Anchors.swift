extension MarkdownDocument {
    /// The document with an anchor on every heading, figure and generated table, so that all
    /// writers (HTML, PDF) use the same ids for cross-references.
    ///
    /// Explicit anchors (`{#sec-primary}`) are kept as written and reserved first. Others are made
    /// in document order: a heading gets the slug of its text (`SlugMaker.slug`), a figure
    /// `fig-<name>`, a generated table `tab-<name>`; a repeated id gets "-2", "-3", ….
    /// - Complexity: O(n) in the size of the tree.
    public func assigningAnchors() -> MarkdownDocument {
        var slugs = SlugMaker()
        Self.reserveExplicitAnchors(in: blocks, slugs: &slugs)
        return MarkdownDocument(blocks: Self.assignAnchors(in: blocks, slugs: &slugs))
    }

    private static func reserveExplicitAnchors(in blocks: [MarkdownBlock], slugs: inout SlugMaker) {
        for block in blocks {
            switch block.content {
            case .heading(_, _, let anchor?), .figure(_, _, let anchor?), .generatedTable(_, let anchor?):
                slugs.reserve(anchor)
            case .blockQuote(let children):
                reserveExplicitAnchors(in: children, slugs: &slugs)
            case .list(let list):
                for item in list.items { reserveExplicitAnchors(in: item, slugs: &slugs) }
            default:
                break
            }
        }
    }

    private static func assignAnchors(in blocks: [MarkdownBlock], slugs: inout SlugMaker) -> [MarkdownBlock] {
        blocks.map { block in
            var block = block
            switch block.content {
            case .heading(let level, let content, nil):
                block.content = .heading(level: level, content: content, anchor: slugs.uniqueSlug(content.plainText))
            case .figure(let name, let caption, nil):
                block.content = .figure(name: name, caption: caption, anchor: slugs.uniqueSlug("fig-" + name))
            case .generatedTable(let name, nil):
                block.content = .generatedTable(name: name, anchor: slugs.uniqueSlug("tab-" + name))
            case .blockQuote(let children):
                block.content = .blockQuote(assignAnchors(in: children, slugs: &slugs))
            case .list(var list):
                list.items = list.items.map { assignAnchors(in: $0, slugs: &slugs) }
                block.content = .list(list)
            default:
                break
            }
            return block
        }
    }
}
