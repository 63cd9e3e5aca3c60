import Foundation

/// A JSON document as the schema validator sees it. Decoded with `JSONDecoder`, which keeps
/// `true` and `1` apart (unlike `JSONSerialization` on Linux).
indirect enum SchemaJSON: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([SchemaJSON])
    case object([String: SchemaJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SchemaJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: SchemaJSON].self))
        }
    }

    init(data: Data) throws {
        self = try JSONDecoder().decode(SchemaJSON.self, from: data)
    }

    subscript(key: String) -> SchemaJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

/// A validator for the subset of JSON Schema (draft 2020-12) that `schema/results.schema.json`
/// uses: `type` (a name or a list of names), `required`, `properties`, `additionalProperties:
/// false`, `items`, `enum`, `const`, `anyOf`, `minimum`, `maximum`, `pattern` and `$ref` to
/// `#/$defs/NAME`. Any other keyword makes validation fail, so the schema cannot silently use
/// more than is checked.
struct SchemaValidator {
    let schema: SchemaJSON

    static let understoodKeywords: Set<String> = [
        "$schema", "$defs", "title", "description", "type", "required", "properties", "additionalProperties",
        "items", "enum", "const", "anyOf", "minimum", "maximum", "pattern", "$ref",
    ]

    /// Every violation of the schema by `instance`, each as `POINTER: problem`; empty when valid.
    func violations(of instance: SchemaJSON) -> [String] {
        var problems: [String] = []
        validate(instance, against: schema, at: "", into: &problems)
        return problems
    }

    private func validate(_ instance: SchemaJSON, against schema: SchemaJSON, at pointer: String, into problems: inout [String]) {
        guard case .object(let keywords) = schema else {
            problems.append("\(pointer): schema is not an object")
            return
        }
        for keyword in keywords.keys.sorted() where !Self.understoodKeywords.contains(keyword) {
            problems.append("\(pointer): schema keyword '\(keyword)' is not supported by this validator")
        }
        if case .string(let reference)? = keywords["$ref"] {
            guard let target = resolve(reference) else {
                problems.append("\(pointer): unresolved $ref \(reference)")
                return
            }
            validate(instance, against: target, at: pointer, into: &problems)
        }
        if let type = keywords["type"], !Self.matches(instance, type: type) {
            problems.append("\(pointer): expected \(Self.describe(type)), got \(Self.typeName(of: instance))")
            return
        }
        if let constant = keywords["const"], instance != constant {
            problems.append("\(pointer): expected the constant \(constant)")
        }
        if case .array(let allowed)? = keywords["enum"], !allowed.contains(instance) {
            problems.append("\(pointer): \(instance) is not one of the allowed values")
        }
        if case .array(let options)? = keywords["anyOf"] {
            let valid = options.contains { option in
                var optionProblems: [String] = []
                validate(instance, against: option, at: pointer, into: &optionProblems)
                return optionProblems.isEmpty
            }
            if !valid { problems.append("\(pointer): matches none of anyOf") }
        }
        if case .number(let value) = instance {
            if case .number(let minimum)? = keywords["minimum"], value < minimum {
                problems.append("\(pointer): \(value) is below the minimum \(minimum)")
            }
            if case .number(let maximum)? = keywords["maximum"], value > maximum {
                problems.append("\(pointer): \(value) is above the maximum \(maximum)")
            }
        }
        if case .string(let text) = instance, case .string(let pattern)? = keywords["pattern"],
           text.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(pointer): \"\(text)\" does not match \(pattern)")
        }
        if case .array(let elements) = instance, let items = keywords["items"] {
            for (index, element) in elements.enumerated() {
                validate(element, against: items, at: "\(pointer)/\(index)", into: &problems)
            }
        }
        if case .object(let members) = instance {
            validateObject(members, keywords: keywords, at: pointer, into: &problems)
        }
    }

    private func validateObject(_ members: [String: SchemaJSON], keywords: [String: SchemaJSON], at pointer: String, into problems: inout [String]) {
        if case .array(let required)? = keywords["required"] {
            for case .string(let key) in required where members[key] == nil {
                problems.append("\(pointer): missing required key '\(key)'")
            }
        }
        let properties: [String: SchemaJSON]
        if case .object(let declared)? = keywords["properties"] { properties = declared } else { properties = [:] }
        for key in members.keys.sorted() {
            if let property = properties[key] {
                validate(members[key]!, against: property, at: "\(pointer)/\(key)", into: &problems)
            } else if keywords["additionalProperties"] == .bool(false) {
                problems.append("\(pointer): key '\(key)' is not allowed")
            }
        }
    }

    private func resolve(_ reference: String) -> SchemaJSON? {
        let prefix = "#/$defs/"
        guard reference.hasPrefix(prefix) else { return nil }
        return schema["$defs"]?[String(reference.dropFirst(prefix.count))]
    }

    private static func matches(_ instance: SchemaJSON, type: SchemaJSON) -> Bool {
        switch type {
        case .string(let name): return matches(instance, typeName: name)
        case .array(let names): return names.contains { if case .string(let name) = $0 { matches(instance, typeName: name) } else { false } }
        default: return false
        }
    }

    private static func matches(_ instance: SchemaJSON, typeName: String) -> Bool {
        switch (typeName, instance) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object):
            return true
        case ("integer", .number(let value)):
            return value == value.rounded()
        default:
            return false
        }
    }

    private static func typeName(of instance: SchemaJSON) -> String {
        switch instance {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    private static func describe(_ type: SchemaJSON) -> String {
        switch type {
        case .string(let name): name
        case .array(let names): names.compactMap { if case .string(let name) = $0 { name } else { nil } }.joined(separator: " or ")
        default: "?"
        }
    }
}
