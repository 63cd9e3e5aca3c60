/// Text in a SAS transport file: fixed-width fields padded with blanks, in an encoding the file
/// does not name. A field is read as UTF-8 when its bytes are valid UTF-8 (ASCII is), otherwise
/// as Windows-1252 (SAS's WLATIN1, a superset of ISO 8859-1 for printable text), so no value is
/// lost or refused.
enum TransportText {
    /// `field` without its trailing blanks (and NULs, which some writers pad with).
    @inline(__always)
    static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var end = field.count
        while end > 0, field[end - 1] == 0x20 || field[end - 1] == 0 { end -= 1 }
        return UnsafeBufferPointer(rebasing: field[..<end])
    }

    /// The UTF-8 bytes of `field` (already trimmed): itself when valid UTF-8, else its bytes
    /// read as Windows-1252 and written as UTF-8.
    @inline(__always)
    static func withUTF8<Result>(_ field: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard !isASCII(field), String(validating: field, as: UTF8.self) == nil else { return body(field) }
        var converted = Array(windows1252ToString(field).utf8)
        return converted.withUnsafeMutableBufferPointer { body(UnsafeBufferPointer($0)) }
    }

    /// The text of a field (names, labels, formats): trimmed, then decoded as described above.
    static func string(_ field: UnsafeBufferPointer<UInt8>) -> String {
        withUTF8(trimmed(field)) { String(decoding: $0, as: UTF8.self) }
    }

    private static func isASCII(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for byte in field { any |= byte }
        return any < 0x80
    }

    /// Windows-1252 bytes as text; the five bytes it leaves undefined keep their ISO 8859-1
    /// meaning (C1 control characters).
    private static func windows1252ToString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var text = String.UnicodeScalarView()
        for byte in bytes {
            let scalar = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            text.append(Unicode.Scalar(scalar)!)
        }
        return String(text)
    }

    /// The code points of Windows-1252's bytes 0x80–0x9F.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
