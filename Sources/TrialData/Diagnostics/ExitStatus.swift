/// The exit codes of SPEC.md §4, in one place.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case failure = 1
    case usage = 64
    case invalidInput = 65
    case missingInput = 66
    case cannotWrite = 73

    /// The exit code for a failure of the given kind.
    public init(_ kind: TrialReportError.Kind) {
        switch kind {
        case .invalidInput: self = .invalidInput
        case .missingInput: self = .missingInput
        case .cannotWrite: self = .cannotWrite
        case .usage: self = .usage
        case .other: self = .failure
        }
    }
}
