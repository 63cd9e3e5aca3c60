import TrialData

/// Turns lines into blocks. Containers (block quotes, list items) parse their content with a
/// depth one larger; at `MarkdownDocument.maximumNesting` their markers are no longer recognised
/// and stay paragraph text, which bounds both the recursion and the work per line.
struct MarkdownBlockParser {
    let file: String

    /// The blocks of `lines` at nesting `depth`.
    /// - Complexity: O(total length of `lines`) at this level.
    func parseBlocks(_ lines: ArraySlice<MarkdownLine>, depth: Int) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var index = lines.startIndex
        while index < lines.endIndex {
            let line = lines[index]
            if line.isBlank {
                index += 1
                continue
            }
            let start = line.withoutIndentation
            let location = SourceLocation(file: file, line: start.number, column: start.column)
            let (content, next) = parseBlock(at: index, in: lines, depth: depth)
            blocks.append(MarkdownBlock(content, at: location))
            index = next
        }
        return blocks
    }

    /// The block starting at the non-blank line `index`, and the index of the line after it.
    private func parseBlock(at index: Int, in lines: ArraySlice<MarkdownLine>,
                            depth: Int) -> (MarkdownBlock.Content, Int) {
        let line = lines[index]
        let content = line.content
        if let fence = MarkdownLineSyntax.fenceOpening(content) {
            return parseFencedCode(fence, at: index, in: lines)
        }
        if let heading = MarkdownLineSyntax.heading(content) {
            return (.heading(level: heading.level, content: MarkdownInlineParser.parse(heading.text),
                             anchor: heading.anchor), index + 1)
        }
        if MarkdownLineSyntax.isThematicBreak(content) {
            return (.thematicBreak, index + 1)
        }
        if depth < MarkdownDocument.maximumNesting {
            if content.first == ">" {
                return parseBlockQuote(at: index, in: lines, depth: depth)
            }
            if let marker = MarkdownListMarker(line) {
                return parseList(marker, at: index, in: lines, depth: depth)
            }
        }
        if let figure = MarkdownLineSyntax.figureReference(content) {
            return (.figure(name: figure.name, caption: MarkdownInlineParser.parse(figure.caption),
                            anchor: figure.anchor), index + 1)
        }
        if let table = MarkdownLineSyntax.generatedTableReference(content) {
            return (.generatedTable(name: table.name, anchor: table.anchor), index + 1)
        }
        if index + 1 < lines.endIndex,
           let alignments = MarkdownPipeTable.startsTable(header: content, delimiter: lines[index + 1].text) {
            return parseTable(alignments, at: index, in: lines, depth: depth)
        }
        return parseParagraph(at: index, in: lines, depth: depth)
    }

    /// Whether the non-blank line `index` starts a block that ends a paragraph or table.
    func interruptsParagraph(at index: Int, in lines: ArraySlice<MarkdownLine>, depth: Int) -> Bool {
        let content = lines[index].content
        if MarkdownLineSyntax.fenceOpening(content) != nil || MarkdownLineSyntax.heading(content) != nil
            || MarkdownLineSyntax.isThematicBreak(content)
            || MarkdownLineSyntax.figureReference(content) != nil
            || MarkdownLineSyntax.generatedTableReference(content) != nil {
            return true
        }
        if depth < MarkdownDocument.maximumNesting {
            if content.first == ">" { return true }
            if let marker = MarkdownListMarker(lines[index]), marker.canInterruptParagraph { return true }
        }
        return index + 1 < lines.endIndex
            && MarkdownPipeTable.startsTable(header: content, delimiter: lines[index + 1].text) != nil
    }

    private func parseParagraph(at index: Int, in lines: ArraySlice<MarkdownLine>,
                                depth: Int) -> (MarkdownBlock.Content, Int) {
        var text = String(lines[index].content)
        var next = index + 1
        while next < lines.endIndex, !lines[next].isBlank, !interruptsParagraph(at: next, in: lines, depth: depth) {
            text += "\n" + lines[next].content
            next += 1
        }
        return (.paragraph(MarkdownInlineParser.parse(Substring(text).trimmingTrailingSpaces)), next)
    }

    private func parseFencedCode(_ fence: (marker: Character, length: Int, info: Substring), at index: Int,
                                 in lines: ArraySlice<MarkdownLine>) -> (MarkdownBlock.Content, Int) {
        let indentation = lines[index].indentation
        var code: [Substring] = []
        var next = index + 1
        while next < lines.endIndex {
            let line = lines[next]
            next += 1
            if MarkdownLineSyntax.closesFence(line.content, marker: fence.marker, length: fence.length) { break }
            code.append(line.droppingIndentation(upTo: indentation).text)
        }
        let language = fence.info.prefix { $0 != " " && $0 != "\t" }
        let text = code.joined(separator: "\n") + (code.isEmpty ? "" : "\n")
        return (.codeBlock(language: language.isEmpty ? nil : String(language), code: text), next)
    }

    private func parseBlockQuote(at index: Int, in lines: ArraySlice<MarkdownLine>,
                                 depth: Int) -> (MarkdownBlock.Content, Int) {
        var quoted: [MarkdownLine] = []
        var next = index
        while next < lines.endIndex, lines[next].content.first == ">" {
            var line = lines[next].withoutIndentation.dropping(1)
            if line.text.first == " " { line = line.dropping(1) }
            quoted.append(line)
            next += 1
        }
        return (.blockQuote(parseBlocks(quoted[...], depth: depth + 1)), next)
    }

    private func parseTable(_ alignments: [MarkdownTable.Alignment?], at index: Int,
                            in lines: ArraySlice<MarkdownLine>, depth: Int) -> (MarkdownBlock.Content, Int) {
        let width = alignments.count
        func row(_ line: MarkdownLine) -> [[MarkdownInline]] {
            let cells = MarkdownPipeTable.cells(line.text).prefix(width)
            return cells.map { MarkdownInlineParser.parse(Substring($0)) }
                + Array(repeating: [], count: width - cells.count)
        }
        let header = row(lines[index])
        var rows: [[[MarkdownInline]]] = []
        var next = index + 2
        while next < lines.endIndex, !lines[next].isBlank, !interruptsParagraph(at: next, in: lines, depth: depth) {
            rows.append(row(lines[next]))
            next += 1
        }
        return (.table(MarkdownTable(alignments: alignments, header: header, rows: rows)), next)
    }
}
