import Foundation
import TrialData

/// Encodes `Encodable` values as canonical JSON: the same value always gives the same bytes.
///
/// Unlike Foundation's `JSONEncoder`, an `Optional` that is `nil` is written as `null` rather
/// than left out (synthesized `Codable` calls `encodeIfPresent`, which this encoder writes as
/// `null`), keys keep the order in which the type encodes them (its declaration order), NaN and
/// infinities become `null`, and numbers are written in their shortest round-trip form.
public enum CanonicalJSONEncoder {
    /// The canonical JSON text of `value`, UTF-8, ending with a newline.
    ///
    /// - Throws: whatever `value.encode(to:)` throws (the types of this module never throw).
    /// - Complexity: O(size of the encoded document).
    public static func encode(_ value: some Encodable) throws -> Data {
        Data(try tree(of: value).canonicalBytes)
    }

    /// The JSON tree of `value`.
    static func tree(of value: some Encodable) throws -> JSONValue {
        let root = JSONNode()
        try root.store(value, codingPath: [])
        return root.json
    }
}

/// A node of the tree being encoded, filled in by the containers that refer to it.
private final class JSONNode {
    private enum Content {
        case pending
        case value(JSONValue)
        case object([(key: String, member: Member)])
        case array([JSONNode])
    }

    /// A member of an object: a value set at once (a primitive: no node for it), or a node that
    /// containers fill.
    private enum Member {
        case value(JSONValue)
        case node(JSONNode)

        var json: JSONValue {
            switch self {
            case .value(let value): value
            case .node(let node): node.json
            }
        }
    }

    private var content = Content.pending

    var json: JSONValue {
        switch content {
        case .pending: .object([])
        case .value(let value): value
        case .object(let members): .object(members.map { ($0.key, $0.member.json) })
        case .array(let elements): .array(elements.map(\.json))
        }
    }

    func set(_ value: JSONValue) {
        content = .value(value)
    }

    /// Encodes `value` into this node, writing primitives directly.
    ///
    /// Only casts to concrete types: a cast to a protocol (`as any BinaryInteger`) makes the
    /// runtime search the binary's conformance records for every type it meets, which was most of
    /// the encoding's time.
    func store(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        switch value {
        case let number as Double: set(.number(number))
        case let text as String: set(.string(text))
        case let number as Int: set(.integer(number))
        case let flag as Bool: set(.bool(flag))
        case let number as Float: set(.number(Double(number)))
        case let number as Int8: setInteger(number)
        case let number as Int16: setInteger(number)
        case let number as Int32: setInteger(number)
        case let number as Int64: setInteger(number)
        case let number as UInt: setInteger(number)
        case let number as UInt8: setInteger(number)
        case let number as UInt16: setInteger(number)
        case let number as UInt32: setInteger(number)
        case let number as UInt64: setInteger(number)
        default: try value.encode(to: TreeEncoder(node: self, codingPath: codingPath))
        }
    }

    private func setInteger(_ number: some BinaryInteger) {
        set(Self.integer(number))
    }

    /// An integer, as a JSON number when it does not fit `Int`.
    static func integer(_ number: some BinaryInteger) -> JSONValue {
        Int(exactly: number).map(JSONValue.integer) ?? .number(Double(number))
    }

    // `member` and `element` take the list out of `content` before changing it, so that it is
    // uniquely referenced and grows in place (amortized O(1) per element, not a copy each time).

    func member(_ key: String) -> JSONNode {
        let node = JSONNode()
        setMember(key, .node(node))
        return node
    }

    /// Sets member `key` to `value` (a primitive), without a node of its own.
    func setMember(_ key: String, _ value: JSONValue) {
        setMember(key, .value(value))
    }

    /// Sets member `key`, replacing one of the same key.
    private func setMember(_ key: String, _ member: Member) {
        var members: [(key: String, member: Member)]
        switch content {
        case .pending: members = []
        case .object(let existing): members = existing
        default: preconditionFailure("a value encoded both keyed and not keyed")
        }
        content = .pending
        members.removeAll { $0.key == key }
        members.append((key, member))
        content = .object(members)
    }

    func element() -> JSONNode {
        var elements: [JSONNode]
        switch content {
        case .pending: elements = []
        case .array(let existing): elements = existing
        default: preconditionFailure("a value encoded both unkeyed and not unkeyed")
        }
        content = .pending
        let node = JSONNode()
        elements.append(node)
        content = .array(elements)
        return node
    }

    var elementCount: Int {
        if case .array(let elements) = content { return elements.count }
        return 0
    }

    func beginObject() {
        if case .pending = content { content = .object([]) }
    }

    func beginArray() {
        if case .pending = content { content = .array([]) }
    }
}

private struct TreeEncoder: Encoder {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.beginObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.beginArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    // Primitives are set directly: no cast to find their type, no coding path for them.
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.number(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(.number(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(JSONNode.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(JSONNode.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(JSONNode.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(JSONNode.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(JSONNode.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(JSONNode.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(JSONNode.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(JSONNode.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(JSONNode.integer(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try put(value, key) }

    // `nil` is written as `null`, never left out.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { set(value.map(JSONValue.bool), key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { set(value.map(JSONValue.string), key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { set(value.map(JSONValue.number), key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { set(value.map { .number(Double($0)) }, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { set(value.map(JSONValue.integer), key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { set(value.map(JSONNode.integer), key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { set(value.map(JSONNode.integer), key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { set(value.map(JSONNode.integer), key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { set(value.map(JSONNode.integer), key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { set(value.map(JSONNode.integer), key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { set(value.map(JSONNode.integer), key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { set(value.map(JSONNode.integer), key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { set(value.map(JSONNode.integer), key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { set(value.map(JSONNode.integer), key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try put(value, key) } else { set(.null, key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = node.member(key.stringValue)
        child.beginObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.member(key.stringValue)
        child.beginArray()
        return UnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.member("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }

    private func put(_ value: some Encodable, _ key: Key) throws {
        try node.member(key.stringValue).store(value, codingPath: codingPath + [key])
    }

    /// Sets the member `key` to `value`, `null` when `nil`.
    private func set(_ value: JSONValue?, _ key: Key) {
        node.setMember(key.stringValue, value ?? .null)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var count: Int { node.elementCount }

    mutating func encodeNil() throws { node.element().set(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try node.element().store(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.element()
        child.beginObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.element()
        child.beginArray()
        return UnkeyedContainer(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.element(), codingPath: codingPath)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.set(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try node.store(value, codingPath: codingPath)
    }
}
