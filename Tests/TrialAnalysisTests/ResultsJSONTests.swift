import Foundation
import Testing
import TrialAnalysis

@Suite struct ResultsJSONTests {
    static func object(_ results: Results) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: results.jsonData()) as? [String: Any])
    }

    /// The value at a path like `remission.overall.byArm[0].ciLower`.
    static func value(at path: String, in root: Any) -> Any? {
        var current: Any? = root
        for component in path.split(separator: ".") {
            var name = Substring(component)
            var indices: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]") {
                indices.insert(Int(name[name.index(after: open)..<name.index(before: name.endIndex)])!, at: 0)
                name = name[..<open]
            }
            current = (current as? [String: Any])?[String(name)]
            for index in indices {
                guard let array = current as? [Any], array.indices.contains(index) else { return nil }
                current = array[index]
            }
        }
        return current
    }

    static func keys(at path: String, in root: Any) -> Set<String> {
        let object = path.isEmpty ? root as? [String: Any] : value(at: path, in: root) as? [String: Any]
        return Set(object?.keys.map { $0 } ?? [])
    }

    @Test func specKeysAreAtTheirPlaces() throws {
        let root = try Self.object(ResultsSamples.full)
        let specKeys: [String: Set<String>] = [
            "": ["schemaVersion", "inputs", "arms", "remission", "endpoints", "logistic", "insulinIndependence", "adverseEvents", "baseline"],
            "inputs[0]": ["file", "sha256"],
            "arms[0]": ["arm", "n"],
            "remission": ["overall", "subgroups"],
            "remission.overall": ["byArm", "difference", "test", "pValue"],
            "remission.overall.byArm[0]": ["arm", "n", "responders", "rate", "ciLower", "ciUpper"],
            "remission.overall.difference": ["estimate", "ciLower", "ciUpper"],
            "remission.subgroups[0]": ["subgroup", "level", "byArm", "difference", "test", "pValue"],
            "endpoints[0]": ["parameter", "visit", "subgroup", "level", "byArm", "between"],
            "endpoints[0].byArm[0]": ["arm", "n", "mean", "sd", "median", "q1", "q3", "meanChange", "medianPercentChange", "withinTest", "withinPValue"],
            "endpoints[0].between": ["measure", "test", "pValue"],
            "logistic": ["method", "population", "n", "events", "terms"],
            "logistic.terms[0]": ["term", "estimate", "standardError", "oddsRatio", "ciLower", "ciUpper", "pValue"],
            "insulinIndependence": ["byArm", "episodes"],
            "insulinIndependence.byArm[0]": ["arm", "subjects"],
            "insulinIndependence.episodes[0]": ["usubjid", "arm", "startMonth", "endMonth", "durationMonths", "ongoing"],
            "adverseEvents": ["byTerm"],
            "adverseEvents.byTerm[0]": ["term", "soc", "byArm"],
            "adverseEvents.byTerm[0].byArm[0]": ["arm", "subjects", "events"],
            "baseline": ["rows"],
            "baseline.rows[0]": ["variable", "byArm", "test", "pValue"],
        ]
        for (path, expected) in specKeys {
            let missing = expected.subtracting(Self.keys(at: path, in: root))
            #expect(missing.isEmpty, "missing at '\(path)': \(missing.sorted())")
        }
    }

    @Test func valuesLandAsJSONNumbersStringsAndBooleans() throws {
        let root = try Self.object(ResultsSamples.full)
        #expect(Self.value(at: "schemaVersion", in: root) as? Int == 1)
        #expect(Self.value(at: "remission.overall.byArm[0].responders", in: root) as? Int == 11)
        #expect(Self.value(at: "remission.overall.byArm[0].ciLower", in: root) as? Double == 0.2)
        #expect(Self.value(at: "remission.overall.test", in: root) as? String == "fisher-exact")
        #expect(Self.value(at: "endpoints[0].between.measure", in: root) as? String == "percentChange")
        #expect(Self.value(at: "endpoints[0].byArm[0].withinTest", in: root) as? String == "wilcoxon")
        #expect(Self.value(at: "logistic.terms[0].term", in: root) as? String == "(Intercept)")
        #expect(Self.value(at: "logistic.method", in: root) as? String == "firth")
        #expect(Self.value(at: "logistic.methodReason", in: root) as? String == "few-events-per-covariate")
        #expect(Self.value(at: "insulinIndependence.episodes[1].ongoing", in: root) as? Bool == true)
    }

    /// Checked with `JSONDecoder`: on Linux `JSONSerialization` reads some doubles 1 ulp off
    /// (0.4074074074074074 as 0.40740740740740744).
    @Test func numbersKeepFullPrecision() throws {
        let document = try SchemaJSON(data: ResultsSamples.full.jsonData())
        #expect(document["remission"]?["overall"]?["pValue"] == .number(0.0123456789012345))
        guard case .array(let arms)? = document["remission"]?["overall"]?["byArm"] else {
            Issue.record("no byArm")
            return
        }
        #expect(arms.first?["rate"] == .number(11.0 / 27))
    }

    @Test func missingValuesAreNullNotAbsent() throws {
        let root = try Self.object(ResultsSamples.full)
        #expect(Self.value(at: "endpoints[0].subgroup", in: root) is NSNull)
        #expect(Self.value(at: "endpoints[0].level", in: root) is NSNull)
        #expect(Self.value(at: "insulinIndependence.episodes[1].endMonth", in: root) is NSNull)
        #expect(Self.value(at: "inputs[1].rows", in: root) is NSNull)
        #expect(Self.value(at: "participantFlow.byArm[1].secondInfusion", in: root) is NSNull)
        #expect(Self.value(at: "baseline.rows[1].byArm[0].descriptives", in: root) is NSNull)
    }

    @Test func nonFiniteNumbersBecomeNull() throws {
        let sparse = ResultsSamples.sparse
        #expect(sparse.remission?.overall.pValue == nil)
        #expect(sparse.remission?.overall.byArm[0].rate == nil)
        #expect(sparse.logistic?.terms[0].oddsRatio == nil)
        let root = try Self.object(sparse)
        #expect(Self.value(at: "remission.overall.pValue", in: root) is NSNull)
        #expect(Self.value(at: "remission.overall.difference.ciUpper", in: root) is NSNull)
        #expect(Self.value(at: "endpoints[0].byArm[0].sd", in: root) is NSNull)
        let text = String(decoding: sparse.jsonData(), as: UTF8.self)
        #expect(!text.contains("nan") && !text.contains("inf"))
    }

    @Test func equalResultsEncodeToIdenticalBytes() {
        let first = ResultsSamples.full.jsonData()
        let second = ResultsSamples.full.jsonData()
        #expect(first == second)
        #expect(first.last == UInt8(ascii: "\n"))
    }

    @Test func decodingTheJSONGivesEqualResults() throws {
        for results in [ResultsSamples.full, ResultsSamples.sparse] {
            let decoded = try Results(jsonData: results.jsonData())
            #expect(decoded == results)
            #expect(decoded.jsonData() == results.jsonData())
        }
    }

    @Test func keysFollowTheOrderOfSpecSection5ThenTheAddedKeys() throws {
        let text = String(decoding: ResultsSamples.full.jsonData(), as: UTF8.self)
        let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topLevel == ["schemaVersion", "inputs", "arms", "remission", "endpoints", "logistic",
                             "insulinIndependence", "adverseEvents", "baseline", "participantFlow", "figureData", "notes",
                             "plan", "analysisSets", "treatmentEmergentEvents", "modelEndpoints", "baselineCharacteristics",
                             "responderEndpoints", "disposition", "repeatedMeasuresEndpoints", "consortFlow", "supportiveAnalyses"])
    }

    @Test func numbersUseTheirShortestRoundTripForm() throws {
        var results = ResultsSamples.full
        results.remission?.overall.pValue = 0.1 + 0.2
        results.endpoints[0].visit = 12
        results.endpoints[0].byArm[0].mean = 1e-300
        results.endpoints[0].byArm[0].sd = 123_456_789.125
        let text = String(decoding: results.jsonData(), as: UTF8.self)
        #expect(text.contains("\"pValue\": 0.30000000000000004,\n"))
        #expect(text.contains("\"visit\": 12,"))
        #expect(text.contains("\"mean\": 1e-300,"))
        #expect(text.contains("\"sd\": 123456789.125,"))
    }

    /// Every integer width is an integer (the encoder casts to each concrete type, never to a
    /// protocol); one beyond `Int` is the nearest number.
    @Test func integersOfEveryWidthAreIntegers() throws {
        struct Widths: Encodable {
            var int8: Int8 = -8, int16: Int16 = -16, int32: Int32 = -32, int64: Int64 = .min
            var uint: UInt = 7, uint8: UInt8 = 8, uint16: UInt16 = 16, uint32: UInt32 = .max
            var uint64: UInt64 = 1 << 63
            var list: [Int32] = [1, -2], optional: UInt16? = 3
        }
        let text = String(decoding: try CanonicalJSONEncoder.encode(Widths()), as: UTF8.self)
        for line in ["\"int8\": -8,", "\"int16\": -16,", "\"int32\": -32,", "\"int64\": -9223372036854775808,",
                     "\"uint\": 7,", "\"uint8\": 8,", "\"uint16\": 16,", "\"uint32\": 4294967295,", "\"optional\": 3\n"] {
            #expect(text.contains(line), "\(line) in \(text)")
        }
        #expect(text.contains("\"list\": [\n    1,\n    -2\n  ],"))
        let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["uint64"] as? Double) == 0x1p63)
    }

    /// A keyed member of each primitive type, present or `nil`, is written as the same value
    /// reached through a single-value container (where the encoder finds its type by casting).
    @Test func keyedPrimitivesAreWrittenAsTheirValues() throws {
        struct Boxed<Value: Encodable>: Encodable {
            var value: Value
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(value)
            }
        }
        struct Direct: Encodable {
            var bool = true, string = "a\"b", double = 0.1, float: Float = 0.1, int = -3, int8: Int8 = -8
            var int16: Int16 = -16, int32: Int32 = -32, int64: Int64 = .min, uint: UInt = 7, uint8: UInt8 = 8
            var uint16: UInt16 = 16, uint32: UInt32 = .max, uint64: UInt64 = .max
            var optionalDouble: Double? = 2.5, missingDouble: Double?, optionalFloat: Float? = 1.5, missingFloat: Float?
            var optionalInt: Int? = 4, missingInt: Int?, optionalInt8: Int8? = -1, missingInt8: Int8?
            var optionalUInt64: UInt64? = 5, missingUInt64: UInt64?, optionalBool: Bool? = false, missingBool: Bool?
            var optionalString: String? = "", missingString: String?
        }
        struct ThroughCasts: Encodable {
            var bool = Boxed(value: true), string = Boxed(value: "a\"b"), double = Boxed(value: 0.1)
            var float = Boxed(value: Float(0.1)), int = Boxed(value: -3), int8 = Boxed(value: Int8(-8))
            var int16 = Boxed(value: Int16(-16)), int32 = Boxed(value: Int32(-32)), int64 = Boxed(value: Int64.min)
            var uint = Boxed(value: UInt(7)), uint8 = Boxed(value: UInt8(8)), uint16 = Boxed(value: UInt16(16))
            var uint32 = Boxed(value: UInt32.max), uint64 = Boxed(value: UInt64.max)
            var optionalDouble = Boxed(value: Double?(2.5)), missingDouble = Boxed(value: Double?.none)
            var optionalFloat = Boxed(value: Float?(1.5)), missingFloat = Boxed(value: Float?.none)
            var optionalInt = Boxed(value: Int?(4)), missingInt = Boxed(value: Int?.none)
            var optionalInt8 = Boxed(value: Int8?(-1)), missingInt8 = Boxed(value: Int8?.none)
            var optionalUInt64 = Boxed(value: UInt64?(5)), missingUInt64 = Boxed(value: UInt64?.none)
            var optionalBool = Boxed(value: Bool?(false)), missingBool = Boxed(value: Bool?.none)
            var optionalString = Boxed(value: String?("")), missingString = Boxed(value: String?.none)
        }
        let direct = String(decoding: try CanonicalJSONEncoder.encode(Direct()), as: UTF8.self)
        #expect(direct == String(decoding: try CanonicalJSONEncoder.encode(ThroughCasts()), as: UTF8.self))
        for line in ["\"float\": 0.10000000149011612,", "\"uint64\": 1.8446744073709552e+19,", "\"missingFloat\": null,",
                     "\"optionalInt8\": -1,", "\"missingString\": null\n"] {
            #expect(direct.contains(line), "\(line) in \(direct)")
        }
    }

    @Test func stringsAreEscaped() throws {
        var results = ResultsSamples.full
        results.adverseEvents?.byTerm[0].term = "Quote \" backslash \\ newline \n bell \u{7} 中文 </script>"
        let text = String(decoding: results.jsonData(), as: UTF8.self)
        #expect(text.contains(#""term": "Quote \" backslash \\ newline \n bell \u0007 中文 </script>","#))
        #expect(try Results(jsonData: results.jsonData()) == results)
    }

    @Test func layoutIsTwoSpaceIndentedWithEmptyContainersInline() {
        var results = ResultsSamples.full
        results.endpoints = []
        let text = String(decoding: results.jsonData(), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"schemaVersion\": 1,\n  \"inputs\": [\n    {\n      \"file\": \"adsl.csv\",\n"))
        #expect(text.contains("\n  \"endpoints\": [],\n"))
        #expect(text.contains("\"levels\": []"))
    }
}
