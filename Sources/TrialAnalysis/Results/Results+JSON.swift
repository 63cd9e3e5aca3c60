import Foundation

extension Results {
    /// `results.json`: canonical JSON (see `CanonicalJSONEncoder`), so two encodings of equal
    /// results are byte-identical. Keys come in declaration order (SPEC.md §5 order first), a
    /// missing value is `null`, numbers are JSON numbers in shortest round-trip form.
    ///
    /// - Complexity: O(size of the results).
    public func jsonData() -> Data {
        do {
            return try CanonicalJSONEncoder.encode(self)
        } catch {
            preconditionFailure("Results encode without errors: \(error)")
        }
    }

    /// Results read back from `results.json`.
    ///
    /// - Throws: `DecodingError` when the JSON does not have the shape of `Results`.
    public init(jsonData data: Data) throws {
        self = try JSONDecoder().decode(Results.self, from: data)
    }
}
