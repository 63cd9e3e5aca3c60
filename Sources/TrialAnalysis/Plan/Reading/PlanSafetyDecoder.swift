import TrialData
import Yams

/// Reads the plan's `safety` section (`SafetySpecification`) and checks it against the plan's sets.
enum PlanSafetyDecoder {
    /// `safety`: `{set, classOrder, termOrder, minimumPercent, tests, total}`, every key optional;
    /// `nil` when the section is not a mapping (reported). A wrong value keeps its default.
    static func specification(from node: Node, at path: String, with reader: inout PlanNodeReader) -> SafetySpecification? {
        var specification = SafetySpecification()
        reader.readEntries(of: node, at: path, keys: SafetyKey.self) { reader, key, value, fieldPath in
            switch key {
            case .set:
                specification.set = reader.text(value, at: fieldPath) ?? specification.set
            case .classOrder:
                specification.classOrder = reader.choice(value, at: fieldPath) ?? specification.classOrder
            case .termOrder:
                specification.termOrder = reader.choice(value, at: fieldPath) ?? specification.termOrder
            case .minimumPercent:
                guard let percent = reader.number(value, at: fieldPath) else { return }
                guard percent > 0, percent <= 100 else {
                    reader.report("must be greater than 0 and at most 100, got \(PlanNumber.text(percent))", at: value, path: fieldPath)
                    return
                }
                specification.minimumPercent = percent
            case .tests:
                let tests: [SafetySpecification.Test]? = reader.uniqueList(value, at: fieldPath, describe: { "test '\($0.rawValue)'" }) {
                    $0.choice($1, at: $2)
                }
                specification.tests = tests ?? specification.tests
            case .total:
                specification.total = reader.boolean(value, at: fieldPath) ?? specification.total
            }
        }
        return node.mapping == nil ? nil : specification
    }

    /// Reports a `safety.set` that is not one of the plan's sets, with the closest name.
    static func check(_ plan: AnalysisPlan, with reader: inout PlanNodeReader) {
        let path = PlanPath.child(PlanKey.safety.rawValue, SafetyKey.set.rawValue)
        guard let name = plan.safety?.set, !reader.hasFailed(path), !reader.hasFailed(PlanKey.sets.rawValue) else { return }
        let names = plan.sets.map(\.name)
        guard !names.contains(name) else { return }
        let known = names.isEmpty ? "the plan has none" : names.map { "'\($0)'" }.joined(separator: ", ")
        let advice = ClosestKey.suggestion(for: name, among: names).map { "; did you mean '\($0)'?" } ?? ""
        reader.report("'\(name)' is not one of the plan's sets (\(known))\(advice)", atPath: path)
    }
}
