import TrialData
import Yams

/// Limits on the shape of a plan that keep reading it cheap whatever the file holds.
enum PlanStructure {
    /// The largest plan file read, in bytes (a real plan is well under 10 KiB).
    static let maximumBytes = 1 << 20
    /// The deepest nesting of lists and mappings accepted (a real plan nests 4 levels).
    static let maximumDepth = 64

    static let nestingMessage = "the plan nests lists and mappings deeper than \(maximumDepth) levels"
    static let aliasMessage = "anchors and aliases ('&name', '*name') are not allowed in the analysis plan; "
        + "write the value out (and quote text that starts with '&' or '*')"
    static let tagMessage = "tags ('!!binary', '!name') are not allowed in the analysis plan; "
        + "write the value without its tag (and quote text that starts with '!')"
    static let mergeKeyMessage = "merge keys ('<<') are not allowed in the analysis plan; write each key out"

    /// A diagnostic for every anchor, alias and tag of `text`, found without composing it.
    static func nodeProperties(in text: String, file: String) -> [Diagnostic] {
        NodePropertyScanner.indicators(in: text).map {
            Diagnostic(.error, at: SourceLocation(file: file, line: $0.line, column: $0.column),
                       $0.character == "!" ? tagMessage : aliasMessage)
        }
    }

    /// The first node nested deeper than `maximumDepth`, every node with an anchor (in case the
    /// text scan missed one) and every merge key, as diagnostics. Nodes under an anchor are not
    /// visited, so an alias is never expanded.
    ///
    /// - Complexity: O(*n*) in the number of nodes written.
    static func problems(in root: Node, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var pending: [(node: Node, depth: Int)] = [(root, 1)]
        while let (node, depth) = pending.popLast() {
            let location = SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
            if node.anchor != nil {
                diagnostics.append(Diagnostic(.error, at: location, aliasMessage))
                continue
            }
            if depth > maximumDepth {
                return diagnostics + [Diagnostic(.error, at: location, nestingMessage)]
            }
            switch node {
            case .mapping(let mapping):
                for key in mapping.keys where Tag.Name(rawValue: key.tag.rawValue) == .merge {
                    diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: key.mark?.line, column: key.mark?.column),
                                                  mergeKeyMessage))
                }
                for (key, value) in mapping.reversed() {
                    pending.append((value, depth + 1))
                    pending.append((key, depth + 1))
                }
            case .sequence(let sequence):
                pending.append(contentsOf: sequence.reversed().map { ($0, depth + 1) })
            case .scalar, .alias:
                break
            }
        }
        return diagnostics
    }
}
