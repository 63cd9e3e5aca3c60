import Testing
import TrialAnalysis
import TrialData

/// `ResultsComparison`: what `trialreport diff` reports.
@Suite("results diff")
struct DiffTests {
    static func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8), file: "results.json")
    }

    static let results = """
        {"arms": [{"arm": "UC-MSC", "n": 27}, {"arm": "Control", "n": 26}],
         "remission": {"overall": {"byArm": [{"arm": "UC-MSC", "rate": 0.4074074074074074}, {"arm": "Control", "rate": 0.07692307692307693}],
                                   "pValue": 0.009126016260162601}},
         "endpoints": [{"parameter": "CPEPP", "visit": 12, "subgroup": null, "level": null, "pValue": 0.01},
                       {"parameter": "CPEPP", "visit": 12, "subgroup": "Onset", "level": "Adult-onset", "pValue": 0.0037}],
         "notes": ["a", "b"]}
        """

    static func differences(_ old: String, _ new: String, tolerance: Double = 1e-9) throws -> [String] {
        ResultsComparison.differences(old: try parse(old), new: try parse(new), tolerance: NumericTolerance(relative: tolerance))
            .map(\.description)
    }

    @Test func identicalResultsHaveNoDifferences() throws {
        #expect(try Self.differences(Self.results, Self.results) == [])
    }

    @Test func aChangedRateIsReportedWithPathOldNewAndRelativeDifference() throws {
        let new = Self.results.replacingOccurrences(of: "0.4074074074074074", with: "0.4444444444444444")
        #expect(try Self.differences(Self.results, new) == [
            #"remission.overall.byArm[arm="UC-MSC"].rate: 0.4074074074074074 → 0.4444444444444444 (relative difference 0.0833)"#,
        ])
    }

    @Test func differencesWithinTheToleranceAreNotReported() throws {
        let new = Self.results.replacingOccurrences(of: "0.009126016260162601", with: "0.009126016260162701")
        #expect(try Self.differences(Self.results, new, tolerance: 1e-9) == [])
        #expect(try Self.differences(Self.results, new, tolerance: 0).count == 1)
    }

    @Test func toleranceIsRelativeAboveOneAndAbsoluteBelow() {
        let tolerance = NumericTolerance(relative: 1e-6)
        #expect(tolerance.agrees(1_000_000, 1_000_000.9))
        #expect(!tolerance.agrees(1_000_000, 1_000_002))
        #expect(tolerance.agrees(1e-15, 3e-15))
        #expect(!tolerance.agrees(0, 2e-6))
    }

    @Test func arraysAreMatchedByTheirIdentifyingKeysNotByPosition() throws {
        let reordered = """
            {"arms": [{"arm": "Control", "n": 26}, {"arm": "UC-MSC", "n": 27}],
             "remission": {"overall": {"byArm": [{"arm": "Control", "rate": 0.07692307692307693}, {"arm": "UC-MSC", "rate": 0.4074074074074074}],
                                       "pValue": 0.009126016260162601}},
             "endpoints": [{"parameter": "CPEPP", "visit": 12, "subgroup": "Onset", "level": "Adult-onset", "pValue": 0.0037},
                           {"parameter": "CPEPP", "visit": 12, "subgroup": null, "level": null, "pValue": 0.02}],
             "notes": ["a", "b"]}
            """
        #expect(try Self.differences(Self.results, reordered) == [
            #"endpoints[parameter="CPEPP",visit=12].pValue: 0.01 → 0.02 (relative difference 0.5)"#,
        ])
    }

    @Test func addedAndRemovedKeysAndElementsAreReported() throws {
        let new = Self.results
            .replacingOccurrences(of: #"{"arm": "Control", "n": 26}"#, with: #"{"arm": "Placebo", "n": 26}"#)
            .replacingOccurrences(of: #""notes": ["a", "b"]"#, with: #""notes": ["a"], "schemaVersion": 1"#)
        #expect(try Self.differences(Self.results, new) == [
            #"arms[arm="Control"]: removed, was {"arm":"Control","n":26}"#,
            #"arms[arm="Placebo"]: added {"arm":"Placebo","n":26}"#,
            #"notes[1]: removed, was "b""#,
            "schemaVersion: added 1",
        ])
    }

    @Test func aNumberBecomingNullIsAChange() throws {
        let new = Self.results.replacingOccurrences(of: "0.0037", with: "null")
        #expect(try Self.differences(Self.results, new) == [
            #"endpoints[parameter="CPEPP",visit=12,subgroup="Onset",level="Adult-onset"].pValue: 0.0037 → null"#,
        ])
    }

    @Test(.timeLimit(.minutes(1))) func objectsWithManyKeysAreComparedInLinearTime() throws {
        let count = 100_000
        let old = JSONValue.object((0..<count).map { ("k\($0)", .integer($0)) })
        let new = JSONValue.object((0..<count).reversed().map { ("k\($0)", .integer($0 == 7 ? -7 : $0)) } + [("added", .null)])
        // About 2 s in a debug build on the loaded 2-core machine, minutes when O(k²): the minute
        // of the time limit tells them apart without a tight limit that load could exceed.
        let differences = ResultsComparison.differences(old: old, new: new).map(\.description)
        #expect(differences.count == 2)
        #expect(differences.first?.hasPrefix("k7: 7 → -7") == true)
        #expect(differences.last == "added: added null")
    }
}
