/// Reading the cells of a record the way every table builder does: a problem is reported at
/// the cell's line and column and clears `isValid`, so that one pass finds every problem.
extension CSVRecord {
    /// A numeric cell: `Double.nan` when missing or not a number (reported).
    /// - Parameters:
    ///   - index: the column's index, or `nil` when the column is absent (gives `nan`).
    ///   - isRequired: whether a missing value is a problem.
    ///   - allowsNegative: whether a negative number is valid.
    func number(_ index: Int?, _ column: String, _ log: inout DiagnosticLog, _ isValid: inout Bool,
                isRequired: Bool = false, allowsNegative: Bool = false) -> Double {
        guard let index else { return .nan }
        switch number(index) {
        case .number(let value):
            if value < 0, !allowsNegative {
                report(index, Message.negative(column, text(index)), &log, &isValid)
            }
            return value
        case .missing:
            if isRequired { report(index, Message.missingValue(column), &log, &isValid) }
            return .nan
        case .invalid:
            report(index, Message.notANumber(column, text(index)), &log, &isValid)
            return .nan
        }
    }

    /// A cell that must hold one of a few codes, e.g. `SEX` (`M`/`F`).
    /// - Returns: the value of the matching code, or `nil` when missing (reported unless
    ///   `isRequired` is false) or not one of them (reported).
    func code<Value>(_ index: Int?, _ column: String, _ codes: KeyValuePairs<StaticString, Value>,
                     _ log: inout DiagnosticLog, _ isValid: inout Bool, isRequired: Bool = true) -> Value? {
        guard let index else { return nil }
        if isMissing(index) {
            if isRequired { report(index, Message.missingValue(column), &log, &isValid) }
            return nil
        }
        if let match = withValueBytes(index, { Self.code($0, in: codes) }) { return match }
        let allowed = codes.map { $0.key.description }
        report(index, Message.notOneOf(column, text(index), allowed: allowed), &log, &isValid)
        return nil
    }

    /// The value of the code among `codes` whose text `bytes` are, or `nil`.
    @inline(__always)
    static func code<Value>(_ bytes: UnsafeBufferPointer<UInt8>, in codes: KeyValuePairs<StaticString, Value>) -> Value? {
        codes.first { bytesEqual(bytes, UnsafeBufferPointer(start: $0.key.utf8Start, count: $0.key.utf8CodeUnitCount)) }?.value
    }

    /// A text cell that must not be missing: `false` when it is (reported) or when the column
    /// is absent (`index` is `nil`; reported with the header).
    func hasValue(_ index: Int?, _ column: String, _ log: inout DiagnosticLog, _ isValid: inout Bool) -> Bool {
        guard let index else { return false }
        if isMissing(index) {
            report(index, Message.missingValue(column), &log, &isValid)
            return false
        }
        return true
    }

    /// Reports a problem at field `index`.
    func report(_ index: Int, _ message: String, _ log: inout DiagnosticLog, _ isValid: inout Bool) {
        isValid = false
        log.add(.error, location(ofField: index), message)
    }
}
