import Testing
import TrialData
@testable import TrialReport

/// The items of the first block of `text`, which must be a list, as the content of their blocks.
private func listItems(_ text: String) -> (list: MarkdownList?, items: [[MarkdownBlock.Content]]) {
    guard case .list(let list)? = markdownBlocks(text).first else { return (nil, []) }
    return (list, list.items.map { $0.map(\.content) })
}

@Suite("Markdown: lists")
struct MarkdownListTests {
    @Test("a bullet list of tight items")
    func bulletList() {
        let (list, items) = listItems("- one\n- two\n- three")
        #expect(list?.start == nil)
        #expect(list?.isTight == true)
        #expect(items == [[.paragraph([.text("one")])], [.paragraph([.text("two")])], [.paragraph([.text("three")])]])
    }

    @Test("a numbered list keeps its first number")
    func numberedList() {
        let (list, items) = listItems("3. three\n4. four")
        #expect(list?.start == 3)
        #expect(items.count == 2)
    }

    @Test("blank lines between items make the list loose")
    func looseList() {
        #expect(listItems("- a\n\n- b").list?.isTight == false)
    }

    @Test("an indented list inside an item is a nested list")
    func nestedList() {
        let (_, items) = listItems("- Blood\n  - Anaemia\n  - Neutropenia\n- Skin")
        #expect(items.count == 2)
        guard case .list(let nested)? = items.first?.last else {
            Issue.record("expected a nested list")
            return
        }
        #expect(nested.items.map { $0.map(\.content) } == [[.paragraph([.text("Anaemia")])], [.paragraph([.text("Neutropenia")])]])
    }

    @Test("a lazy continuation line belongs to the item's paragraph")
    func lazyContinuation() {
        #expect(listItems("- first line\nsecond line").items == [[.paragraph([.text("first line"), .softBreak, .text("second line")])]])
    }

    @Test("a different bullet starts a new list")
    func differentBullet() {
        #expect(markdownBlocks("- a\n+ b").count == 2)
    }

    @Test("'- - -' is a thematic break, '-1.5' is text")
    func notListItems() {
        #expect(markdownBlocks("- - -") == [.thematicBreak])
        #expect(markdownBlocks("-1.5 is negative") == [.paragraph([.text("-1.5 is negative")])])
    }

    @Test("blocks inside items keep their line and column in the source")
    func locationsInItems() {
        guard case .list(let list)? = MarkdownDocument(parsing: "- a\n\n  b\n10. c", file: "t.md").blocks.first?.content else {
            Issue.record("expected a list")
            return
        }
        #expect(list.items.first?.map(\.location.description) == ["t.md:1:3", "t.md:3:3"])
    }

    @Test("an empty item is allowed")
    func emptyItem() {
        #expect(listItems("-\n- b").items == [[], [.paragraph([.text("b")])]])
    }

    @Test("lists nest up to the bound; deeper markers stay text")
    func nestingBound() {
        let depth = MarkdownDocument.maximumNesting + 3
        let text = (0..<depth).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(separator: "\n")
        var blocks = MarkdownDocument(parsing: text).blocks
        var levels = 0
        while case .list(let list)? = blocks.last?.content {
            levels += 1
            blocks = list.items.first ?? []
        }
        #expect(levels == MarkdownDocument.maximumNesting)
        guard case .paragraph(let inlines)? = blocks.first?.content, blocks.count == 1 else {
            Issue.record("expected the deepest content as one paragraph")
            return
        }
        #expect(inlines.plainText.contains("- level \(MarkdownDocument.maximumNesting)"))
    }

    @Test("block quotes nest up to the bound; deeper markers stay text")
    func quoteNestingBound() {
        let text = String(repeating: ">", count: 100) + " deep"
        var blocks = MarkdownDocument(parsing: text).blocks
        var levels = 0
        while case .blockQuote(let children)? = blocks.first?.content {
            levels += 1
            blocks = children
        }
        #expect(levels == MarkdownDocument.maximumNesting)
        #expect(blocks.first?.content == .paragraph([.text(String(repeating: ">", count: 100 - levels) + " deep")]))
    }
}
