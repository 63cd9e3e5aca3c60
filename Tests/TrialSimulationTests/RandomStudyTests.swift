import Foundation
import Testing
import TrialSimulation

@Test func aTenThousandParticipantStudyHasTheExpectedRows() throws {
    try withSimulatedStudy(.random(participants: 10_000, seed: 1)) { directory, summary in
        let participants = try SimpleTable(contentsOf: directory.appendingPathComponent("adsl.csv")).rows
        let measurements = try SimpleTable(contentsOf: directory.appendingPathComponent("adlb.csv")).rows
        let adverseEvents = try SimpleTable(contentsOf: directory.appendingPathComponent("adae.csv")).rows
        let episodes = try SimpleTable(contentsOf: directory.appendingPathComponent("adii.csv")).rows
        #expect(participants.count == 10_000)
        #expect(Set(participants.map { $0["USUBJID"]! }).count == 10_000)
        #expect(summary.participants == participants.count)
        #expect(summary.measurements == measurements.count)
        #expect(summary.adverseEvents == adverseEvents.count)
        #expect(summary.insulinFreeEpisodes == episodes.count)
        // Every participant has the 4 parameters at baseline; later visits may be missed.
        #expect(measurements.filter { $0["AVISITN"] == "0" }.count == 40_000)
        #expect((19 * 10_000...20 * 10_000).contains(measurements.count))
        // A few adverse events per participant; arms and onset groups as in the seed study.
        #expect((10_000...30_000).contains(adverseEvents.count))
        let treated = participants.filter { $0["ARM"] == "UC-MSC" }.count
        #expect((4_800...5_200).contains(treated))
        let adultOnset = participants.filter { Double($0["AGEDX"]!)! >= 18 }.count
        #expect((6_000...6_400).contains(adultOnset))
    }
}

@Test func participantIdentifiersWidenWithTheStudySize() throws {
    try withSimulatedStudy(.random(participants: 1_234, seed: 1)) { directory, _ in
        let participants = try SimpleTable(contentsOf: directory.appendingPathComponent("adsl.csv")).rows
        #expect(participants.first?["USUBJID"] == "P0001")
        #expect(participants.last?["USUBJID"] == "P1234")
    }
}
