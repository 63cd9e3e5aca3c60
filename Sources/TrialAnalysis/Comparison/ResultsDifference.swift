import Foundation
import TrialData

/// One statistic (or part of the results) that differs between two results.json files.
public struct ResultsDifference: Sendable, Equatable {
    /// How it differs.
    public enum Kind: Sendable, Equatable {
        /// Present in both with different values (beyond the tolerance for numbers).
        case changed(old: JSONValue, new: JSONValue)
        /// Only in the new results.
        case added(JSONValue)
        /// Only in the old results.
        case removed(JSONValue)
    }

    /// Where: keys joined by `.`, array elements as `[key=value,…]` when matched by their
    /// identifying keys (e.g. `endpoints[parameter="CPEPP",visit=12].byArm[arm="UC-MSC"].mean`),
    /// else as `[index]`.
    public var path: String
    public var kind: Kind

    /// `|old − new| / max(|old|, |new|)` when both are numbers.
    public var relativeDifference: Double? {
        guard case .changed(let old, let new) = kind, let a = old.numericValue, let b = new.numericValue else { return nil }
        return NumericTolerance.relativeDifference(a, b)
    }

    /// The line `trialreport diff` prints: `PATH: OLD → NEW (relative difference R)`,
    /// `PATH: added NEW` or `PATH: removed, was OLD`.
    public var description: String {
        switch kind {
        case .changed(let old, let new):
            let relative = relativeDifference.map { " (relative difference \(String(format: "%.3g", $0)))" } ?? ""
            return "\(path): \(old.compactText) → \(new.compactText)\(relative)"
        case .added(let new): return "\(path): added \(new.compactText)"
        case .removed(let old): return "\(path): removed, was \(old.compactText)"
        }
    }
}

extension JSONValue {
    /// The value as a `Double` when it is a number.
    var numericValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// The value on one line, cut after 200 characters.
    var compactText: String {
        let text = compactJSON
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }

    private var compactJSON: String {
        switch self {
        case .array(let elements): "[" + elements.map(\.compactJSON).joined(separator: ",") + "]"
        case .object(let members): "{" + members.map { Self.stringLiteral($0.key) + ":" + $0.value.compactJSON }.joined(separator: ",") + "}"
        default: String(canonicalText.dropLast())
        }
    }
}
