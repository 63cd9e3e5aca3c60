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

    /// "Label (unit)", or the label alone for a unitless parameter; the code when the plan does not know it.
    static func parameterTitle(_ code: String, plan: AnalysisPlan) -> String {
        guard let parameter = plan.parameter(code) else { return code }
        return parameter.unit.isEmpty ? parameter.label : "\(parameter.label) (\(parameter.unit))"
    }

    /// The label of a parameter, or its code when the plan does not know it.
    static func parameterLabel(_ code: String, plan: AnalysisPlan) -> String {
        plan.parameter(code)?.label ?? code
    }

    /// "Months since first infusion": the x axis of every figure over time.
    static let months = "Months since first infusion"

    /// A covariate of the logistic model as a reader names it, with the change its odds ratio is
    /// for (`per` units, else one): `CPEPF.BASE` → "Baseline fasting C-peptide, per pmol/L" or
    /// "…, per 100 pmol/L", `AGE` → "Age, per year" or "Age, per 10 years", `MSCDOSE` with 2 →
    /// "UC-MSC dose, per 2 × 10⁶ cells/kg"; ADSL columns of SPEC.md §1 by their meaning.
    static func covariate(_ name: String, plan: AnalysisPlan, per: Double? = nil) -> String {
        let (label, unit, units): (String, String, String)
        if let code = LogisticSpecification.baselineParameter(of: name) {
            guard let parameter = plan.parameter(code) else { return name }
            (label, unit, units) = ("Baseline " + lowercasedFirst(parameter.label), parameter.unit, parameter.unit)
        } else {
            switch name {
            case "AGE": (label, unit, units) = ("Age", "year", "years")
            case "AGEDX": (label, unit, units) = ("Age at diagnosis", "year", "years")
            case "BMI": (label, unit, units) = ("BMI", "kg/m²", "kg/m²")
            case "DIABDUR": (label, unit, units) = ("Diabetes duration", "month", "months")
            case "MSCDOSE": (label, unit, units) = ("\(plan.arms.treatment) dose", "10⁶ cells/kg", "10⁶ cells/kg")
            default: (label, unit, units) = (name, "", "")
            }
        }
        guard let per, per != 1 else { return unit.isEmpty ? label : "\(label), per\(space)\(unit)" }
        let amount = plain(per)
        if units.isEmpty { return "\(label), per\(space)\(amount)" }
        // "per 2 × 10⁶ cells/kg" where the unit starts with a number.
        return units.first?.isNumber == true ? "\(label), per\(space)\(amount) × \(units)" : "\(label), per\(space)\(amount)\(space)\(units)"
    }

    /// `text` with its first letter lower-cased unless it is an abbreviation ("HbA1c", "BMI" stay).
    static func lowercasedFirst(_ text: String) -> String {
        let characters = Array(text)
        guard characters.count > 1, characters[0].isUppercase, !characters[1].isUppercase else { return text }
        return characters[0].lowercased() + String(characters.dropFirst())
    }

    /// A number from the plan (a month, a threshold) with no more decimals than it has: 12 → "12", 1.5 → "1.5".
    static func plain(_ value: Double) -> String {
        let decimals = (0...3).first { abs(value * pow(10, Double($0)) - (value * pow(10, Double($0))).rounded()) < 1e-9 } ?? 3
        return Display.number(value, decimals: decimals)
    }

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
