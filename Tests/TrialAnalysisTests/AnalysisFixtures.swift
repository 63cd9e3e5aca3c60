import Foundation
import Testing
import TrialAnalysis
import TrialData

/// The fixture study folder and plans of the analysis tests, and the results computed from them.
enum AnalysisFixtures {
    /// `Fixtures/` of this test target (copied as a resource).
    static var folder: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }

    /// The fixture study folder (32 participants with missing values, ties, a baseline of 0).
    static var study: URL { folder.appendingPathComponent("analysis_study") }

    /// The plans the R reference script analyses: the built-in plan and `analysis_variant.yaml`.
    enum Plan: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case `default`, variant

        var file: URL? {
            self == .variant ? AnalysisFixtures.folder.appendingPathComponent("analysis_variant.yaml") : nil
        }

        var testDescription: String { rawValue }
    }

    /// The results of the fixture study under `plan`, as parsed JSON.
    static func resultsJSON(_ plan: Plan) throws -> Any {
        try JSONSerialization.jsonObject(with: results(plan).jsonData())
    }

    /// The results of the fixture study under `plan`.
    static func results(_ plan: Plan) throws -> Results {
        let input = try StudyInput.load(from: study, planFile: plan.file)
        return StudyAnalysis.run(data: input.data, plan: input.plan.plan)
    }

    /// R's values for `plan` (`Fixtures/analysis_study.json`, written by `analysis_study.R`).
    static func reference(_ plan: Plan) throws -> Any {
        let data = try Data(contentsOf: folder.appendingPathComponent("analysis_study.json"))
        let root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return root[plan.rawValue]!
    }
}

/// Where a JSON tree computed here differs from R's: every value R wrote must be found at the same
/// path, numbers within 1e-6 relative (1e-10 absolute near 0), arrays of the same length.
enum ReferenceComparison {
    static func differences(expected: Any, actual: Any?, path: String = "") -> [String] {
        switch expected {
        case let object as [String: Any]:
            guard let actual = actual as? [String: Any] else { return ["\(path): expected an object, got \(String(describing: actual))"] }
            return object.keys.sorted().flatMap { key in
                differences(expected: object[key]!, actual: actual[key], path: "\(path)/\(key)")
            }
        case let array as [Any]:
            guard let actual = actual as? [Any] else { return ["\(path): expected an array, got \(String(describing: actual))"] }
            guard array.count == actual.count else { return ["\(path): \(actual.count) elements, R has \(array.count)"] }
            return zip(array, actual).enumerated().flatMap { index, pair in
                differences(expected: pair.0, actual: pair.1, path: "\(path)/\(index)")
            }
        case is NSNull:
            return actual is NSNull ? [] : ["\(path): expected null, got \(String(describing: actual))"]
        case let flag as Bool where type(of: expected) == Bool.self:
            return (actual as? Bool) == flag ? [] : ["\(path): \(String(describing: actual)), R has \(flag)"]
        case let number as NSNumber:
            guard let value = (actual as? NSNumber)?.doubleValue else { return ["\(path): expected \(number), got \(String(describing: actual))"] }
            let expectedValue = number.doubleValue
            let tolerance = max(1e-6 * abs(expectedValue), 1e-10)
            return abs(value - expectedValue) <= tolerance ? [] : ["\(path): \(value), R has \(expectedValue)"]
        default:
            let same = (expected as? NSObject)?.isEqual(actual) ?? false
            return same ? [] : ["\(path): \(String(describing: actual)), R has \(expected)"]
        }
    }
}
