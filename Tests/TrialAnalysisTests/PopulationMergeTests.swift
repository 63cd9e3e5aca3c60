import Foundation
import Testing
import TrialData
@testable import TrialAnalysis

/// The samples of all participants are merged from the levels of a subgroup that covers
/// everyone; when a participant has no level, they are gathered and sorted directly. Both
/// ways must give the same statistics (up to rounding of sums in another order).
@Suite struct PopulationMergeTests {
    /// The fixture study with `agedx` as the AGEDX of participant T001 (blank = no onset group).
    private func results(agedxOfFirst agedx: String) throws -> (Results, DerivedStudy) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("merge-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: AnalysisFixtures.study, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let adsl = folder.appendingPathComponent("adsl.csv")
        let text = try String(contentsOf: adsl, encoding: .utf8)
        try text.replacingOccurrences(of: "T001,UC-MSC,17,17,", with: "T001,UC-MSC,17,\(agedx),")
            .write(to: adsl, atomically: true, encoding: .utf8)
        let input = try StudyInput.load(from: folder)
        return (StudyAnalysis.run(data: input.data, plan: input.plan.plan), DerivedStudy(data: input.data, plan: input.plan.plan))
    }

    private func allParticipants(_ results: Results) throws -> JSONValue {
        let endpoints = results.endpoints.filter { $0.subgroup == nil }
        let baseline = try #require(results.baseline?.rows.filter { !["AGE", "AGEDX"].contains($0.variable) })
        let data = try JSONEncoder().encode(Pair(endpoints: endpoints, baseline: baseline))
        return try JSONParser.parse(Array(data), file: "results")
    }

    private struct Pair: Encodable {
        let endpoints: [EndpointResult]
        let baseline: [BaselineRow]
    }

    @Test func mergedAndDirectlySortedSamplesGiveTheSameStatistics() throws {
        let (merged, partitioned) = try results(agedxOfFirst: "17")
        let (direct, notPartitioned) = try results(agedxOfFirst: "")
        #expect(partitioned.levelsPartitioningAll == [1, 2])
        #expect(notPartitioned.levelsPartitioningAll == nil)
        let differences = ResultsComparison.differences(old: try allParticipants(merged), new: try allParticipants(direct),
                                                        tolerance: NumericTolerance(relative: 1e-12))
        #expect(differences.count == 0, "\(differences.prefix(5).map(\.description))")
        // 4 parameters × 4 visits after baseline, each with both arms' statistics compared above.
        #expect(merged.endpoints.filter { $0.subgroup == nil }.count == 16)
    }
}
