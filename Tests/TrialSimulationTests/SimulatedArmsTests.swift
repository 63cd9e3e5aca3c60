import Foundation
import Testing
import TrialData
@testable import TrialSimulation

@Suite("simulate with k arms")
struct SimulatedArmsTests {
    @Test func armsAreParsedWithTheirDosesTheFirstTheReference() throws {
        let arms = try SimulatedArms(parsing: "Placebo:0, Low Dose : 54,High:81")
        #expect(arms.labels == ["Placebo", "Low Dose", "High"])
        #expect(arms.doses == [0, 54, 81])
        #expect(arms.referenceIndex == 0)
        #expect(arms.arm(0).effect == 0 && arms.arm(2).effect == 1)
        #expect(abs(arms.arm(1).effect - 54.0 / 81) < 1e-15)
        let undosed = try SimulatedArms(parsing: "Control,A,B")
        #expect(undosed.doses == nil)
        #expect([0, 1, 2].map { undosed.arm($0).effect } == [0, 1, 1])
    }

    @Test(arguments: [
        ("Placebo", "give 2 to 12 arms separated by commas, not 1"),
        ((1...13).map { "A\($0)" }.joined(separator: ","), "give 2 to 12 arms separated by commas, not 13"),
        ("A,,B", "an arm has no label"),
        ("A:1:2,B", "'A:1:2': write an arm as LABEL or LABEL:DOSE"),
        ("A,A", "arm 'A' is given twice"),
        ("A:0,B", "give a dose to every arm or to none"),
        ("A:0,B:-3", "'-3', the dose of 'B', must be a number, 0 or more"),
        ("A:0,B:high", "'high', the dose of 'B', must be a number, 0 or more"),
        ("A:0,B:inf", "'inf', the dose of 'B', must be a number, 0 or more"),
        ("A,\"B\"", "'\"B\"': a label cannot hold quotes, backslashes or control characters"),
    ])
    func badDescriptionsAreRefusedSayingWhy(description: String, message: String) {
        #expect(throws: SimulatedArms.Problem.self) { try SimulatedArms(parsing: description) }
        do {
            _ = try SimulatedArms(parsing: description)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func theSeedStudysArmsGiveTheSameBytesAsBefore() throws {
        // SHA-256 of the files main wrote before k arms (commit d69435b) for 2,000 participants, seed 42.
        let expected = [
            "adsl.csv": "693f45deba35d9bd5b05fe305a45d5fd79dd163ac296cb6b7c406a19d1c8eaf0",
            "adlb.csv": "9a385d77cd7568d4015940849cfb91f4714ddabdd0c08852f9e8ddb133408de3",
            "adae.csv": "45b4e83e59fa625fa7a040fe5be881de0afd9deafcedcbd773b0bb5db7dddce9",
            "adii.csv": "eb24872ed63c54eb678006d1ea4b63bbe35461c692240d8cce1fb73568612490",
        ]
        try withSimulatedStudy(.random(participants: 2_000, seed: 42)) { directory, _ in
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("study.yaml").path))
            for (name, sha256) in expected {
                let bytes = try Data(contentsOf: directory.appendingPathComponent(name))
                #expect(Checksum.sha256(Array(bytes)) == sha256, "\(name)")
            }
        }
    }

    @Test func threeDosedArmsAreEvenAndRespondWithTheDose() throws {
        let arms = try SimulatedArms(parsing: "Placebo:0,Low:54,High:81")
        try withSimulatedStudy(.random(participants: 9_000, seed: 3, arms: arms)) { directory, _ in
            let participants = try SimpleTable(contentsOf: directory.appendingPathComponent("adsl.csv")).rows
            let events = try SimpleTable(contentsOf: directory.appendingPathComponent("adae.csv")).rows
            let episodes = try SimpleTable(contentsOf: directory.appendingPathComponent("adii.csv")).rows
            let armOf = Dictionary(uniqueKeysWithValues: participants.map { ($0["USUBJID"]!, $0["ARM"]!) })
            for label in arms.labels {
                #expect((2_800...3_200).contains(participants.filter { $0["ARM"] == label }.count), "\(label)")
            }
            // Placebo participants get no UC-MSC dose, no infusion reactions and no insulin independence.
            #expect(participants.allSatisfy { ($0["ARM"] == "Placebo") == ($0["MSCDOSE"] == "") })
            #expect(!events.contains { $0["AEREL"] == "Y" && armOf[$0["USUBJID"]!] == "Placebo" })
            #expect(!episodes.contains { armOf[$0["USUBJID"]!] == "Placebo" })
            #expect(Set(episodes.map { armOf[$0["USUBJID"]!]! }) == ["Low", "High"])
        }
    }

    @Test func theWrittenPlanListsTheArms() throws {
        let arms = try SimulatedArms(parsing: "Placebo:0,Low:54.5,High:81")
        let design = StudySimulation.Design.random(participants: 5, seed: 1, arms: arms)
        #expect(StudySimulation(design).fileNames.last == "study.yaml")
        try withSimulatedStudy(design) { directory, _ in
            let plan = try String(contentsOf: directory.appendingPathComponent("study.yaml"), encoding: .utf8)
            #expect(plan.hasSuffix("""
                arms:
                  - {label: "Placebo", reference: true, dose: 0}
                  - {label: "Low", dose: 54.5}
                  - {label: "High", dose: 81}

                """))
        }
    }
}
