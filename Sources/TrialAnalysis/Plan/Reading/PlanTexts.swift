import TrialData
import Yams

/// The plan's texts checked as CSV cells are (`RenderableText`): a control character or a
/// Unicode noncharacter — written as such or as a YAML escape such as `"\uFFFF"` or `"\0"` —
/// is an error at the value holding it, instead of a failure when the report is drawn.
enum PlanTexts {
    /// One diagnostic per scalar (key or value) holding a refused character, at the scalar.
    /// - Complexity: O(*n*) in the text of the nodes; call it after `PlanStructure.problems`
    ///   found no alias, so that every node is visited once.
    static func problems(in root: Node, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var pending = [root]
        while let node = pending.popLast() {
            switch node {
            case .scalar(let scalar):
                if let refused = scalar.string.unicodeScalars.first(where: RenderableText.isRefused) {
                    let location = SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
                    diagnostics.append(Diagnostic(.error, at: location, RenderableText.problem(with: refused)))
                }
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() { pending += [value, key] }
            case .sequence(let sequence):
                pending += sequence.reversed()
            case .alias:
                break
            }
        }
        return diagnostics
    }
}
