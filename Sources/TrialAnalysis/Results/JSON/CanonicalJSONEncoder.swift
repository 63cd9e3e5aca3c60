import Foundation
import TrialData

/// Encodes `Encodable` values as canonical JSON: the same value always gives the same bytes.
///
/// Unlike Foundation's `JSONEncoder`, an `Optional` that is `nil` is written as `null` rather
/// than left out (synthesized `Codable` calls `encodeIfPresent`, which this encoder writes as
/// `null`), keys keep the order in which the type encodes them (its declaration order), NaN and
/// infinities become `null`, and numbers are written in their shortest round-trip form
/// (`CanonicalJSONText`, the text `JSONValue.canonicalBytes` writes).
///
/// The text is written as the value encodes itself, with no tree in between: a container ends
/// when its parent starts its next item or when the value that opened it has encoded itself.
/// So a container takes each key once and is not written to once a container opened after it
/// beside it has been used — as synthesized `Codable` encodes; a value that does otherwise, or
/// asks for a `superEncoder`, is refused (`EncodingError.invalidValue`). A value that encodes
/// nothing is an empty object.
public enum CanonicalJSONEncoder {
    /// The canonical JSON text of `value`, UTF-8, ending with a newline.
    ///
    /// - Throws: whatever `value.encode(to:)` throws (the types of this module never throw), and
    ///   `EncodingError.invalidValue` for a value that encodes as described above it may not.
    /// - Complexity: O(size of the encoded document).
    public static func encode(_ value: some Encodable) throws -> Data {
        let writer = StreamWriter()
        try writer.encode(value, depth: 0, codingPath: [])
        if let failure = writer.failure { throw failure }
        writer.text.finish()
        return Data(writer.text.bytes)
    }
}

/// The text being written and the containers open in it.
private final class StreamWriter {
    // One thread writes: the properties need no run-time exclusivity checks (a fifth of the
    // encoding's time with them).
    @exclusivity(unchecked) var text = CanonicalJSONText(reservingCapacity: 4096)
    /// The first misuse met (the text is then not used).
    private(set) var failure: EncodingError?

    /// An object or array whose closing bracket is still to be written.
    private struct OpenContainer {
        let id: Int, depth: Int, isObject: Bool
        var itemCount = 0
        /// Where the object's keys start in `keys`.
        let firstKey: Int
    }

    /// The containers open, outermost first.
    @exclusivity(unchecked) private var open: [OpenContainer] = []
    /// The keys of the open objects, each object's after its parent's.
    @exclusivity(unchecked) private var keys: [String] = []
    private var lastID = 0

    var openCount: Int { open.count }

    /// Writes `value`, whose items (if it is a container) are one level deeper than `depth`: a
    /// primitive at once, any other value by its `encode(to:)`, the containers it opened closed
    /// after it, `{}` when it wrote nothing.
    func encode<Value: Encodable>(_ value: Value, depth: Int, codingPath: [any CodingKey]) throws {
        if appendPrimitive(value) { return }
        let start = text.bytes.count, base = open.count
        try value.encode(to: StreamEncoder(writer: self, depth: depth, start: start, base: base, codingPath: codingPath))
        close(above: base)
        if text.bytes.count == start {
            text.open(object: true)
            text.close(object: true, depth: depth, isEmpty: true)
        }
    }

    /// Writes `value` if it is a number, a string or a Boolean.
    ///
    /// The type is compared, not cast: a failed cast costs a call into the runtime, and a
    /// struct fails fourteen of them (a cast to a protocol, `as any BinaryInteger`, makes the
    /// runtime search the binary's conformance records).
    /// - Returns: whether it was.
    private func appendPrimitive<Value>(_ value: Value) -> Bool {
        func valueIf<Primitive>(_ type: Primitive.Type) -> Primitive? {
            Value.self == type ? unsafeBitCast(value, to: type) : nil
        }
        if let number = valueIf(Double.self) { text.appendNumber(number) }
        else if let string = valueIf(String.self) { text.appendString(string) }
        else if let number = valueIf(Int.self) { text.appendInteger(number) }
        else if let flag = valueIf(Bool.self) { text.appendBool(flag) }
        else if let number = valueIf(Float.self) { text.appendNumber(Double(number)) }
        else if let number = valueIf(Int8.self) { text.appendAnyInteger(number) }
        else if let number = valueIf(Int16.self) { text.appendAnyInteger(number) }
        else if let number = valueIf(Int32.self) { text.appendAnyInteger(number) }
        else if let number = valueIf(Int64.self) { text.appendAnyInteger(number) }
        else if let number = valueIf(UInt.self) { text.appendAnyInteger(number) }
        else if let number = valueIf(UInt8.self) { text.appendAnyInteger(number) }
        else if let number = valueIf(UInt16.self) { text.appendAnyInteger(number) }
        else if let number = valueIf(UInt32.self) { text.appendAnyInteger(number) }
        else if let number = valueIf(UInt64.self) { text.appendAnyInteger(number) }
        else { return false }
        return true
    }

    /// The container of the value that started at byte `start` with `base` containers open: the
    /// one it opened already (a value may ask again), else a new one.
    /// - Returns: the container's identifier.
    func container(object: Bool, depth: Int, start: Int, base: Int, codingPath: [any CodingKey]) -> Int {
        if open.count > base, open[base].depth == depth {
            close(above: base + 1)
            if open[base].isObject != object { fail("a value encoded both keyed and unkeyed", codingPath) }
            return open[base].id
        }
        if text.bytes.count != start { fail("a value that was written already asked for a container", codingPath) }
        return openContainer(object: object, depth: depth)
    }

    /// A container opened where the text is (after `startItem`).
    private func openContainer(object: Bool, depth: Int) -> Int {
        lastID += 1
        open.append(OpenContainer(id: lastID, depth: depth, isObject: object, firstKey: keys.count))
        text.open(object: object)
        return lastID
    }

    /// A container opened as the next item of container `id` (`key` for an object's member), or
    /// `closedContainer` when that item cannot be started (`startItem`).
    func nestedContainer(object: Bool, in id: Int, key: String?, codingPath: [any CodingKey]) -> Int {
        guard let depth = startItem(in: id, key: key, codingPath: codingPath) else { return closedContainer }
        return openContainer(object: object, depth: depth)
    }

    /// Starts the next item of container `id` — `key` for an object's member — closing the
    /// containers opened after it.
    /// - Returns: the item's depth, or `nil` when `id` is closed already or `key` is taken
    ///   (the failure is recorded; nothing is written).
    func startItem(in id: Int, key: String?, codingPath: [any CodingKey]) -> Int? {
        guard let index = open.lastIndex(where: { $0.id == id }) else {
            fail("a container was written to after a container opened after it", codingPath)
            return nil
        }
        close(above: index + 1)
        let container = open[index]
        if let key {
            guard !keys[container.firstKey...].contains(key) else {
                fail("the key \"\(key)\" was encoded twice", codingPath)
                return nil
            }
            keys.append(key)
        }
        text.startItem(first: container.itemCount == 0, depth: container.depth + 1)
        open[index].itemCount += 1
        if let key { text.appendKey(key) }
        return container.depth + 1
    }

    /// The number of items container `id` has (0 once it is closed).
    func itemCount(of id: Int) -> Int {
        open.last { $0.id == id }?.itemCount ?? 0
    }

    /// Writes the closing brackets of the open containers after the first `count`.
    func close(above count: Int) {
        while open.count > count {
            let container = open.removeLast()
            keys.removeSubrange(container.firstKey...)
            text.close(object: container.isObject, depth: container.depth, isEmpty: container.itemCount == 0)
        }
    }

    /// Records the first misuse.
    func fail(_ description: String, _ codingPath: [any CodingKey]) {
        guard failure == nil else { return }
        failure = .invalidValue(description, EncodingError.Context(
            codingPath: codingPath, debugDescription: "canonical JSON is written as it is encoded: \(description)"))
    }
}

private extension CanonicalJSONText {
    /// An integer, as a JSON number when it does not fit `Int`.
    mutating func appendAnyInteger(_ number: some BinaryInteger) {
        if let value = Int(exactly: number) { appendInteger(value) } else { appendNumber(Double(number)) }
    }
}

private struct StreamEncoder: Encoder {
    let writer: StreamWriter
    /// The depth of the value, where it started in the text, and the containers open then.
    let depth: Int, start: Int, base: Int
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let id = writer.container(object: true, depth: depth, start: start, base: base, codingPath: codingPath)
        return KeyedEncodingContainer(KeyedContainer<Key>(writer: writer, id: id, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(writer: writer, id: writer.container(object: false, depth: depth, start: start, base: base, codingPath: codingPath),
                         codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }
}

/// A container that could not be opened: every write to it fails (the failure is recorded).
private let closedContainer = 0

/// The encoder that `superEncoder` would return; refused, its writes go nowhere.
private func refusedSuperEncoder(_ writer: StreamWriter, _ codingPath: [any CodingKey]) -> any Encoder {
    writer.fail("superEncoder is not supported", codingPath)
    return StreamEncoder(writer: writer, depth: 0, start: -1, base: Int.max, codingPath: codingPath)
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: StreamWriter
    let id: Int
    let codingPath: [any CodingKey]

    // Primitives are written directly: no cast to find their type, no coding path for them.
    mutating func encodeNil(forKey key: Key) throws { write(key) { $0.appendNull() } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { write(key) { $0.appendBool(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { write(key) { $0.appendString(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { write(key) { $0.appendNumber(value) } }
    mutating func encode(_ value: Float, forKey key: Key) throws { write(key) { $0.appendNumber(Double(value)) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { write(key) { $0.appendInteger(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { write(key) { $0.appendAnyInteger(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { write(key) { $0.appendAnyInteger(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { write(key) { $0.appendAnyInteger(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { write(key) { $0.appendAnyInteger(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { write(key) { $0.appendAnyInteger(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { write(key) { $0.appendAnyInteger(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { write(key) { $0.appendAnyInteger(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { write(key) { $0.appendAnyInteger(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { write(key) { $0.appendAnyInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try put(value, key) }

    // `nil` is written as `null`, never left out.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { write(key, value) { $0.appendBool($1) } }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { write(key, value) { $0.appendString($1) } }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { write(key, value) { $0.appendNumber($1) } }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { write(key, value) { $0.appendNumber(Double($1)) } }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { write(key, value) { $0.appendInteger($1) } }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { write(key, value) { $0.appendAnyInteger($1) } }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { write(key, value) { $0.appendAnyInteger($1) } }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { write(key, value) { $0.appendAnyInteger($1) } }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { write(key, value) { $0.appendAnyInteger($1) } }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { write(key, value) { $0.appendAnyInteger($1) } }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { write(key, value) { $0.appendAnyInteger($1) } }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { write(key, value) { $0.appendAnyInteger($1) } }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { write(key, value) { $0.appendAnyInteger($1) } }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { write(key, value) { $0.appendAnyInteger($1) } }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try put(value, key) } else { write(key) { $0.appendNull() } }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedContainer<NestedKey>(writer: writer, id: nested(object: true, key), codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedContainer(writer: writer, id: nested(object: false, key), codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { refusedSuperEncoder(writer, codingPath) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { refusedSuperEncoder(writer, codingPath + [key]) }

    /// Member `key`, a container opened in it.
    private func nested(object: Bool, _ key: Key) -> Int {
        writer.nestedContainer(object: object, in: id, key: key.stringValue, codingPath: codingPath)
    }

    private func put(_ value: some Encodable, _ key: Key) throws {
        guard let depth = writer.startItem(in: id, key: key.stringValue, codingPath: codingPath) else { return }
        try writer.encode(value, depth: depth, codingPath: codingPath + [key])
    }

    /// Member `key`, a primitive written by `body`.
    private func write(_ key: Key, _ body: (inout CanonicalJSONText) -> Void) {
        guard writer.startItem(in: id, key: key.stringValue, codingPath: codingPath) != nil else { return }
        body(&writer.text)
    }

    /// Member `key`: `value` written by `body`, or `null`.
    private func write<Value>(_ key: Key, _ value: Value?, _ body: (inout CanonicalJSONText, Value) -> Void) {
        write(key) { text in
            if let value { body(&text, value) } else { text.appendNull() }
        }
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let writer: StreamWriter
    let id: Int
    let codingPath: [any CodingKey]
    var count: Int { writer.itemCount(of: id) }

    mutating func encodeNil() throws {
        guard writer.startItem(in: id, key: nil, codingPath: codingPath) != nil else { return }
        writer.text.appendNull()
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        guard let depth = writer.startItem(in: id, key: nil, codingPath: codingPath) else { return }
        try writer.encode(value, depth: depth, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedContainer<NestedKey>(writer: writer, id: nested(object: true), codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(writer: writer, id: nested(object: false), codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { refusedSuperEncoder(writer, codingPath) }

    /// The next element, a container opened in it.
    private func nested(object: Bool) -> Int {
        writer.nestedContainer(object: object, in: id, key: nil, codingPath: codingPath)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: StreamEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws {
        guard isUnwritten() else { return }
        encoder.writer.text.appendNull()
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        guard isUnwritten() else { return }
        try encoder.writer.encode(value, depth: encoder.depth, codingPath: codingPath)
    }

    /// Whether nothing of the value is written yet (else the failure is recorded).
    private func isUnwritten() -> Bool {
        let writer = encoder.writer
        guard writer.text.bytes.count == encoder.start, writer.openCount == encoder.base else {
            writer.fail("a single value was encoded twice", codingPath)
            return false
        }
        return true
    }
}
