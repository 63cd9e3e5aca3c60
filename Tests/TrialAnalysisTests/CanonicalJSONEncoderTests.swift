import Foundation
import Testing
import TrialAnalysis
import TrialData

/// `CanonicalJSONEncoder` writes the text as a value encodes itself: containers end when their
/// parent moves on, and what a streamed text cannot hold is refused rather than written wrong.
@Suite struct CanonicalJSONEncoderTests {
    private enum Key: String, CodingKey { case first, second, third }

    private static func text(_ value: some Encodable) throws -> String {
        String(decoding: try CanonicalJSONEncoder.encode(value), as: UTF8.self)
    }

    private static func refusal(_ value: some Encodable) -> String? {
        do {
            _ = try CanonicalJSONEncoder.encode(value)
            return nil
        } catch EncodingError.invalidValue(let description as String, _) {
            return description
        } catch {
            return "\(error)"
        }
    }

    /// The results written straight are the bytes of their JSON read back as a tree and written
    /// canonically (`JSONValue.canonicalBytes`): one layout, whoever writes it.
    @Test func resultsAreTheCanonicalTextOfTheirOwnTree() throws {
        let bytes = [UInt8](ResultsSamples.full.jsonData())
        let tree = try JSONParser.parse(bytes, file: "results.json")
        #expect(tree.canonicalBytes == bytes)
        #expect(try Results(jsonData: Data(bytes)) == ResultsSamples.full)
    }

    /// Nested containers end where their parent writes its next member or ends; empty ones stay
    /// inline; a value that writes nothing is an empty object; a value may ask for its container twice.
    @Test func nestedContainersCloseWhenTheirParentMovesOn() throws {
        struct Nothing: Encodable {
            func encode(to encoder: any Encoder) throws {}
        }
        struct Twice: Encodable {
            func encode(to encoder: any Encoder) throws {
                var first = encoder.container(keyedBy: Key.self)
                try first.encode(1, forKey: .first)
                var again = encoder.container(keyedBy: Key.self)
                try again.encode(2, forKey: .second)
            }
        }
        struct Nested: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                var inner = container.nestedContainer(keyedBy: Key.self, forKey: .first)
                var list = inner.nestedUnkeyedContainer(forKey: .first)
                try list.encode(1.5)
                try list.encodeNil()
                _ = inner.nestedUnkeyedContainer(forKey: .second)
                try container.encode(Nothing(), forKey: .second)
                try container.encode(Twice(), forKey: .third)
            }
        }
        #expect(try Self.text(Nested()) == """
            {
              "first": {
                "first": [
                  1.5,
                  null
                ],
                "second": []
              },
              "second": {},
              "third": {
                "first": 1,
                "second": 2
              }
            }

            """)
    }

    /// A key taken twice in one object, a container written to after a container opened later
    /// beside it, a value written twice, keyed and unkeyed at once, and `superEncoder` are refused.
    @Test func whatAStreamCannotHoldIsRefused() {
        struct KeyTwice: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(1, forKey: .first)
                try container.encode(2, forKey: .first)
            }
        }
        struct BackToAnEarlierSibling: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                var earlier = container.nestedContainer(keyedBy: Key.self, forKey: .first)
                var later = container.nestedUnkeyedContainer(forKey: .second)
                try later.encode(true)
                try earlier.encode(1, forKey: .first)
            }
        }
        struct WrittenTwice: Encodable {
            func encode(to encoder: any Encoder) throws {
                var single = encoder.singleValueContainer()
                try single.encode(1)
                try single.encode(2)
            }
        }
        struct KeyedAndUnkeyed: Encodable {
            func encode(to encoder: any Encoder) throws {
                var keyed = encoder.container(keyedBy: Key.self)
                try keyed.encode(1, forKey: .first)
                var unkeyed = encoder.unkeyedContainer()
                try unkeyed.encode(2)
            }
        }
        struct Super: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                _ = container.superEncoder()
            }
        }
        #expect(Self.refusal(KeyTwice()) == "the key \"first\" was encoded twice")
        #expect(Self.refusal(BackToAnEarlierSibling()) == "a container was written to after a container opened after it")
        #expect(Self.refusal(WrittenTwice()) == "a single value was encoded twice")
        #expect(Self.refusal(KeyedAndUnkeyed()) == "a value encoded both keyed and unkeyed")
        #expect(Self.refusal(Super()) == "superEncoder is not supported")
    }

    /// Keys repeat freely across objects, and in an object nested in one that has the same key.
    @Test func aKeyMayRepeatInAnotherObject() throws {
        struct Inner: Encodable { var first = 1 }
        struct Outer: Encodable { var first = Inner(), second = [Inner(), Inner()] }
        #expect(try Self.text(Outer()).components(separatedBy: "\"first\": 1").count == 4)
    }
}
