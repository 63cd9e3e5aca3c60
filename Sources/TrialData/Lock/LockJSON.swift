/// Reading the members of `trial.lock`'s JSON objects, with a message naming the key when one
/// is missing or of the wrong type.
struct LockJSON {
    let members: [(key: String, value: JSONValue)]
    /// The key path of this object, e.g. `history[0].plan`.
    let path: String

    static func object(_ value: JSONValue, at path: String) throws(TrialReportError) -> LockJSON {
        guard case .object(let members) = value else { throw problem("\(path) is not an object") }
        return LockJSON(members: members, path: path)
    }

    static func problem(_ message: String) -> TrialReportError {
        TrialReportError(.invalidInput, at: SourceLocation(file: TrialLock.fileName), "not a valid lock: " + message)
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func value(_ key: String) throws(TrialReportError) -> JSONValue {
        guard let member = members.first(where: { $0.key == key }) else { throw Self.problem("\(keyPath(key)) is missing") }
        return member.value
    }

    func string(_ key: String) throws(TrialReportError) -> String {
        guard case .string(let text) = try value(key) else { throw Self.problem("\(keyPath(key)) is not text") }
        return text
    }

    func optionalString(_ key: String) throws(TrialReportError) -> String? {
        if case .null = try value(key) { return nil }
        return try string(key)
    }

    func integer(_ key: String) throws(TrialReportError) -> Int {
        guard case .integer(let number) = try value(key) else { throw Self.problem("\(keyPath(key)) is not a whole number") }
        return number
    }

    func array(_ key: String) throws(TrialReportError) -> [JSONValue] {
        guard case .array(let elements) = try value(key) else { throw Self.problem("\(keyPath(key)) is not a list") }
        return elements
    }

    func files(_ key: String) throws(TrialReportError) -> [LockedFile] {
        var files: [LockedFile] = []
        for (index, element) in try array(key).enumerated() {
            files.append(try LockedFile(element, at: "\(keyPath(key))[\(index)]"))
        }
        return files
    }
}
