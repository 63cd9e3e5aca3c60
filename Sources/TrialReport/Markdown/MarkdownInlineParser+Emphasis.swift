extension MarkdownInlineParser {
    /// The delimiter stacks of one context: the paragraph, or the text of one link (emphasis does
    /// not cross a link's boundary).
    private struct OpenerStacks {
        /// Open runs of `*` (index 0) and `_` (index 1), indices into `runs`, innermost last.
        var stacks: [[Int]] = [[], []]

        static func slot(_ character: UInt8) -> Int { character == UInt8(ascii: "*") ? 0 : 1 }
    }

    /// Pairs closing runs with the nearest open run of the same character: two characters make
    /// strong emphasis when both runs have two left, else one makes emphasis. Openers of the other
    /// character between the pair are dropped, so matches always nest.
    /// - Complexity: O(tokens + delimiter characters), amortised.
    mutating func matchEmphasis() {
        var contexts = [OpenerStacks()]
        var nextID = 0
        for token in tokens {
            switch token {
            case .linkStart:
                contexts.append(OpenerStacks())
            case .linkEnd:
                if contexts.count > 1 { contexts.removeLast() }
            case .delimiter(let closer):
                let same = OpenerStacks.slot(runs[closer].character), other = 1 - same
                let context = contexts.count - 1
                while runs[closer].canClose, runs[closer].remaining > 0,
                      let opener = contexts[context].stacks[same].last {
                    while let last = contexts[context].stacks[other].last, last > opener {
                        contexts[context].stacks[other].removeLast()
                    }
                    let use = min(runs[opener].remaining, runs[closer].remaining) >= 2 ? 2 : 1
                    let match = Match(isStrong: use == 2, id: nextID)
                    nextID += 1
                    runs[opener].opens.append(match)
                    runs[closer].closes.append(match)
                    runs[opener].remaining -= use
                    runs[closer].remaining -= use
                    if runs[opener].remaining == 0 { contexts[context].stacks[same].removeLast() }
                }
                if runs[closer].canOpen, runs[closer].remaining > 0 { contexts[context].stacks[same].append(closer) }
            default:
                break
            }
        }
    }

    /// The inline tree from the tokens and matches. Adjacent texts are merged.
    /// - Complexity: O(tokens).
    func build() -> [MarkdownInline] {
        var builder = InlineTreeBuilder()
        for token in tokens {
            switch token {
            case .text(let text): builder.appendText(text)
            case .code(let code): builder.append(.code(code))
            case .superscript(let text): builder.append(.superscript(text))
            case .softBreak: builder.append(.softBreak)
            case .lineBreak: builder.append(.lineBreak)
            case .linkStart(let destination): builder.open(.link(destination))
            case .linkEnd: builder.close()
            case .delimiter(let index):
                let run = runs[index]
                let character = String(UnicodeScalar(run.character))
                for match in run.closes { builder.closeEmphasis(match, character: character) }
                builder.appendText(String(repeating: character, count: run.remaining))
                for match in run.opens.reversed() { builder.openEmphasis(match, character: character) }
            }
        }
        return builder.finish()
    }
}

/// A stack of open containers (emphasis, strong, link) while the inline tree is built.
private struct InlineTreeBuilder {
    enum Container {
        case root, emphasis, strong
        case link(String)
    }

    private var frames: [(container: Container, children: [MarkdownInline])] = [(.root, [])]
    /// Text not yet added to the innermost frame, so adjacent texts join without copying.
    private var pendingText = ""
    private var emphasisDepth = 0
    private var droppedMatches: Set<Int> = []

    mutating func append(_ inline: MarkdownInline) {
        flushText()
        frames[frames.count - 1].children.append(inline)
    }

    mutating func appendText(_ text: String) {
        pendingText += text
    }

    private mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        frames[frames.count - 1].children.append(.text(pendingText))
        pendingText = ""
    }

    mutating func open(_ container: Container) {
        flushText()
        frames.append((container, []))
    }

    /// Opens emphasis for `match`, or writes its delimiters as text beyond the nesting bound.
    mutating func openEmphasis(_ match: MarkdownInlineParser.Match, character: String) {
        guard emphasisDepth < MarkdownDocument.maximumInlineNesting else {
            droppedMatches.insert(match.id)
            appendText(String(repeating: character, count: match.isStrong ? 2 : 1))
            return
        }
        emphasisDepth += 1
        open(match.isStrong ? .strong : .emphasis)
    }

    mutating func closeEmphasis(_ match: MarkdownInlineParser.Match, character: String) {
        if droppedMatches.contains(match.id) {
            appendText(String(repeating: character, count: match.isStrong ? 2 : 1))
        } else {
            emphasisDepth -= 1
            close()
        }
    }

    /// Closes the innermost container and adds it to its parent.
    mutating func close() {
        flushText()
        guard frames.count > 1, let frame = frames.popLast() else { return }
        switch frame.container {
        case .root: append(.text(frame.children.plainText))
        case .emphasis: append(.emphasis(frame.children))
        case .strong: append(.strong(frame.children))
        case .link(let destination): append(.link(destination: destination, content: frame.children))
        }
    }

    mutating func finish() -> [MarkdownInline] {
        while frames.count > 1 { close() }
        flushText()
        return frames[0].children
    }
}
