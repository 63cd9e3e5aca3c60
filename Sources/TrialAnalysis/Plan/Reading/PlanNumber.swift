/// How the plan writes numbers, in messages and in its canonical YAML: whole numbers without a
/// decimal point (`12`), others in Swift's shortest round-trip form (`0.5`, `1e-05`).
enum PlanNumber {
    /// The text of a finite number.
    static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// `0, 3, 6` for a list of numbers.
    static func list(_ values: [Double]) -> String {
        values.map(text).joined(separator: ", ")
    }
}
