/// The ids GitHub gives Markdown headings (github-slugger, as github.com renders a `.md` file), so
/// `report.md` can link to its own headings when shown on GitHub.
struct GitHubSlugs {
    private var counts: [String: Int] = [:]

    /// A maker that has handed out no ids yet.
    init() {}

    /// The id of a heading whose text is `text`: lowercased; letters, marks, digits, `_`, `-` and
    /// spaces kept, everything else dropped; each space turned into `-`. `slug("Treatment × onset")`
    /// → "treatment--onset".
    static func slug(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
                 .connectorPunctuation:
                slug.unicodeScalars.append(scalar)
            default:
                if scalar == "-" || scalar == " " { slug += "-" }
            }
        }
        return slug
    }

    /// The id of the next heading with `text`: the slug the first time, then "-1", "-2", … as
    /// GitHub numbers repeated headings.
    mutating func next(_ text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        while counts[candidate] != nil {
            let count = counts[base, default: 0] + 1
            counts[base] = count
            candidate = base + "-" + String(count)
        }
        counts[candidate] = 0
        return candidate
    }
}
