import Testing
import TrialData
@testable import TrialAnalysis

/// An endpoint's records read from a BDS dataset at several visits in one pass
/// (`EndpointRecords.atVisits`): each visit's records as a reading of that visit alone gives
/// them, worked out by hand on a small dataset.
@Suite("endpoint records at several visits")
struct EndpointRecordsTests {
    /// Three participants, parameters A and B, visits 0 (baseline), 1 and 2: participant 0 has two
    /// records of A at visit 1 (the first counts), participant 1's record at visit 2 is derived
    /// (DTYPE LOCF) and has BASE, participant 2 has no baseline; B's records must not count.
    static let table: BDSTable = {
        var table = BDSTable(file: "adxx.csv")
        let rows: [(participant: Int32, parameter: Int32, visit: Double, value: Double, baseline: Bool, base: Double, derived: Bool)] = [
            (0, 0, 0, 10, true, 10, false), (0, 0, 1, 13, false, 10, false), (0, 0, 1, 99, false, 10, false),
            (0, 0, 2, 15, false, 10, false), (0, 1, 1, 500, false, .nan, false),
            (1, 0, 0, 20, true, 20, false), (1, 0, 1, 18, false, 20, false), (1, 0, 2, 17, false, 21, true),
            (2, 0, 1, 7, false, .nan, false), (2, 0, 2, 8, false, .nan, false),
        ]
        table.participant = rows.map(\.participant)
        table.parameter = rows.map(\.parameter)
        table.visitNumber = rows.map(\.visit)
        table.value = rows.map(\.value)
        table.isBaseline = rows.map(\.baseline)
        table.base = rows.map(\.base)
        table.derivationType = rows.map { $0.derived ? "LOCF" : nil }
        table.parameterCodes = StringTable(["A", "B"])
        table.parameterLabels = ["Score A", "Score B"]
        table.visits = [(0, "Baseline"), (1, "Week 1"), (2, "Week 2")]
        return table
    }()

    static func responses(_ records: EndpointRecords) -> [Double] { (0..<3).map { records.response(of: $0) } }

    @Test func eachVisitIsReadAsOnItsOwn() throws {
        let endpoint = ModelEndpoint(name: "a", parameter: "A", visit: 2)
        let visits: [Double] = [2, 1, 2, 9]
        let together = EndpointRecords.atVisits(endpoint, datasets: [Self.table], participantCount: 3, visits: visits)
        let alone = visits.map { EndpointRecords(endpoint, datasets: [Self.table], participantCount: 3, visit: $0) }
        // Change from baseline: BASE where the record has it (21 for participant 1 at visit 2), else the ABLFL record's AVAL.
        let expected: [[Double]] = [[5, -4, .nan], [3, -2, .nan], [5, -4, .nan], [.nan, .nan, .nan]]
        for (index, records) in together.enumerated() {
            #expect(Self.responses(records).map { $0.isNaN ? -1_000 : $0 } == expected[index].map { $0.isNaN ? -1_000 : $0 })
            #expect(Self.responses(records).map(\.bitPattern) == Self.responses(alone[index]).map(\.bitPattern))
            #expect(records.duplicates == alone[index].duplicates)
            #expect(records.visitLabel == alone[index].visitLabel)
            #expect(records.parameterLabel == "Score A")
        }
        #expect(together.map(\.duplicates) == [0, 1, 0, 0])
        #expect(together.map(\.visitLabel) == ["Week 2", "Week 1", "Week 2", ""])
        #expect((0..<3).map { together[0].baseline(of: $0) }.map { $0.isNaN ? -1 : $0 } == [10, 21, -1])
    }

    /// A repeated-measures model's baseline covariate is each participant's first finite
    /// baseline over the visits in order: a participant whose first visit has none takes the next one's.
    @Test func theBaselineCovariateIsTheFirstFiniteBaselineOverTheVisits() {
        let endpoint = ModelEndpoint(name: "a", parameter: "A", visit: 2, measure: .value)
        let values: [Double] = [1, 2, 3, 4]
        let baselines: [[Double]] = [[10, .nan, .nan, 40], [11, 21, .nan, 41], [12, 22, 32, .nan]]
        let records = baselines.map { visit in
            values.withUnsafeBufferPointer { values in
                visit.withUnsafeBufferPointer { EndpointRecords(endpoint, values: values, baselines: $0, parameterLabel: "", visitLabel: "") }
            }
        }
        let first = RepeatedMeasuresEndpointAnalysis.firstBaselines(records, of: [3, 2, 1, 0])
        #expect(first.map { $0.isNaN ? -1 : $0 } == [40, 32, 21, 10])
        #expect(RepeatedMeasuresEndpointAnalysis.firstBaselines(Array(records.prefix(1)), of: [1, 2]).allSatisfy { $0.isNaN })
    }

    @Test func observedRecordsOnlyLeaveTheDerivedOneOut() {
        let endpoint = ModelEndpoint(name: "a", parameter: "A", visit: 2, measure: .value, observedOnly: true)
        let together = EndpointRecords.atVisits(endpoint, datasets: [Self.table], participantCount: 3, visits: [1, 2])
        #expect(Self.responses(together[0]) == [13, 18, 7])
        #expect(Self.responses(together[1]).map { $0.isNaN ? -1 : $0 } == [15, -1, 8])
    }

    @Test func aParameterNoDatasetHasGivesNoRecords() {
        let endpoint = ModelEndpoint(name: "c", parameter: "C", visit: 1)
        let together = EndpointRecords.atVisits(endpoint, datasets: [Self.table], participantCount: 3, visits: [1, 2])
        #expect(together.count == 2)
        #expect(together.allSatisfy { Self.responses($0).allSatisfy(\.isNaN) && $0.parameterLabel == "" && $0.visitLabel == "" })
    }
}
