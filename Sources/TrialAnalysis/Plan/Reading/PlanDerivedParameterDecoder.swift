import Yams

/// Reads `derivedParameters`: each `{code, label, unit, auc: {parameter, mean}}` or
/// `{code, label, unit, expression}` (`DerivedParameter`).
enum PlanDerivedParameterDecoder {
    /// The derived parameters written at `path`; `nil` when the list or an element is wrong (reported).
    static func parameters(from node: Node, at path: String, with reader: inout PlanNodeReader) -> [DerivedParameter]? {
        guard reader.isWithin(.derivedParameters, node, at: path),
              let parameters = reader.list(node, at: path, element: { parameter(from: $1, at: $2, with: &$0) }) else { return nil }
        var codes: Set<String> = []
        for (index, parameter) in parameters.enumerated() where !codes.insert(parameter.code).inserted {
            reader.report("parameter '\(parameter.code)' is derived twice",
                          atPath: PlanPath.child(PlanPath.element(path, index), DerivedParameterKey.code.rawValue))
        }
        return codes.count == parameters.count ? parameters : nil
    }

    private static func parameter(from node: Node, at path: String, with reader: inout PlanNodeReader) -> DerivedParameter? {
        let entries = reader.entries(of: node, at: path, keys: DerivedParameterKey.self)
        guard node.mapping != nil else { return nil }
        let child = { (key: DerivedParameterKey) in PlanPath.child(path, key.rawValue) }
        func text(_ key: DerivedParameterKey) -> String? { entries[key].flatMap { reader.text($0, at: child(key)) } }
        guard entries[.code] != nil else {
            reader.report("missing key '\(DerivedParameterKey.code.rawValue)'", at: node, path: path)
            return nil
        }
        let ways = [DerivedParameterKey.auc, .expression].filter { entries[$0] != nil }
        guard ways.count == 1 else {
            reader.report(ways.isEmpty ? "give 'auc' or 'expression'" : "give 'auc' or 'expression', not both", at: node, path: path)
            return nil
        }
        let derivation: DerivedParameter.Derivation?
        if let node = entries[.auc] {
            derivation = areaUnderCurve(from: node, at: child(.auc), with: &reader)
        } else {
            derivation = text(.expression).flatMap { written in
                switch Result(catching: { () throws(ParameterExpression.ParseError) in try ParameterExpression(parsing: written) }) {
                case .success(let expression):
                    return .expression(expression)
                case .failure(let error):
                    reader.report("\(error.message) at character \(error.offset + 1) of '\(written)'", at: entries[.expression]!,
                                  path: child(.expression))
                    return nil
                }
            }
        }
        guard let code = text(.code), let derivation else { return nil }
        return DerivedParameter(code: code, label: text(.label) ?? code, unit: text(.unit) ?? "", derivation: derivation)
    }

    /// `{parameter, mean}`.
    private static func areaUnderCurve(from node: Node, at path: String, with reader: inout PlanNodeReader) -> DerivedParameter.Derivation? {
        let entries = reader.entries(of: node, at: path, keys: AreaUnderCurveKey.self)
        guard node.mapping != nil else { return nil }
        guard let parameterNode = entries[.parameter] else {
            reader.report("missing key '\(AreaUnderCurveKey.parameter.rawValue)'", at: node, path: path)
            return nil
        }
        let mean = entries[.mean].flatMap { reader.boolean($0, at: PlanPath.child(path, AreaUnderCurveKey.mean.rawValue)) } ?? false
        return reader.text(parameterNode, at: PlanPath.child(path, AreaUnderCurveKey.parameter.rawValue))
            .map { .areaUnderCurve(parameter: $0, mean: mean) }
    }
}
