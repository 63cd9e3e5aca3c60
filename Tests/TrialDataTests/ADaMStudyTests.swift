import Foundation
import Testing
@testable import TrialData

/// A study folder of CDISC ADaM datasets read by the plan's layout: the CDISC pilot's transport
/// files, and small CSV studies with one problem each.
@Suite("ADaM study folders")
struct ADaMStudyTests {
    static let pilotArms = ["Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"]

    static func expectations(_ layout: AdamLayout, arms: [String] = ["Placebo", "Active"]) -> StudyExpectations {
        StudyExpectations(arms: arms, parameters: [], remissionParameters: [], baselineVisit: 0, layout: .adam(layout))
    }

    @Test func pilotTransportFilesGiveItsArmsAndTreatmentEmergentEvents() throws {
        let folder = CDISCPilotTransportTests.folder.deletingLastPathComponent()
        let layout = AdamLayout(subjects: "data/adsl.xpt", events: "data/adae.xpt", flags: ["SAFFL", "ITTFL", "EFFFL"],
                                relatedValues: ["POSSIBLE", "PROBABLE"], unrelatedValues: ["NONE", "REMOTE"])
        let data = try StudyData.load(from: folder, expecting: Self.expectations(layout, arms: Self.pilotArms))
        #expect(data.participants.count == 254)
        #expect((0..<3).map { arm in data.participants.arm.count { $0 == arm } } == [86, 84, 84])
        let efficacy = try #require(data.participants.column(named: "EFFFL"))
        #expect((0..<254).count { efficacy.text(at: $0) == "Y" } == 234)
        #expect(data.participants.column(named: "AGE")?.label == "Age")
        // 1,191 events, 65 of them not treatment-emergent (TRTEMFL blank).
        #expect(data.adverseEvents.count == 1126)
        #expect(data.warnings.map(\.message) == ["65 events are not treatment-emergent (TRTEMFL not Y) and not analysed; this is the first"])
        #expect(data.inputs.map(\.file) == ["data/adsl.xpt", "data/adae.xpt"])
        #expect(data.inputs.map(\.rowCount) == [254, 1191])
    }

    @Test func everyProblemOfTheSubjectFileIsReportedAtItsCell() throws {
        let folder = try StudyFolder(["adsl.csv": """
            USUBJID,TRT01P,TRT01A,SAFFL
            S1,Placebo,Placebo,Y
            S2,Active,,X
            S1,Active,Active,N
            S3,Actve,Placebo,

            """])
        defer { folder.remove() }
        let layout = AdamLayout(subjects: "adsl.csv", events: nil, flags: ["SAFFL"])
        let result = folder.load(Self.expectations(layout))
        #expect(result.kind == .invalidInput)
        #expect(result.problems == [
            "error: adsl.csv:3:12: SAFFL \"X\" must be \"Y\", \"N\" or blank",
            "error: adsl.csv:4:1: duplicate USUBJID \"S1\" (first in row 1)",
            "error: adsl.csv:5:4: TRT01P \"Actve\" is not an arm of the analysis plan (\"Placebo\" or \"Active\")",
        ])
    }

    @Test func aVariableThePlanNamesMustExistWithTheClosestNameSuggested() throws {
        let folder = try StudyFolder(["adsl.csv": "USUBJID,TRT01P,SAFFL\nS1,Placebo,Y\n"])
        defer { folder.remove() }
        let layout = AdamLayout(subjects: "adsl.csv", events: nil, actualTreatment: nil, flags: ["SAFLF"])
        let result = folder.load(Self.expectations(layout))
        #expect(result.problems == ["error: adsl.csv:1: missing variable SAFLF, which the analysis plan uses; did you mean SAFFL?"])
    }

    @Test func aMissingVariableIsNotSuggestedOneThatAnotherVariableIsReadFrom() throws {
        let folder = try StudyFolder([
            "adsl.csv": "USUBJID,TRT01P\nS1,Placebo\nS2,Active\n",
            "adae.csv": "USUBJID,AEDECOD,AEBODSYS,AESEV,TRTEMFL\nS1,Rash,Skin,MILD,Y\n",
        ])
        defer { folder.remove() }
        let layout = AdamLayout(subjects: "adsl.csv", events: "adae.csv", actualTreatment: nil)
        let result = folder.load(Self.expectations(layout))
        // AESEV is the severity, not a misspelt AESER.
        #expect(result.problems.contains("error: adae.csv:1: missing variable AESER, which the analysis plan uses"))
    }

    @Test func identifiersThatLookLikeNumbersStayText() throws {
        let folder = try StudyFolder([
            "adsl.csv": "USUBJID,TRT01P\n001,Placebo\n002,Active\n",
            "adae.csv": "USUBJID,AEDECOD,AEBODSYS,AESEV,AESER,TRTEMFL\n002,Headache,Nervous system,MILD,N,Y\n1,Rash,Skin,MILD,N,Y\n",
        ])
        defer { folder.remove() }
        let layout = AdamLayout(subjects: "adsl.csv", events: "adae.csv", actualTreatment: nil)
        let result = folder.load(Self.expectations(layout))
        #expect(result.problems == ["error: adae.csv:3:1: unknown USUBJID \"1\" (not in adsl.csv)"])
    }
}

/// Transport files that cannot be read are reported at their file and record.
@Suite("ADaM study folders: damaged transport files")
struct ADaMDamagedTransportTests {
    @Test func aFileThatIsNotTransportOrIsCutShortNamesTheFileAndRecord() throws {
        let pilotADSL = CDISCPilotTransportTests.folder.appendingPathComponent("adsl.xpt")
        let whole = try Data(contentsOf: pilotADSL)
        let folder = try StudyFolder(["adsl.csv": nil, "adlb.csv": nil])
        defer { folder.remove() }
        try whole.prefix(whole.count - 100).write(to: folder.url.appendingPathComponent("adsl.xpt"))
        try Data("USUBJID,AEDECOD\n".utf8).write(to: folder.url.appendingPathComponent("adae.xpt"))
        let layout = AdamLayout(subjects: "adsl.xpt", events: "adae.xpt")
        let result = folder.load(ADaMStudyTests.expectations(layout, arms: ADaMStudyTests.pilotArms))
        #expect(result.kind == .invalidInput)
        #expect(result.problems.contains { $0.hasPrefix("error: adsl.xpt:") && $0.contains("cut short") })
        #expect(result.problems.contains("error: adae.xpt:1:1: not a SAS transport file (XPT): the first record is not its library header"))
    }
}
