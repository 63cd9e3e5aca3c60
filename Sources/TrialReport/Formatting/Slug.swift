/// Deterministic HTML ids (anchors) made from text, and made unique within one document.
public struct SlugMaker: Sendable {
    private var used: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

    /// A maker that has handed out no slugs yet.
    public init() {}

    /// The slug of `text`: lowercase letters and digits (any script) kept, every other run of
    /// characters turned into one `-`, no leading or trailing `-`; "section" when nothing is left.
    /// `slug("Table 1 — Baseline (ITT)")` → "table-1-baseline-itt".
    /// - Complexity: O(n) in the length of `text`.
    public static func slug(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                if pendingHyphen, !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.append(character)
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// Marks `id` as taken (an explicit anchor), so `uniqueSlug` never returns it.
    public mutating func reserve(_ id: String) {
        used.insert(id)
    }

    /// A slug of `text` not returned before by this maker: the first "results", then "results-2",
    /// "results-3", … in the order asked, so the same document always gets the same ids.
    public mutating func uniqueSlug(_ text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var counter = nextSuffix[base, default: 1]
        while used.contains(candidate) {
            counter += 1
            candidate = base + "-" + String(counter)
        }
        nextSuffix[base] = counter
        used.insert(candidate)
        return candidate
    }
}
