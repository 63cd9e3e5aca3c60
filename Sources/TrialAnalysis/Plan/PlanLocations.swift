import TrialData

/// Where each value of a plan was written, so that checks made later (against the data) can
/// point at the line of `study.yaml` that is wrong.
///
/// Values are named by key path: `primaryVisit`, `arms.control`, `logistic.covariates[1]`,
/// `subgroups[0].variable`, `parameters.CPEPF.unit`.
public struct PlanLocations: Sendable, Hashable {
    /// The plan's file name as the user gave it (or `PlanLocations.builtInFile`).
    public var file: String
    private var locations: [String: SourceLocation]

    /// The file name shown for problems in the built-in plan.
    public static let builtInFile = "built-in plan"

    /// An empty map for `file`: every path resolves to the whole file.
    public init(file: String) {
        self.file = file
        self.locations = [:]
    }

    /// The location of the value at `path`; for a value not written in the file (a default), the
    /// location of the nearest enclosing value that was, else the file itself.
    ///
    /// - Complexity: O(*d*) dictionary lookups for a path of depth *d*.
    public subscript(path: String) -> SourceLocation {
        var path = path
        while true {
            if let location = locations[path] { return location }
            guard let parent = Self.parent(of: path) else { return SourceLocation(file: file) }
            path = parent
        }
    }

    /// Whether the value at `path` was written in the file (rather than being a default).
    public func contains(_ path: String) -> Bool {
        locations[path] != nil
    }

    /// Records that the value at `path` starts at `location`.
    mutating func record(_ path: String, at location: SourceLocation) {
        locations[path] = location
    }

    /// `a.b[2]` → `a.b`, `a.b` → `a`, `a` → `nil`.
    private static func parent(of path: String) -> String? {
        guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
        return String(path[..<cut])
    }
}
