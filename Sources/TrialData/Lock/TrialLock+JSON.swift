import Foundation

extension TrialLock {
    /// The text of `trial.lock` (canonical JSON, final newline).
    public var text: String { json(withHistory: true).canonicalText }

    func json(withHistory: Bool) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("format", .string(Self.format)),
            ("formatVersion", .integer(Self.formatVersion)),
            ("lockHash", .string(lockHash)),
            ("lockedAt", .string(LockTime.text(lockedAt))),
            ("lockedBy", .string(lockedBy)),
            ("note", note.map(JSONValue.string) ?? .null),
            ("toolVersion", .string(toolVersion)),
            ("inputs", .array(contents.inputs.map(\.json))),
            ("plan", contents.plan?.json ?? .string(Self.builtInPlan)),
            ("templates", .array(contents.templates.map(\.json))),
            ("rowDigests", rowDigests?.json ?? .null),
        ]
        if withHistory { members.append(("history", .array(history.map { $0.json(withHistory: false) }))) }
        return .object(members)
    }

    /// How `plan` records the built-in plan.
    static let builtInPlan = "built-in"

    /// Reads `trial.lock` text.
    /// - Throws: `TrialReportError` of kind `.invalidInput` naming the first problem: not JSON,
    ///   another format or a newer format version, a key missing or of the wrong type, or a
    ///   `lockHash` that does not match the files listed (the file was edited by hand).
    public init(text: String) throws(TrialReportError) {
        try self.init(bytes: Array(text.utf8))
    }

    /// Reads `trial.lock` as it is on disk; see `init(text:)`. Text that is not UTF-8 is an error
    /// at its line and column.
    public init(bytes: [UInt8]) throws(TrialReportError) {
        try self.init(json: try JSONParser.parse(bytes, file: Self.fileName), path: "", withHistory: true)
    }

    private init(json: JSONValue, path: String, withHistory: Bool) throws(TrialReportError) {
        let object = try LockJSON.object(json, at: path)
        guard try object.string("format") == Self.format else { throw LockJSON.problem("\(object.keyPath("format")) is not \"\(Self.format)\"") }
        let version = try object.integer("formatVersion")
        guard version == Self.formatVersion else {
            throw LockJSON.problem("format version \(version) is not \(Self.formatVersion); use the TrialReport version that wrote it")
        }
        let timeText = try object.string("lockedAt")
        guard let lockedAt = LockTime.date(timeText) else { throw LockJSON.problem("\(object.keyPath("lockedAt")) \"\(timeText)\" is not an ISO 8601 time") }
        var plan: LockedFile?
        if case .string(Self.builtInPlan) = try object.value("plan") {} else { plan = try LockedFile(try object.value("plan"), at: object.keyPath("plan")) }
        var rowDigests: LockedFile?
        if case .null = try object.value("rowDigests") {} else { rowDigests = try LockedFile(try object.value("rowDigests"), at: object.keyPath("rowDigests")) }
        var history: [TrialLock] = []
        if withHistory {
            for (index, entry) in try object.array("history").enumerated() {
                history.append(try TrialLock(json: entry, path: object.keyPath("history[\(index)]"), withHistory: false))
            }
        }
        self.init(lockedAt: lockedAt, lockedBy: try object.string("lockedBy"), note: try object.optionalString("note"),
                  toolVersion: try object.string("toolVersion"),
                  contents: LockedContents(inputs: try object.files("inputs"), plan: plan, templates: try object.files("templates")),
                  rowDigests: rowDigests, history: history)
        let recorded = try object.string("lockHash")
        guard recorded == lockHash else {
            throw LockJSON.problem("\(object.keyPath("lockHash")) \(recorded) does not match the files listed (\(lockHash)); was the file edited?")
        }
    }
}
