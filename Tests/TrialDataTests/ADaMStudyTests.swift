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

    @Test func everyProblemOfAnEventIsReportedAtItsCellInRowOrder() throws {
        let folder = try StudyFolder([
            "adsl.csv": "USUBJID,TRT01P\nS1,Placebo\nS2,Active\n",
            "adae.csv": """
                USUBJID,AEDECOD,AEBODSYS,AESEV,AESER,AREL,TRTEMFL
                S1,Rash,Skin,MILD,N,NONE,X
                ,Rash,Skin,MILD,N,NONE,Y
                S9,Rash,Skin,Mild,N,NONE,Y
                S1,,,MILD,,MAYBE,Y
                S2,Rash,Skin,SEVERE,yes,POSSIBLE,Y

                """,
        ])
        defer { folder.remove() }
        let layout = AdamLayout(subjects: "adsl.csv", events: "adae.csv", actualTreatment: nil,
                                relatedValues: ["POSSIBLE"], unrelatedValues: ["NONE"])
        let result = folder.load(Self.expectations(layout))
        #expect(result.problems == [
            "error: adae.csv:2:26: TRTEMFL \"X\" must be \"N\", \"Y\" or blank",
            "error: adae.csv:3:1: USUBJID is missing",
            "error: adae.csv:4:1: unknown USUBJID \"S9\" (not in adsl.csv)",
            "error: adae.csv:4:14: AESEV \"Mild\" must be \"MILD\", \"MODERATE\" or \"SEVERE\"",
            "error: adae.csv:5:4: AEDECOD is missing",
            "error: adae.csv:5:5: AEBODSYS is missing",
            "error: adae.csv:5:11: AESER is missing",
            "error: adae.csv:5:12: AREL \"MAYBE\" must be \"NONE\", \"POSSIBLE\" or blank",
            "error: adae.csv:6:21: AESER \"yes\" must be \"N\" or \"Y\"",
        ])
    }

    @Test func keptEventsCodeTheirTermsInTheOrderOfTheRowsKept() throws {
        let folder = try StudyFolder([
            "adsl.csv": "USUBJID,TRT01P\nS1,Placebo\nS2,Active\n",
            "adae.csv": """
                USUBJID,AEDECOD,AEBODSYS,AESEV,AESER,AREL,ASTDY,TRTEMFL
                S1,Cough,Respiratory,MILD,N,NONE,1,N
                S2,Rash,Skin,SEVERE,Y,POSSIBLE,5,Y
                S1,Cough,Respiratory,MODERATE,N,,9,Y
                S1,Rash,Skin,MILD,N,NONE,,Y
                S2,Fever,General,MILD,N,NONE,2,

                """,
        ])
        defer { folder.remove() }
        let layout = AdamLayout(subjects: "adsl.csv", events: "adae.csv", actualTreatment: nil,
                                relatedValues: ["POSSIBLE"], unrelatedValues: ["NONE"])
        let events = try #require(folder.load(Self.expectations(layout)).data).adverseEvents
        #expect(events.terms.strings == ["Rash", "Cough"])
        #expect(events.bodySystems.strings == ["Skin", "Respiratory"])
        #expect(events.participant == [1, 0, 0])
        #expect(events.term == [0, 1, 0])
        #expect(events.bodySystem == [0, 1, 0])
        #expect(events.severity == [.severe, .moderate, .mild])
        #expect(events.serious == [true, false, false])
        #expect(events.related == [true, nil, false])
        #expect(events.studyDay.map { $0.isNaN ? -1 : $0 } == [5, 9, -1])
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
