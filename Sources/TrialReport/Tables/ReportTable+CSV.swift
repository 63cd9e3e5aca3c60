extension ReportTable {
    /// The table as CSV (RFC 4180): one header row (`flattenedHeader`), then the body rows, each
    /// padded to `columnCount`, lines ended by CRLF. Cells hold the displayed text with ASCII
    /// hyphen-minus (`Display.plainText`), nested rows indented by two spaces per level; caption,
    /// footnotes and footnote markers are left out so the file stays a plain grid.
    ///
    /// Every cell passes `csvField(_:)`: the formula-injection guard, then quoting.
    /// - Returns: the CSV text, UTF-8 without byte order mark.
    /// - Complexity: O(cells).
    public func csv() -> String {
        var lines = [flattenedHeader(\.text).map(Self.csvField).joined(separator: ",")]
        let columns = columnCount
        for row in eachRow {
            let fields = paddedCells(row, to: columns).map { cell in
                Self.csvField(String(repeating: "  ", count: cell.indentation) + cell.text)
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One CSV field: U+2212 minus signs become "-"; a field starting — after any leading spaces,
    /// which spreadsheets may trim on import (an indented row) — with `=`, `+`, `-`, `@`, tab or
    /// carriage return gets a leading `'` so a spreadsheet does not run it as a formula, unless
    /// the rest is a plain number ("-1.5", "+2", "-3e-4", "-12.5%"), which stays as it is;
    /// a field holding a comma, quote, CR or LF is quoted, quotes doubled.
    public static func csvField(_ text: String) -> String {
        if isOwnField(text) { return text }
        var field = Display.plainText(text)
        let content = field.utf8.drop { $0 == UInt8(ascii: " ") }
        if let first = content.first, startsFormula(first), !isPlainNumber(String(Substring(content))) {
            field = "'" + field
        }
        if field.utf8.contains(where: needsQuotes) {
            field = "\"" + field.replacing("\"", with: "\"\"") + "\""
        }
        return field
    }

    /// Whether `text` is its own CSV field, as most are (a listing's ids, months, counts): no
    /// minus sign to replace, no formula character first after its leading spaces, nothing to
    /// quote. One pass over its bytes.
    private static func isOwnField(_ text: String) -> Bool {
        var leading = true
        for byte in text.utf8 {
            if leading, byte != UInt8(ascii: " ") {
                leading = false
                if startsFormula(byte) { return false }
            }
            // 0xE2 leads U+2212 (and other characters, which take the long way).
            if needsQuotes(byte) || byte == 0xE2 { return false }
        }
        return true
    }

    /// Whether a field whose first byte after its leading spaces is `byte` could be run as a
    /// formula: `=`, `+`, `-`, `@`, tab or carriage return.
    private static func startsFormula(_ byte: UInt8) -> Bool {
        "=+-@\t\r".utf8.contains(byte)
    }

    /// Whether a field holding `byte` is quoted: a comma, quote, CR or LF.
    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0D || byte == 0x0A
    }

    /// Whether `text` is a plain decimal number: optional sign, digits with an optional point,
    /// an optional exponent and an optional trailing `%`.
    private static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, first == "+" || first == "-" { scalars.removeFirst() }
        if scalars.last == "%" { scalars.removeLast() }
        var mantissaDigits = 0, pointSeen = false, exponentSeen = false, exponentDigits = 0
        var previous: Unicode.Scalar?
        for scalar in scalars {
            switch scalar {
            case "0"..."9":
                if exponentSeen { exponentDigits += 1 } else { mantissaDigits += 1 }
            case "." where !pointSeen && !exponentSeen:
                pointSeen = true
            case "e", "E":
                guard !exponentSeen, mantissaDigits > 0 else { return false }
                exponentSeen = true
            case "+", "-":
                guard previous == "e" || previous == "E" else { return false }
            default:
                return false
            }
            previous = scalar
        }
        return mantissaDigits > 0 && (!exponentSeen || exponentDigits > 0)
    }
}
