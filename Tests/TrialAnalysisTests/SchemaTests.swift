import Foundation
import Testing
import TrialAnalysis

@Suite struct SchemaTests {
    static let schemaURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schema/results.schema.json")

    static func validator() throws -> SchemaValidator {
        SchemaValidator(schema: try SchemaJSON(data: Data(contentsOf: schemaURL)))
    }

    static func document(_ results: Results) throws -> SchemaJSON {
        try SchemaJSON(data: results.jsonData())
    }

    /// `document` with the value at `path` (object keys and array indices) replaced, or removed when `nil`.
    static func replacing(_ path: [String], in document: SchemaJSON, with value: SchemaJSON?) -> SchemaJSON {
        guard let first = path.first else { return value ?? .null }
        let rest = Array(path.dropFirst())
        switch document {
        case .object(var members):
            if rest.isEmpty, value == nil { members[first] = nil } else { members[first] = replacing(rest, in: members[first] ?? .null, with: value) }
            return .object(members)
        case .array(var elements):
            let index = Int(first)!
            elements[index] = replacing(rest, in: elements[index], with: value)
            return .array(elements)
        default:
            return document
        }
    }

    @Test func schemaIsDraft202012AndUsesOnlyCheckedKeywords() throws {
        let schema = try SchemaJSON(data: Data(contentsOf: Self.schemaURL))
        #expect(schema["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
        #expect(try Self.validator().violations(of: .object([:])).allSatisfy { !$0.contains("not supported") })
    }

    @Test func fullResultsValidate() throws {
        #expect(try Self.validator().violations(of: Self.document(ResultsSamples.full)) == [])
    }

    @Test func resultsWithNullsValidate() throws {
        #expect(try Self.validator().violations(of: Self.document(ResultsSamples.sparse)) == [])
    }

    @Test func missingSpecKeyFailsValidation() throws {
        let broken = Self.replacing(["remission", "overall", "byArm", "0", "ciLower"], in: try Self.document(ResultsSamples.full), with: nil)
        #expect(try Self.validator().violations(of: broken) == ["/remission/overall/byArm/0: missing required key 'ciLower'"])
    }

    @Test func stringInsteadOfNumberFailsValidation() throws {
        let broken = Self.replacing(["endpoints", "0", "byArm", "1", "mean"], in: try Self.document(ResultsSamples.full), with: .string("310.25"))
        #expect(try Self.validator().violations(of: broken) == ["/endpoints/0/byArm/1/mean: expected number or null, got string"])
    }

    @Test func unknownTestNameFailsValidation() throws {
        let broken = Self.replacing(["remission", "overall", "test"], in: try Self.document(ResultsSamples.full), with: .string("t-test"))
        #expect(try Self.validator().violations(of: broken) == [#"/remission/overall/test: string("t-test") is not one of the allowed values"#])
    }

    @Test func undocumentedKeyFailsValidation() throws {
        let broken = Self.replacing(["logistic", "deviance"], in: try Self.document(ResultsSamples.full), with: .number(12))
        #expect(try Self.validator().violations(of: broken) == ["/logistic: key 'deviance' is not allowed"])
    }

    @Test func fractionalCountFailsValidation() throws {
        let broken = Self.replacing(["arms", "0", "n"], in: try Self.document(ResultsSamples.full), with: .number(27.5))
        #expect(try Self.validator().violations(of: broken) == ["/arms/0/n: expected integer, got number"])
    }

    @Test func everySchemaDefinitionIsUsedByTheSample() throws {
        let text = try String(contentsOf: Self.schemaURL, encoding: .utf8)
        guard case .object(let definitions)? = try SchemaJSON(data: Data(contentsOf: Self.schemaURL))["$defs"] else {
            Issue.record("no $defs")
            return
        }
        for name in definitions.keys {
            #expect(text.contains("\"#/$defs/\(name)\""), "unused definition \(name)")
        }
    }
}
