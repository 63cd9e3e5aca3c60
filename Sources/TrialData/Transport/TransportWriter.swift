/// A variable of a dataset written as a SAS transport (XPT version 5) file.
public struct TransportVariable: Sendable, Hashable {
    /// The name, at most 8 ASCII characters (upper case by convention).
    public var name: String
    /// The label, at most 40 bytes.
    public var label: String
    /// The bytes of each value: 8 for a number, the field width for text.
    public var length: Int
    /// Whether the values are text (else numbers).
    public var isText: Bool

    /// A numeric variable, stored in 8 bytes.
    public static func number(_ name: String, label: String) -> TransportVariable {
        TransportVariable(name: name, label: label, length: 8, isText: false)
    }

    /// A text variable of `length` bytes (1 to 200); longer values are cut at a character boundary.
    public static func text(_ name: String, label: String, length: Int) -> TransportVariable {
        TransportVariable(name: name, label: label, length: min(max(length, 1), 200), isText: true)
    }
}

/// Writes SAS transport (XPT version 5) files of one dataset, the FDA submission format, as
/// `TransportFile` reads them and SAS, R's haven and pyreadstat do: the library, member,
/// descriptor and NAMESTR headers (`header`), then the observations (`TransportObservationBuffer`),
/// then blanks up to the last 80-byte record (`padding`). The header's dates are fixed, so the
/// same data always give the same bytes.
public enum TransportWriter {
    /// The date written as the library's and the dataset's creation and modification date.
    static let date = "01JAN70:00:00:00"

    /// Everything before the observations of a file holding one dataset `member` (at most 8
    /// ASCII characters) with `variables`, in order.
    public static func header(member: String, label: String, variables: [TransportVariable]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes += record("HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000")
        bytes += record(field("SAS", 8) + field("SAS", 8) + field("SASLIB", 8) + field("9.4", 8) + field("Linux", 8)
                        + field("", 24) + date)
        bytes += record(date)
        bytes += record("HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140")
        bytes += record("HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000")
        bytes += record(field("SAS", 8) + field(member, 8) + field("SASDATA", 8) + field("9.4", 8) + field("Linux", 8)
                        + field("", 24) + date)
        bytes += fieldBytes(date, 16) + fieldBytes("", 16) + fieldBytes(label, 40) + fieldBytes("", 8)
        let count = String(variables.count)
        bytes += record("HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000" + String(repeating: "0", count: max(0, 4 - count.count))
                        + count + "00000000000000000000")
        var namestrs: [UInt8] = []
        var position = 0
        for (index, variable) in variables.enumerated() {
            namestrs += namestr(variable, number: index + 1, position: position)
            position += variable.length
        }
        bytes += namestrs + padding(after: namestrs.count)
        bytes += record("HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000")
        return bytes
    }

    /// The blanks that end a file whose observations take `observationBytes` bytes, filling its last record.
    public static func padding(after observationBytes: Int) -> [UInt8] {
        Array(repeating: 0x20, count: (80 - observationBytes % 80) % 80)
    }

    /// A 140-byte NAMESTR record: type, length, number, name, label, no format, position.
    private static func namestr(_ variable: TransportVariable, number: Int, position: Int) -> [UInt8] {
        var bytes = short(variable.isText ? 2 : 1) + short(0) + short(variable.length) + short(number)
        bytes += fieldBytes(variable.name, 8) + fieldBytes(variable.label, 40)
        bytes += fieldBytes("", 8) + short(0) + short(0) + short(0) + [0, 0]
        bytes += fieldBytes("", 8) + short(0) + short(0)
        bytes += [UInt8(truncatingIfNeeded: position >> 24), UInt8(truncatingIfNeeded: position >> 16),
                  UInt8(truncatingIfNeeded: position >> 8), UInt8(truncatingIfNeeded: position)]
        return bytes + Array(repeating: 0, count: 52)
    }

    private static func short(_ value: Int) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    /// `text` as an 80-byte record, blank-padded.
    private static func record(_ text: String) -> [UInt8] {
        fieldBytes(text, 80)
    }

    private static func field(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.utf8.count))
    }

    /// The UTF-8 bytes of `text` in a field of `width` bytes: blank-padded, or cut at a character boundary.
    static func fieldBytes(_ text: String, _ width: Int) -> [UInt8] {
        let utf8 = text.utf8
        if utf8.count <= width { return Array(utf8) + Array(repeating: 0x20, count: width - utf8.count) }
        var bytes: [UInt8] = []
        for character in text {
            let encoded = Array(String(character).utf8)
            guard bytes.count + encoded.count <= width else { break }
            bytes += encoded
        }
        return bytes + Array(repeating: 0x20, count: width - bytes.count)
    }
}
