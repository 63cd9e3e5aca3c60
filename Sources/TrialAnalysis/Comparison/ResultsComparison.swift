import TrialData

/// Compares two results (results.json trees) statistic by statistic: for the review after a
/// data lock, and for double programming, where independent results with the same keys are
/// checked against ours.
public enum ResultsComparison {
    /// Keys that identify an element of an array of objects (an arm, an endpoint, a term...),
    /// in the order they appear in paths.
    static let identifyingKeys = ["file", "parameter", "visit", "subgroup", "level", "variable", "covariate",
                                  "term", "soc", "severity", "usubjid", "arm", "startMonth"]

    /// Every difference between `old` and `new`, in document order.
    ///
    /// Objects are compared key by key (a key on one side only is added or removed). Arrays of
    /// objects are matched by the identifying keys every element has (`arm`, `parameter` +
    /// `visit` + `subgroup` + `level`, `term` + `soc`, `usubjid` + `arm` + `startMonth`, …) when
    /// these tell the elements apart on both sides, else by position. Numbers (integer or not)
    /// are equal when they agree within `tolerance`; anything else must be equal exactly.
    /// - Complexity: O(*n*) for *n* values (elements are matched through a dictionary of their labels).
    public static func differences(old: JSONValue, new: JSONValue,
                                   tolerance: NumericTolerance = .standard) -> [ResultsDifference] {
        var differences: [ResultsDifference] = []
        compare(old, new, path: "", tolerance: tolerance, into: &differences)
        return differences
    }

    private static func compare(_ old: JSONValue, _ new: JSONValue, path: String, tolerance: NumericTolerance,
                                into differences: inout [ResultsDifference]) {
        switch (old, new) {
        case let (.object(oldMembers), .object(newMembers)):
            // Keys are looked up through a dictionary (the first of a repeated key counts), so
            // an object of k keys costs O(k), not O(k²).
            let newValues = Dictionary(newMembers.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            for (key, oldValue) in oldMembers {
                let childPath = path.isEmpty ? key : path + "." + key
                if let newValue = newValues[key] {
                    compare(oldValue, newValue, path: childPath, tolerance: tolerance, into: &differences)
                } else {
                    differences.append(ResultsDifference(path: childPath, kind: .removed(oldValue)))
                }
            }
            let oldKeys = Set(oldMembers.map(\.key))
            for (key, newValue) in newMembers where !oldKeys.contains(key) {
                differences.append(ResultsDifference(path: path.isEmpty ? key : path + "." + key, kind: .added(newValue)))
            }
        case let (.array(oldElements), .array(newElements)):
            compareArrays(oldElements, newElements, path: path, tolerance: tolerance, into: &differences)
        default:
            if let a = old.numericValue, let b = new.numericValue, tolerance.agrees(a, b) { return }
            if old != new { differences.append(ResultsDifference(path: path, kind: .changed(old: old, new: new))) }
        }
    }

    private static func compareArrays(_ old: [JSONValue], _ new: [JSONValue], path: String, tolerance: NumericTolerance,
                                      into differences: inout [ResultsDifference]) {
        let keys = identity(of: old + new) ?? []
        let oldLabels = old.map { label($0, keys) }, newLabels = new.map { label($0, keys) }
        guard !keys.isEmpty, Set(oldLabels).count == old.count, Set(newLabels).count == new.count else {
            compareByPosition(old, new, path: path, tolerance: tolerance, into: &differences)
            return
        }
        let newIndex = Dictionary(uniqueKeysWithValues: zip(newLabels, new.indices))
        let oldLabelSet = Set(oldLabels)
        for (element, elementLabel) in zip(old, oldLabels) {
            if let index = newIndex[elementLabel] {
                compare(element, new[index], path: path + elementLabel, tolerance: tolerance, into: &differences)
            } else {
                differences.append(ResultsDifference(path: path + elementLabel, kind: .removed(element)))
            }
        }
        for (element, elementLabel) in zip(new, newLabels) where !oldLabelSet.contains(elementLabel) {
            differences.append(ResultsDifference(path: path + elementLabel, kind: .added(element)))
        }
    }

    private static func compareByPosition(_ old: [JSONValue], _ new: [JSONValue], path: String, tolerance: NumericTolerance,
                                          into differences: inout [ResultsDifference]) {
        for index in 0..<max(old.count, new.count) {
            let elementPath = path + "[\(index)]"
            switch (index < old.count ? old[index] : nil, index < new.count ? new[index] : nil) {
            case let (a?, b?): compare(a, b, path: elementPath, tolerance: tolerance, into: &differences)
            case let (a?, nil): differences.append(ResultsDifference(path: elementPath, kind: .removed(a)))
            case let (nil, b?): differences.append(ResultsDifference(path: elementPath, kind: .added(b)))
            case (nil, nil): break
            }
        }
    }

    /// The identifying keys every element has as a plain value, when they tell the elements of
    /// each side apart; `nil` when the array is matched by position.
    private static func identity(of elements: [JSONValue]) -> [String]? {
        guard !elements.isEmpty else { return nil }
        let keys = identifyingKeys.filter { key in
            elements.allSatisfy { element in
                guard case .object(let members) = element, let value = members.first(where: { $0.key == key })?.value else { return false }
                switch value {
                case .array, .object: return false
                default: return true
                }
            }
        }
        return keys.isEmpty ? nil : keys
    }

    /// `[parameter="CPEPP",visit=12]`: the element's identifying values, `null` ones left out.
    private static func label(_ element: JSONValue, _ keys: [String]) -> String {
        guard case .object(let members) = element else { return "" }
        let parts = keys.compactMap { key -> String? in
            guard let value = members.first(where: { $0.key == key })?.value, value != .null else { return nil }
            return "\(key)=\(value.compactText)"
        }
        return "[" + parts.joined(separator: ",") + "]"
    }
}
