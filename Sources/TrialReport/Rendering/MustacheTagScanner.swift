/// Finds the tags of a Mustache template the way the Mustache library's parser reads them,
/// following set-delimiter tags (`{{=<% %>=}}`), so that the partials a template includes and how
/// deeply its sections nest can be checked before the library parses or renders it (its parser
/// and renderer recurse once per nested section and partial, without limit).
///
/// The scan stops at the first tag the library would refuse: such a template is reported as a
/// syntax error by the library.
///
/// - Complexity: O(*n*·*d*) for a text of *n* characters and delimiters of *d* characters.
struct MustacheTagScanner {
    /// One tag: `{{> name}}`, `{{#name}}`…
    struct Tag: Equatable {
        /// What the tag does.
        enum Kind: Equatable {
            /// `{{> name}}`: includes a partial.
            case partial
            /// `{{< name}}…{{/name}}`: includes a partial whose blocks it overrides; opens a section.
            case parent
            /// `{{#name}}`, `{{^name}}`, `{{$name}}`: opens a section.
            case section
            /// `{{/name}}`: closes a section.
            case close
            /// A variable, comment, pragma or set-delimiter tag.
            case other
        }

        var kind: Kind
        /// The name; for partials without the `*` of a dynamic name.
        var name: String
        /// Whether a partial's name is looked up in the data (`{{>*name}}`, `{{<*name}}`).
        var isDynamic: Bool
        /// The line and column (in characters, 1-based) of the tag's start delimiter.
        var line: Int
        var column: Int
    }

    private let characters: [Character]
    private var position = 0
    private var start: [Character] = ["{", "{"]
    private var end: [Character] = ["}", "}"]

    private init(_ text: String) {
        characters = Array(text)
    }

    /// The tags of `text`, in order.
    static func tags(in text: String) -> [Tag] {
        var scanner = MustacheTagScanner(text)
        var tags: [Tag] = []
        var line = 1
        var lineStart = 0
        var counted = 0
        while let open = scanner.nextStartDelimiter() {
            for index in counted..<open where scanner.characters[index].isNewline {
                line += 1
                lineStart = index + 1
            }
            counted = open
            guard var tag = scanner.readTag() else { break }
            tag.line = line
            tag.column = open - lineStart + 1
            tags.append(tag)
        }
        return tags
    }

    /// Moves past the next start delimiter. - Returns: where it starts.
    private mutating func nextStartDelimiter() -> Int? {
        while position + start.count <= characters.count {
            if characters[position..<position + start.count].elementsEqual(start) {
                defer { position += start.count }
                return position
            }
            position += 1
        }
        return nil
    }

    /// The tag after a start delimiter, or `nil` where the library's parser would fail.
    private mutating func readTag() -> Tag? {
        guard position < characters.count else { return nil }
        let sigil = characters[position]
        var tag = Tag(kind: .other, name: "", isDynamic: false, line: 0, column: 0)
        switch sigil {
        case "!":
            position += 1
            return skipComment() ? tag : nil
        case "=":
            position += 1
            return setDelimiters() ? tag : nil
        case ">", "<":
            position += 1
            skipWhitespace()
            if sigil == ">", current == "*" { position += 1; tag.isDynamic = true }
            tag.name = read(while: Self.partialNameCharacters)
            if sigil == "<", tag.name.hasPrefix("*") { tag.name.removeFirst(); tag.isDynamic = true }
            tag.kind = sigil == ">" ? .partial : .parent
            return readEnd() ? tag : nil
        case "#", "^", "$", "/", "&", "{":
            position += 1
            tag.kind = sigil == "/" ? .close : "#^$".contains(sigil) ? .section : .other
        case "%":
            position += 1
            return skipComment() ? tag : nil
        default:
            break
        }
        skipWhitespace()
        tag.name = read(while: Self.nameCharacters)
        guard readEnd() else { return nil }
        if sigil == "{" {
            guard current == "}" else { return nil }
            position += 1
        }
        return tag
    }

    private var current: Character? { position < characters.count ? characters[position] : nil }

    private mutating func skipWhitespace() {
        _ = read { $0.isWhitespace }
    }

    private mutating func read(while belongs: (Character) -> Bool) -> String {
        let first = position
        while let character = current, belongs(character) { position += 1 }
        return String(characters[first..<position])
    }

    private mutating func read(while characters: Set<Character>) -> String {
        read { characters.contains($0) }
    }

    /// Whitespace, then the end delimiter.
    private mutating func readEnd() -> Bool {
        skipWhitespace()
        return readEndWithoutWhitespace()
    }

    /// Moves past the end delimiter, matched as the library matches it in a comment: a partial
    /// match that fails restarts after the failing character.
    private mutating func skipComment() -> Bool {
        var matched = 0
        while let character = current {
            position += 1
            if character == end[matched] {
                matched += 1
                if matched == end.count { return true }
            } else {
                matched = 0
            }
        }
        return false
    }

    /// `=<% %>=` then the current end delimiter: the new delimiters.
    private mutating func setDelimiters() -> Bool {
        skipWhitespace()
        let newStart = read { !$0.isWhitespace }
        skipWhitespace()
        let newEnd = read { !$0.isWhitespace && $0 != "=" }
        skipWhitespace()
        guard !newStart.isEmpty, !newEnd.isEmpty, current == "=" else { return false }
        position += 1
        guard readEndWithoutWhitespace() else { return false }
        start = Array(newStart)
        end = Array(newEnd)
        return true
    }

    private mutating func readEndWithoutWhitespace() -> Bool {
        guard position + end.count <= characters.count, characters[position..<position + end.count].elementsEqual(end) else {
            return false
        }
        position += end.count
        return true
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}
