import Foundation
import Testing
import TrialSimulation

/// The bundled example study as committed in examples/uc-msc-t1d.
private let exampleDirectory = packageRoot.appendingPathComponent("examples/uc-msc-t1d")

@Test func theCommittedExampleIsWhatSimulateWrites() throws {
    try withSimulatedStudy(.example) { fresh, _ in
        for name in StudySimulation(.example).fileNames {
            let committed = try Data(contentsOf: exampleDirectory.appendingPathComponent(name))
            #expect(try Data(contentsOf: fresh.appendingPathComponent(name)) == committed, "\(name) differs; regenerate it")
        }
    }
}

/// The example study read back from its CSV files, with the derivations of the default plan.
private struct ExampleStudyFacts {
    let participants: [[String: String]]
    let adverseEvents: [[String: String]]
    let episodes: [[String: String]]
    private let values: [String: Double]

    init() throws {
        participants = try SimpleTable(contentsOf: exampleDirectory.appendingPathComponent("adsl.csv")).rows
        adverseEvents = try SimpleTable(contentsOf: exampleDirectory.appendingPathComponent("adae.csv")).rows
        episodes = try SimpleTable(contentsOf: exampleDirectory.appendingPathComponent("adii.csv")).rows
        var values: [String: Double] = [:]
        for row in try SimpleTable(contentsOf: exampleDirectory.appendingPathComponent("adlb.csv")).rows {
            values["\(row["USUBJID"]!) \(row["PARAMCD"]!) \(row["AVISITN"]!)"] = Double(row["AVAL"]!)
        }
        self.values = values
    }

    func value(_ participant: String, _ parameter: String, _ visit: Int) -> Double? {
        values["\(participant) \(parameter) \(visit)"]
    }

    func participants(arm: String, adultOnset: Bool? = nil) -> [String] {
        participants.filter { row in
            row["ARM"] == arm && adultOnset.map { (Double(row["AGEDX"]!)! >= 18) == $0 } ?? true
        }.map { $0["USUBJID"]! }
    }

    /// SPEC.md §2: fasting and/or postprandial C-peptide at least 10% above baseline at month 12.
    func remits(_ participant: String) -> Bool {
        ["CPEPF", "CPEPP"].contains { parameter in
            guard let baseline = value(participant, parameter, 0), let month12 = value(participant, parameter, 12) else { return false }
            return (month12 - baseline) / baseline * 100 >= 10 - 1e-9
        }
    }
}

@Test func theExampleHasThePublishedArmsAndOnsetGroups() throws {
    let facts = try ExampleStudyFacts()
    #expect(facts.participants.count == 53)
    #expect(facts.participants(arm: "UC-MSC").count == 27)
    #expect(facts.participants(arm: "Control").count == 26)
    #expect(facts.participants.filter { Double($0["AGEDX"]!)! >= 18 }.count == 33)
    #expect(facts.participants.allSatisfy { Double($0["AGE"]!)! >= Double($0["AGEDX"]!)! })
    #expect(facts.participants.allSatisfy { ($0["ARM"] == "UC-MSC") == !$0["MSCDOSE"]!.isEmpty })
}

@Test func elevenOfTwentySevenRemitWithUCMSCAndAtMostThreeWithControl() throws {
    let facts = try ExampleStudyFacts()
    for participant in facts.participants.map({ $0["USUBJID"]! }) {
        for parameter in ["CPEPF", "CPEPP"] {
            #expect(facts.value(participant, parameter, 0) != nil && facts.value(participant, parameter, 12) != nil)
        }
    }
    #expect(facts.participants(arm: "UC-MSC").filter(facts.remits).count == 11)
    #expect(facts.participants(arm: "Control").filter(facts.remits).count <= 3)
}

@Test func threeUCMSCRemittersAreInsulinFreeForThreeToTwelveMonths() throws {
    let facts = try ExampleStudyFacts()
    #expect(Set(facts.episodes.map { $0["USUBJID"]! }).count == 3)
    #expect(facts.episodes.contains { $0["ENDMO"]!.isEmpty })
    for episode in facts.episodes {
        let participant = episode["USUBJID"]!
        #expect(facts.participants(arm: "UC-MSC").contains(participant))
        #expect(facts.remits(participant))
        let start = Int(episode["STARTMO"]!)!
        let end = Int(episode["ENDMO"]!) ?? 12
        #expect((3...12).contains(end - start))
        for visit in stride(from: start, to: end, by: 3) {
            #expect(facts.value(participant, "INSDOSE", visit) == 0)
        }
    }
}

@Test func theExampleHasNoSeriousOrSevereAdverseEvent() throws {
    let facts = try ExampleStudyFacts()
    #expect(!facts.adverseEvents.isEmpty)
    #expect(facts.adverseEvents.allSatisfy { $0["AESER"] == "N" && ["MILD", "MODERATE"].contains($0["AESEV"]!) })
    let ucMSC = Set(facts.participants(arm: "UC-MSC"))
    let inUCMSC = facts.adverseEvents.filter { ucMSC.contains($0["USUBJID"]!) }.count
    #expect(inUCMSC > facts.adverseEvents.count - inUCMSC)
}
