/// An arithmetic expression of parameters (PARAMCD) and numbers, e.g. `HBA1C + 4 * INSDOSE`
/// (IDAA1c): `+`, `-`, `*`, `/`, unary minus and parentheses with the usual precedence.
public indirect enum ParameterExpression: Sendable, Hashable {
    case number(Double)
    case parameter(String)
    case negated(ParameterExpression)
    case binary(Operator, ParameterExpression, ParameterExpression)

    /// A binary operator.
    public enum Operator: Character, Sendable, Hashable {
        case plus = "+", minus = "-", times = "*", divided = "/"

        /// `left` and `right` combined; `nil` for a division by zero.
        func apply(_ left: Double, _ right: Double) -> Double? {
            switch self {
            case .plus: left + right
            case .minus: left - right
            case .times: left * right
            case .divided: right == 0 ? nil : left / right
            }
        }

        /// `apply` item by item, in place: `left[i]` becomes `left[i]` combined with `right[i]`,
        /// NaN for a division by zero. One loop per operator, not a choice per item.
        func apply(to left: inout [Double], _ right: [Double]) {
            precondition(left.count == right.count, "operands of different lengths")
            left.withUnsafeMutableBufferPointer { left in
                right.withUnsafeBufferPointer { right in
                    switch self {
                    case .plus: for index in left.indices { left[index] += right[index] }
                    case .minus: for index in left.indices { left[index] -= right[index] }
                    case .times: for index in left.indices { left[index] *= right[index] }
                    case .divided: for index in left.indices { left[index] = right[index] == 0 ? .nan : left[index] / right[index] }
                    }
                }
            }
        }
    }

    /// Why a text is not an expression: the message and the character offset it refers to.
    public struct ParseError: Error, Equatable {
        public var message: String
        public var offset: Int
    }

    /// The expression written in `text`.
    /// - Throws: `ParseError` at the first character that does not fit.
    public init(parsing text: String) throws(ParseError) {
        var parser = Parser(characters: Array(text))
        let expression = try parser.sum()
        parser.skipSpaces()
        guard parser.position == parser.characters.count else {
            throw ParseError(message: "unexpected '\(parser.characters[parser.position])'", offset: parser.position)
        }
        self = expression
    }

    /// The parameters the expression uses, in order of first use.
    public var parameters: [String] {
        switch self {
        case .number: []
        case .parameter(let code): [code]
        case .negated(let operand): operand.parameters
        case .binary(_, let left, let right): left.parameters + right.parameters.filter { !left.parameters.contains($0) }
        }
    }

    /// The value with each parameter's value from `value`; `nil` when a parameter has none or a
    /// division is by zero.
    public func evaluate(_ value: (String) -> Double?) -> Double? {
        switch self {
        case .number(let number): return number
        case .parameter(let code): return value(code)
        case .negated(let operand): return operand.evaluate(value).map { -$0 }
        case .binary(let operation, let left, let right):
            guard let left = left.evaluate(value), let right = right.evaluate(value) else { return nil }
            return operation.apply(left, right)
        }
    }

    /// The values for `count` items at once (e.g. every participant at a visit), from each
    /// parameter's values for them (`values(code)`, NaN where missing): NaN where `evaluate`
    /// gives `nil` (NaN goes through every operation, and a division by zero gives NaN), the
    /// same value elsewhere. One look-up per parameter, not per item.
    /// - Complexity: O(*count*) per operation.
    public func evaluate(count: Int, _ values: (String) -> [Double]) -> [Double] {
        switch self {
        case .number(let number): return Array(repeating: number, count: count)
        case .parameter(let code): return values(code)
        case .negated(let operand): return operand.evaluate(count: count, values).map { -$0 }
        case .binary(let operation, let left, let right):
            let right = right.evaluate(count: count, values)
            var result = left.evaluate(count: count, values)
            operation.apply(to: &result, right)
            return result
        }
    }

    /// The expression written back with the parentheses it needs, e.g. `HBA1C + 4 * INSDOSE`.
    public var text: String { text(within: 0) }

    private func text(within precedence: Int) -> String {
        switch self {
        case .number(let number): return PlanNumber.text(number)
        case .parameter(let code): return code
        case .negated(let operand): return "-" + operand.text(within: 3)
        case .binary(let operation, let left, let right):
            let own = operation == .plus || operation == .minus ? 1 : 2
            let written = left.text(within: own) + " \(operation.rawValue) " + right.text(within: own + 1)
            return own < precedence ? "(" + written + ")" : written
        }
    }

    /// A recursive-descent parser: sum := product (('+' | '-') product)*; product := factor
    /// (('*' | '/') factor)*; factor := '-' factor | number | name | '(' sum ')'.
    private struct Parser {
        let characters: [Character]
        var position = 0

        mutating func skipSpaces() {
            while position < characters.count, characters[position] == " " { position += 1 }
        }

        private mutating func next(_ operators: [Operator]) -> Operator? {
            skipSpaces()
            guard position < characters.count, let found = Operator(rawValue: characters[position]),
                  operators.contains(found) else { return nil }
            position += 1
            return found
        }

        mutating func sum() throws(ParseError) -> ParameterExpression {
            var expression = try product()
            while let operation = next([.plus, .minus]) { expression = .binary(operation, expression, try product()) }
            return expression
        }

        private mutating func product() throws(ParseError) -> ParameterExpression {
            var expression = try factor()
            while let operation = next([.times, .divided]) { expression = .binary(operation, expression, try factor()) }
            return expression
        }

        private mutating func factor() throws(ParseError) -> ParameterExpression {
            skipSpaces()
            guard position < characters.count else { throw ParseError(message: "expected a number, a parameter or '('", offset: position) }
            let character = characters[position]
            if character == "-" {
                position += 1
                return .negated(try factor())
            }
            if character == "(" {
                position += 1
                let inner = try sum()
                skipSpaces()
                guard position < characters.count, characters[position] == ")" else {
                    throw ParseError(message: "expected ')'", offset: position)
                }
                position += 1
                return inner
            }
            let start = position
            if character.isNumber || character == "." {
                while position < characters.count, characters[position].isNumber || characters[position] == "." { position += 1 }
                guard let number = Double(String(characters[start..<position])) else {
                    throw ParseError(message: "'\(String(characters[start..<position]))' is not a number", offset: start)
                }
                return .number(number)
            }
            if character.isLetter || character == "_" {
                while position < characters.count, characters[position].isLetter || characters[position].isNumber || characters[position] == "_" {
                    position += 1
                }
                return .parameter(String(characters[start..<position]))
            }
            throw ParseError(message: "expected a number, a parameter or '(', got '\(character)'", offset: position)
        }
    }
}
