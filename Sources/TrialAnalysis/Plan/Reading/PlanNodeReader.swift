import TrialData
import Yams

/// Reads typed values out of a composed YAML tree. Every value of the wrong shape adds a
/// diagnostic at its line and column and reads as `nil`, so that one pass finds every mistake;
/// every value read records its location under its key path.
struct PlanNodeReader {
    /// The file name shown in diagnostics.
    let file: String
    /// The problems found so far, in document order of reading.
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each value read was written.
    private(set) var locations: PlanLocations
    private var failedPaths: [String] = []

    init(file: String) {
        self.file = file
        self.locations = PlanLocations(file: file)
    }

    // MARK: Reporting

    /// The location of a node in the file.
    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// Adds a problem with the value at `path`, located at `node`.
    mutating func report(_ message: String, at node: Node, path: String) {
        report(message, at: location(of: node), path: path)
    }

    /// Adds a problem with the value at `path`, located where that value was written.
    mutating func report(_ message: String, atPath path: String) {
        report(message, at: locations[path], path: path)
    }

    private mutating func report(_ message: String, at location: SourceLocation, path: String) {
        let subject = path.isEmpty ? "" : "\(path): "
        diagnostics.append(Diagnostic(.error, at: location, subject + message))
        failedPaths.append(path)
    }

    /// Whether a problem was reported for the value at `path` or inside it.
    func hasFailed(_ path: String) -> Bool {
        failedPaths.contains { $0 == path || $0.hasPrefix(path + ".") || $0.hasPrefix(path + "[") }
    }

    // MARK: Mappings

    /// The entries of a mapping whose keys are the cases of `Key`; every other key is reported,
    /// with the closest known key as a suggestion.
    mutating func entries<Key: RawRepresentable<String> & CaseIterable & Hashable>(
        of node: Node, at path: String, keys: Key.Type
    ) -> [Key: Node] {
        var known: [Key: Node] = [:]
        for entry in freeEntries(of: node, at: path) ?? [] {
            if let key = Key(rawValue: entry.key) {
                known[key] = entry.value
                continue
            }
            let names = Key.allCases.map(\.rawValue)
            let advice = ClosestKey.suggestion(for: entry.key, among: names).map { "did you mean '\($0)'?" }
                ?? "the known keys are \(names.joined(separator: ", "))"
            report("unknown key '\(entry.key)'; \(advice)", at: entry.keyNode, path: path)
        }
        return known
    }

    /// Reads the entries of a mapping whose keys are the cases of `Key`, in the order of the
    /// cases, each with `read(&reader, key, value, path)`; every other key is reported.
    ///
    /// - Returns: the keys present.
    @discardableResult
    mutating func readEntries<Key: RawRepresentable<String> & CaseIterable & Hashable>(
        of node: Node, at path: String, keys: Key.Type,
        _ read: (inout PlanNodeReader, Key, Node, String) -> Void
    ) -> Set<Key> {
        let known = entries(of: node, at: path, keys: keys)
        for key in Key.allCases {
            guard let value = known[key] else { continue }
            read(&self, key, value, PlanPath.child(path, key.rawValue))
        }
        return Set(known.keys)
    }

    /// The entries of a mapping with free text keys, in document order, or `nil` when the node
    /// is not a mapping. Records each value's location under `path.key`.
    mutating func freeEntries(of node: Node, at path: String) -> [(key: String, keyNode: Node, value: Node)]? {
        record(node, at: path)
        guard let mapping = node.mapping else {
            report("expected a mapping of keys to values, got \(Self.describe(node))", at: node, path: path)
            return nil
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string, Self.tag(of: keyNode) != .null else {
                report("keys must be text, got \(Self.describe(keyNode))", at: keyNode, path: path)
                continue
            }
            record(value, at: PlanPath.child(path, key))
            entries.append((key, keyNode, value))
        }
        return entries
    }

    /// Whether a list or mapping has at most `limit.count` items; if not, the item after the
    /// last allowed is reported.
    ///
    /// - Complexity: O(1) for a list, O(`limit.count`) for a mapping.
    mutating func isWithin(_ limit: PlanLimit, _ node: Node, at path: String) -> Bool {
        let firstTooMany: Node?
        let count: Int
        switch node {
        case .sequence(let sequence):
            count = sequence.count
            firstTooMany = count > limit.count ? sequence[limit.count] : nil
        case .mapping(let mapping):
            count = mapping.count
            firstTooMany = mapping.dropFirst(limit.count).first?.key
        case .scalar, .alias:
            return true
        }
        guard let firstTooMany else { return true }
        report("more than \(limit.count) \(limit.items): a plan may list at most \(limit.count) (this one lists \(count))",
               at: firstTooMany, path: path)
        return false
    }

    // MARK: Scalars

    /// A finite number; negative numbers only when `allowNegative`.
    mutating func number(_ node: Node, at path: String, allowNegative: Bool = false) -> Double? {
        record(node, at: path)
        guard let scalar = node.scalar, [.int, .float].contains(Self.tag(of: node)),
              let value = Self.tag(of: node) == .int ? Int.construct(from: scalar).map(Double.init) : Double.construct(from: scalar)
        else {
            report("expected a number, got \(Self.describe(node))", at: node, path: path)
            return nil
        }
        guard value.isFinite else {
            report("expected a finite number, got \(scalar.string)", at: node, path: path)
            return nil
        }
        guard allowNegative || value >= 0 else {
            report("must not be negative, got \(scalar.string)", at: node, path: path)
            return nil
        }
        return value
    }

    /// A whole number within `range`.
    mutating func integer(_ node: Node, at path: String, in range: ClosedRange<Int>) -> Int? {
        record(node, at: path)
        guard Self.tag(of: node) == .int, let scalar = node.scalar, let value = Int.construct(from: scalar), range.contains(value) else {
            report("expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(Self.describe(node))",
                   at: node, path: path)
            return nil
        }
        return value
    }

    /// Text, as written (so `no` stays "no"); a number is taken as its text. Empty or blank text
    /// is refused unless `allowEmpty`.
    mutating func text(_ node: Node, at path: String, allowEmpty: Bool = false) -> String? {
        record(node, at: path)
        guard let scalar = node.scalar, Self.tag(of: node) != .null else {
            report("expected text, got \(Self.describe(node))", at: node, path: path)
            return nil
        }
        guard allowEmpty || !scalar.string.allSatisfy(\.isWhitespace) else {
            report("must not be empty", at: node, path: path)
            return nil
        }
        return scalar.string
    }

    /// `true` or `false`.
    mutating func boolean(_ node: Node, at path: String) -> Bool? {
        record(node, at: path)
        guard Self.tag(of: node) == .bool, let scalar = node.scalar, let value = Bool.construct(from: scalar) else {
            report("expected true or false, got \(Self.describe(node))", at: node, path: path)
            return nil
        }
        return value
    }

    /// One of the raw values of `Value`.
    mutating func choice<Value: RawRepresentable<String> & CaseIterable>(_ node: Node, at path: String) -> Value? {
        record(node, at: path)
        if let text = node.scalar?.string, let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        report("expected one of \(allowed), got \(Self.describe(node))", at: node, path: path)
        return nil
    }

    // MARK: Lists

    /// The elements of a list, each read by `element` at `path[i]`; `nil` when the node is not a
    /// list or any element is wrong.
    mutating func list<Element>(
        _ node: Node, at path: String,
        element: (inout PlanNodeReader, Node, String) -> Element?
    ) -> [Element]? {
        guard let (elements, complete) = readElements(of: node, at: path, element: element) else { return nil }
        return complete ? elements.map(\.value) : nil
    }

    /// As `list(_:at:element:)`, also reporting every element equal to an earlier one (named by
    /// `describe`), even when other elements are wrong.
    mutating func uniqueList<Element: Hashable>(
        _ node: Node, at path: String, describe: (Element) -> String,
        element: (inout PlanNodeReader, Node, String) -> Element?
    ) -> [Element]? {
        guard let (elements, complete) = readElements(of: node, at: path, element: element) else { return nil }
        var seen: Set<Element> = []
        var unique = true
        for (index, value) in elements where !seen.insert(value).inserted {
            report("\(describe(value)) is listed twice", atPath: PlanPath.element(path, index))
            unique = false
        }
        return complete && unique ? elements.map(\.value) : nil
    }

    private mutating func readElements<Element>(
        of node: Node, at path: String,
        element: (inout PlanNodeReader, Node, String) -> Element?
    ) -> (elements: [(index: Int, value: Element)], complete: Bool)? {
        record(node, at: path)
        guard let sequence = node.sequence else {
            report("expected a list, got \(Self.describe(node))", at: node, path: path)
            return nil
        }
        var elements: [(index: Int, value: Element)] = []
        for (index, item) in sequence.enumerated() {
            if let value = element(&self, item, PlanPath.element(path, index)) {
                elements.append((index, value))
            }
        }
        return (elements, elements.count == sequence.count)
    }

    // MARK: Helpers

    private mutating func record(_ node: Node, at path: String) {
        locations.record(path, at: location(of: node))
    }

    /// The resolved YAML tag of a node (`int`, `float`, `str`, `null`...).
    private static func tag(of node: Node) -> Tag.Name {
        Tag.Name(rawValue: node.tag.rawValue)
    }

    /// How a value is named in a message: `"twelve"`, `nothing`, `a list`, `a mapping`.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            return Self.tag(of: node) == .null ? "nothing" : "\"\(scalar.string)\""
        case .mapping:
            return "a mapping"
        case .sequence:
            return "a list"
        case .alias:
            return "an alias"
        }
    }
}
