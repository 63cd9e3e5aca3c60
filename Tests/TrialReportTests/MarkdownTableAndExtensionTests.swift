import Testing
@testable import TrialReport

/// The first block of `text` when it is a pipe table.
private func firstTable(_ text: String) -> MarkdownTable? {
    guard case .table(let table)? = markdownBlocks(text).first else { return nil }
    return table
}

@Suite("Markdown: pipe tables and generated content")
struct MarkdownTableAndExtensionTests {
    @Test("a pipe table with header, alignments and body rows")
    func pipeTable() {
        let text = """
        | Arm | n | Rate |
        | :--- | ---: | :---: |
        | UC-MSC | 27 | **40.7%** |
        """
        #expect(markdownBlocks(text) == [.table(MarkdownTable(
            alignments: [.left, .right, .center],
            header: [[.text("Arm")], [.text("n")], [.text("Rate")]],
            rows: [[[.text("UC-MSC")], [.text("27")], [.strong([.text("40.7%")])]]]))])
    }

    @Test("ragged rows are padded or cut to the header's width")
    func raggedRows() throws {
        let table = try #require(firstTable("a | b\n--- | ---\n1\n1 | 2 | 3"))
        #expect(table.alignments == [nil, nil])
        #expect(table.rows == [[[.text("1")], []], [[.text("1")], [.text("2")]]])
    }

    @Test("an escaped pipe stays inside its cell, also in code")
    func escapedPipe() throws {
        let table = try #require(firstTable("| a \\| b | `x \\| y` |\n|---|---|"))
        #expect(table.header == [[.text("a | b")], [.code("x | y")]])
    }

    @Test("a delimiter row with a different cell count is not a table")
    func mismatchedDelimiter() {
        #expect(markdownBlocks("| a | b |\n| --- |") == [
            .paragraph([.text("| a | b |"), .softBreak, .text("| --- |")]),
        ])
    }

    @Test("a table ends at a blank line and can follow a paragraph directly")
    func tableBoundaries() {
        let blocks = markdownBlocks("Intro\n| a |\n|---|\n| 1 |\n\nafter")
        #expect(blocks.count == 3)
        #expect(blocks.last == .paragraph([.text("after")]))
    }

    @Test("a figure reference alone on a line is a figure block, with an optional anchor")
    func figureReference() {
        #expect(markdownBlocks("![Figure 3. Remission *by arm*](figure:remission-rates)") == [
            .figure(name: "remission-rates", caption: [.text("Figure 3. Remission "), .emphasis([.text("by arm")])],
                    anchor: nil),
        ])
        #expect(markdownBlocks("![Flow](figure:consort) {#fig-flow}") == [
            .figure(name: "consort", caption: [.text("Flow")], anchor: "fig-flow"),
        ])
    }

    @Test("a figure reference inside running text is not a figure block")
    func figureInText() {
        #expect(markdownBlocks("See ![x](figure:a) here") == [
            .paragraph([.text("See !"), .link(destination: "figure:a", content: [.text("x")]), .text(" here")]),
        ])
    }

    @Test("[[table:name]] alone on a line is a generated table, with an optional anchor")
    func generatedTable() {
        #expect(markdownBlocks("[[table:baseline]]\n[[table:primary]] {#tab-main}") == [
            .generatedTable(name: "baseline", anchor: nil), .generatedTable(name: "primary", anchor: "tab-main"),
        ])
    }

    @Test("an invalid generated-content name stays text")
    func invalidName() {
        #expect(markdownBlocks("[[table:<bad>]]") == [.paragraph([.text("[[table:<bad>]]")])])
    }

    @Test("anchors are assigned to headings, figures and tables, explicit ones reserved first")
    func assignedAnchors() {
        let document = MarkdownDocument(parsing: """
            # Results
            # Results
            ## Other {#results-2}
            ![F](figure:rates)
            [[table:baseline]]
            """).assigningAnchors()
        let anchors = document.blocks.compactMap { block -> String? in
            switch block.content {
            case .heading(_, _, let anchor), .figure(_, _, let anchor), .generatedTable(_, let anchor): anchor
            default: nil
            }
        }
        #expect(anchors == ["results", "results-3", "results-2", "fig-rates", "tab-baseline"])
    }
}
