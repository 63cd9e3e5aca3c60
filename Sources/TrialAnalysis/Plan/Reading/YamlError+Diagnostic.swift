import TrialData
import Yams

extension Diagnostic {
    /// The diagnostic for an error Yams threw while composing the plan, at the line and column
    /// Yams gives.
    static func yamlProblem(_ error: any Error, file: String, text: String) -> Diagnostic {
        let at = { (mark: Mark) in SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level") {
                return Diagnostic(.error, at: at(mark), PlanStructure.nestingMessage)
            }
            if problem == Self.anotherDocumentProblem {
                return Diagnostic(.error, at: at(mark), "the plan must be a single YAML document; a second one starts here")
            }
            let detail = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return Diagnostic(.error, at: at(mark), "invalid YAML: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(.error, at: at(context.mark), "key \(keys) is written more than once in the same mapping")
        case .reader(let problem, let offset, _, _):
            return Diagnostic(.error, at: location(ofCharacter: offset, in: text, file: file), "invalid YAML: \(problem)")
        default:
            return Diagnostic(.error, at: SourceLocation(file: file), "cannot read the analysis plan: \(error)")
        }
    }

    /// What Yams says when the text holds a second document (`---` after the first).
    private static let anotherDocumentProblem = "but found another document"

    /// The line and column of the character at `offset` (counted in characters).
    private static func location(ofCharacter offset: Int?, in text: String, file: String) -> SourceLocation {
        guard let offset else { return SourceLocation(file: file) }
        let before = text.prefix(offset)
        let line = before.count { $0 == "\n" } + 1
        let column = before.reversed().prefix { $0 != "\n" }.count + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}
