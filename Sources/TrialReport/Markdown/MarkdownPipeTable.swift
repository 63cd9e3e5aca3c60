/// The rows of a pipe table: splitting a line into cells and reading the delimiter row.
enum MarkdownPipeTable {
    /// The cells of a table row: the line trimmed, one leading and one trailing `|` removed, split
    /// at every `|` not escaped by a backslash. `\|` becomes `|` in the cell; other escapes stay
    /// for the inline parser.
    /// - Complexity: O(length of the line).
    static func cells(_ line: Substring) -> [String] {
        var text = line.drop { $0 == " " || $0 == "\t" }.trimmingTrailingSpaces
        if text.first == "|" { text.removeFirst() }
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for character in text {
            if escaped {
                if character != "|" { cell.append("\\") }
                cell.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(character)
            }
        }
        if escaped { cell.append("\\") }
        if !cell.allSatisfy({ $0 == " " || $0 == "\t" }) || cells.isEmpty { cells.append(cell) }
        return cells.map { String(Substring($0).drop { $0 == " " || $0 == "\t" }.trimmingTrailingSpaces) }
    }

    /// Whether the line has a `|` not escaped by a backslash (a table row candidate).
    static func hasUnescapedPipe(_ line: Substring) -> Bool {
        var escaped = false
        for character in line {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                return true
            }
        }
        return false
    }

    /// The column alignments of a delimiter row (`| :--- | ---: | :---: | --- |`), or `nil` when
    /// the line is not one.
    static func alignments(_ line: Substring) -> [MarkdownTable.Alignment?]? {
        guard hasUnescapedPipe(line) || line.contains("-") else { return nil }
        var result: [MarkdownTable.Alignment?] = []
        for cell in cells(line) {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":") && cell.count > 1
            let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (left, right) {
            case (true, true): result.append(.center)
            case (true, false): result.append(.left)
            case (false, true): result.append(.right)
            case (false, false): result.append(nil)
            }
        }
        return result
    }

    /// Whether `header` and `delimiter` start a table: the header has a pipe, the delimiter row
    /// is one, and both have the same number of cells.
    static func startsTable(header: Substring, delimiter: Substring) -> [MarkdownTable.Alignment?]? {
        guard hasUnescapedPipe(header), let alignments = alignments(delimiter),
              alignments.count == cells(header).count else { return nil }
        return alignments
    }
}
