/// A variable's descriptor in a transport file (a NAMESTR record of 140 bytes, 136 in files
/// from VAX/VMS): type, length, name, label, format and position in the observation.
struct Namestr {
    enum Kind { case numeric, text }

    let kind: Kind
    let length: Int
    let name: String
    let label: String
    let format: String
    let position: Int
    /// The descriptor's offset in the file, for diagnostics.
    let offset: Int

    /// The byte offsets of the fields used, within a descriptor.
    private enum Field {
        static let type = 0, length = 4, name = 8, label = 16, format = 56, formatWidth = 64, formatDecimals = 66
        static let position = 84
    }

    /// Reads the descriptor of variable `number` (1-based) at `offset`, or reports what is wrong
    /// with it in `problems` and returns `nil`.
    init?(_ records: TransportRecords, at offset: Int, number: Int, _ problems: inout [Diagnostic]) {
        self.offset = offset
        name = records.text((offset + Field.name)..<(offset + Field.name + 8))
        label = records.text((offset + Field.label)..<(offset + Field.label + 40))
        let formatName = records.text((offset + Field.format)..<(offset + Field.format + 8))
        format = Self.format(formatName, width: records.bigEndianInteger(at: offset + Field.formatWidth, count: 2),
                             decimals: records.bigEndianInteger(at: offset + Field.formatDecimals, count: 2))
        length = records.bigEndianInteger(at: offset + Field.length, count: 2)
        position = records.bigEndianInteger(at: offset + Field.position, count: 4)
        let type = records.bigEndianInteger(at: offset + Field.type, count: 2)
        let shown = name.isEmpty ? "number \(number)" : name
        var isValid = true
        func report(_ field: Int, _ message: String) {
            problems.append(Diagnostic(at: records.location(offset + field), message))
            isValid = false
        }
        if name.isEmpty { report(Field.name, Message.transportUnnamedVariable(number)) }
        switch type {
        case 1:
            kind = .numeric
            if !(2...8).contains(length) { report(Field.length, Message.transportNumericLength(shown, length)) }
        case 2:
            kind = .text
            if length < 1 { report(Field.length, Message.transportTextLength(shown, length)) }
        default:
            kind = .numeric
            report(Field.type, Message.transportVariableType(shown, type))
        }
        guard isValid else { return nil }
    }

    /// A format as SAS writes it: name, width, `.`, decimals (`DATE9.`, `8.2`); `""` for none.
    private static func format(_ name: String, width: Int, decimals: Int) -> String {
        guard !name.isEmpty || width > 0 else { return "" }
        return name + (width > 0 ? String(width) : "") + "." + (decimals > 0 ? String(decimals) : "")
    }

    /// The descriptors of `count` variables from `offset`, with every problem of any of them
    /// (and of the set: duplicate names, positions past the observation) in `problems`.
    /// - Returns: the descriptors and the observation length, or `nil` when any is wrong.
    static func all(_ records: TransportRecords, at offset: Int, count: Int, size: Int,
                    _ problems: inout [Diagnostic]) -> (variables: [Namestr], observationLength: Int)? {
        let parsed = (0..<count).map { Namestr(records, at: offset + $0 * size, number: $0 + 1, &problems) }
        let variables = parsed.compactMap { $0 }
        guard variables.count == count else { return nil }
        let observationLength = variables.reduce(0) { $0 + $1.length }
        var firstNumber: [String: Int] = [:]
        var isValid = true
        for (index, variable) in variables.enumerated() {
            if let first = firstNumber[variable.name] {
                problems.append(Diagnostic(at: records.location(variable.offset + Field.name),
                                           Message.transportDuplicateVariable(variable.name, firstNumber: first)))
                isValid = false
            } else {
                firstNumber[variable.name] = index + 1
            }
            if variable.position < 0 || variable.position + variable.length > observationLength {
                problems.append(Diagnostic(at: records.location(variable.offset + Field.position),
                                           Message.transportVariablePastObservation(
                                            variable.name, position: variable.position, length: variable.length,
                                            observationLength: observationLength)))
                isValid = false
            }
        }
        return isValid ? (variables, observationLength) : nil
    }
}
