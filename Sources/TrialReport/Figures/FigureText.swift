import Foundation
import Plot
import TrialAnalysis

/// The words and numbers the figures show, all numbers through `Display`, so a figure and the
/// report's tables print a statistic the same way.
enum FigureText {
    /// A no-break space: keeps "n = 17" and "p = 0.012" on one line when labels wrap.
    static let space = "\u{A0}"

    /// "p = 0.012", "p < 0.001", "p > 0.999"; "p = —" when the test could not be done.
    static func pValue(_ p: Double?) -> String {
        let text = Display.pValue(p)
        if let first = text.first, first == "<" || first == ">" {
            return "p\(space)\(first)\(space)\(text.dropFirst())"
        }
        return "p\(space)=\(space)\(text)"
    }

    /// "n = 27".
    static func count(_ n: Int?) -> String { "n\(space)=\(space)\(Display.integer(n))" }

    /// "n = 17 vs 16": the participants of each arm, treatment first; a long one may wrap before "vs".
    static func counts(_ counts: [Int]) -> String {
        "n\(space)=\(space)" + counts.map { Display.integer($0) }.joined(separator: " vs\(space)")
    }

    /// "Months since first infusion": the x axis of every figure over time.
    static let months = "Months since first infusion"

    /// `text` as rich text, with the "1c" of HbA1c set as a subscript (HbA₁c), as journals print it.
    static func rich(_ text: String) -> RichText {
        let parts = text.components(separatedBy: "HbA1c")
        var result = RichText(parts[0])
        for part in parts.dropFirst() {
            result = result + "HbA" + .subscript("1c") + RichText(part)
        }
        return result
    }

    /// " The 25 longest of 3600 participants are shown." when a figure leaves some out, else "".
    static func selection(shown: Int, of total: Int, _ which: String, _ things: String) -> String {
        shown < total ? " The \(Display.integer(shown)) \(which) of \(Display.integer(total)) \(things) are shown." : ""
    }
}
