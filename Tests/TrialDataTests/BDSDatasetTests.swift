import Foundation
import Testing
@testable import TrialData

/// ADaM Basic Data Structure datasets named by the plan's `data.measurements`: the CDISC pilot's
/// ADLBC and ADADAS, and small CSV datasets with one problem each.
@Suite("ADaM BDS datasets")
struct BDSDatasetTests {
    static let adsl = "USUBJID,TRT01P\nS1,Placebo\nS2,Active\n"

    static func layout(_ files: [String]) -> AdamLayout {
        AdamLayout(subjects: "adsl.csv", events: nil, measurements: files, actualTreatment: nil)
    }

    @Test func pilotDatasetsGiveTheirParametersVisitsAndLabels() throws {
        let folder = CDISCPilotTransportTests.folder.deletingLastPathComponent()
        let layout = AdamLayout(subjects: "data/adsl.xpt", events: nil, measurements: ["data/adlbc.xpt", "data/adadas.xpt"])
        let data = try StudyData.load(from: folder, expecting: ADaMStudyTests.expectations(layout, arms: ADaMStudyTests.pilotArms))
        #expect(data.inputs.map(\.file) == ["data/adsl.xpt", "data/adlbc.xpt", "data/adadas.xpt"])
        #expect(data.warnings.isEmpty)
        let (chemistry, adas) = (data.bdsTables[0], data.bdsTables[1])
        // R: nrow, length(unique(PARAMCD)), sort(unique(AVISITN)), table(ABLFL), table(DTYPE) of each file (haven::read_xpt).
        #expect(chemistry.count == 37_132)
        #expect(chemistry.parameterCodes.count == 18)
        #expect(chemistry.visits.map(\.number) == [0, 2, 4, 6, 8, 12, 16, 20, 24, 26, 99])
        #expect(chemistry.isBaseline.count { $0 } == 4_527)
        #expect(adas.count == 12_463)
        #expect(adas.parameterCodes.count == 15)
        #expect(adas.visits.map(\.label) == ["Baseline", "Week 8", "Week 16", "Week 24"])
        #expect(adas.isBaseline.count { $0 } == 3_807)
        #expect(adas.derivationType?.count { $0 == "LOCF" } == 241)
        #expect(adas.analysisFlags["ANL01FL"]?.count { $0 } == 12_103)
        let total = try #require(adas.parameterCodes.index(of: "ACTOT"))
        #expect(adas.parameterLabels[total] == "Adas-Cog(11) Subscore")
        #expect(adas.percentChange != nil && chemistry.percentChange == nil)
    }

    @Test func unitsComeFromAVALUElseFromTheBracketsOfPARAM() {
        #expect(BDSReader.unit(inParameter: "Sodium (mmol/L)") == "mmol/L")
        #expect(BDSReader.unit(inParameter: "Adas-Cog(11) Subscore") == "")
        #expect(BDSReader.unit(inParameter: "") == "")
    }

    @Test func everyProblemOfARecordIsReportedAtItsCell() throws {
        let folder = try StudyFolder(["adsl.csv": Self.adsl, "adlb.csv": """
            USUBJID,PARAMCD,AVAL,AVISITN,ABLFL,ANL01FL
            S1,HBA1C,7.1,0,Y,Y
            S3,HBA1C,7.0,0,Y,
            S2,,6.9,0,Y,Y
            S2,HBA1C,6.8,4,X,maybe
            S1,HBA1C,7.2,0,Y,

            """])
        defer { folder.remove() }
        let result = folder.load(ADaMStudyTests.expectations(Self.layout(["adlb.csv"])))
        #expect(result.kind == .invalidInput)
        #expect(result.problems == [
            "error: adlb.csv:3:1: unknown USUBJID \"S3\" (not in adsl.csv)",
            "error: adlb.csv:4:4: PARAMCD is missing",
            "error: adlb.csv:5:16: ABLFL \"X\" must be \"Y\", \"N\" or blank",
            "error: adlb.csv:5:18: ANL01FL \"maybe\" must be \"Y\", \"N\" or blank",
            "error: adlb.csv:6:16: a second baseline record (ABLFL = Y) of HBA1C for USUBJID \"S1\" (the first is in row 1)",
        ])
    }

    /// AVISIT is read (the visits' labels), so it is not offered for a missing AVISITN.
    @Test func aMissingOrTextVariableIsAnErrorAtTheHeader() throws {
        let folder = try StudyFolder(["adsl.csv": Self.adsl, "adlb.csv": "USUBJID,PARAMCD,AVAL,AVISIT\nS1,HBA1C,high,Baseline\n"])
        defer { folder.remove() }
        let result = folder.load(ADaMStudyTests.expectations(Self.layout(["adlb.csv"])))
        #expect(result.problems == [
            "error: adlb.csv:1: missing variable AVISITN, which the analysis plan uses",
            "error: adlb.csv:1: AVAL must be numeric: it holds text",
        ])
    }

    @Test func eachVisitIsLabelledByItsFirstRecordHoweverManyVisitsThereAre() throws {
        // 20 visits, more than are compared before the dictionary of labels; S2's records come
        // later in reverse order with other labels, which are not taken.
        let first = (0..<20).map { "S1,HBA1C,\(7 + Double($0) / 10),\($0),Visit \($0)\n" }.joined()
        let later = (0..<20).reversed().map { "S2,HBA1C,7,\($0),Other \($0)\n" }.joined()
        let folder = try StudyFolder(["adsl.csv": Self.adsl, "adlb.csv": "USUBJID,PARAMCD,AVAL,AVISITN,AVISIT\n" + first + later])
        defer { folder.remove() }
        let data = try StudyData.load(from: folder.url, expecting: ADaMStudyTests.expectations(Self.layout(["adlb.csv"])))
        let table = try #require(data.bdsTables.first)
        #expect(table.visits.map(\.number) == (0..<20).map(Double.init))
        #expect(table.visits.map(\.label) == (0..<20).map { "Visit \($0)" })
    }

    @Test func baseChangeAndPercentChangeThatDisagreeAreWarningsAtTheirFirstRecord() throws {
        let folder = try StudyFolder(["adsl.csv": Self.adsl, "adlb.csv": """
            USUBJID,PARAMCD,AVAL,AVISITN,ABLFL,BASE,CHG,PCHG
            S1,HBA1C,8,0,Y,8,0,0
            S1,HBA1C,6,12,,8,-2,-25
            S2,HBA1C,7,0,Y,7.5,,
            S2,HBA1C,7,12,,7.5,-0.5,-10
            S2,HBA1C,6,24,,7.5,-1.5000000001,-20

            """])
        defer { folder.remove() }
        let data = try StudyData.load(from: folder.url, expecting: ADaMStudyTests.expectations(Self.layout(["adlb.csv"])))
        // S2's BASE 7.5 is not its baseline AVAL 7 (three records); CHG and PCHG are consistent with the BASE
        // stated, except PCHG −10 where −0.5 / 7.5 × 100 = −6.67; the 1e-10 in CHG is rounding.
        #expect(data.warnings.map(\.description) == [
            "warning: adlb.csv:4:16: BASE differs from the AVAL of the baseline record (ABLFL = Y) beyond rounding in 3 records; this is the first",
            "warning: adlb.csv:5:25: PCHG differs from CHG / BASE × 100 beyond rounding in 1 record; this is the first",
        ])
        #expect(data.bdsTables[0].count == 5)
    }
}
