import Foundation
import Testing
import TrialData

@Suite("Loaded study tables")
struct StudyDataTests {
    @Test func tablesAreTypedAndReferToParticipantsByIndex() throws {
        let folder = try StudyFolder([
            "adsl.csv": "USUBJID,ARM,AGE,AGEDX,SEX,MSCDOSE\nP1,UC-MSC,30,20,M,2.5\nP2,Control,25,16,F,\n",
            "adlb.csv": StudyFolder.adlb + "P2,HBA1C,12,7.1,%\nP1,HBA1C,3,8,%\n",
            "adae.csv": "USUBJID,AEDECOD,AEBODSYS,AESEV,AESER,AESTDY\nP2,Fever,General,MODERATE,N,3\n",
            "adii.csv": "USUBJID,STARTMO,ENDMO\nP1,3,\n",
        ])
        defer { folder.remove() }
        let data = try #require(folder.load().data)
        #expect(data.participants.arm == [0, 1])
        guard case .text(let sexCodes, let sexLevels)? = data.participants.column(named: "SEX")?.values else {
            Issue.record("SEX should be a text column")
            return
        }
        #expect(sexCodes.map { sexLevels[Int($0)] } == ["M", "F"])
        #expect(data.participants.numbers(named: "MSCDOSE")?.first == 2.5)
        #expect(data.participants.numbers(named: "MSCDOSE")?.last?.isNaN == true)
        #expect(data.participants.column(named: "BMI") == nil)
        #expect(data.measurements.participant == [0, 0, 1, 1, 1, 0])
        #expect(data.measurements.visits == [0, 3, 12])
        #expect(data.measurements.visit == [0, 0, 0, 0, 2, 1])
        #expect(data.measurements.parameter.last == 2)
        #expect(data.adverseEvents.participant == [1])
        #expect(data.adverseEvents.severity == [.moderate])
        #expect(data.adverseEvents.terms.strings == ["Fever"])
        #expect(data.insulinIndependence.endMonth.first?.isNaN == true)
    }

    @Test func inputsRecordNameChecksumSizeAndRows() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        let data = try #require(folder.load().data)
        #expect(data.inputs.map(\.file) == ["adsl.csv", "adlb.csv"])
        #expect(data.inputs.map(\.rowCount) == [2, 4])
        #expect(data.inputs.map(\.byteCount) == [StudyFolder.adsl.utf8.count, StudyFolder.adlb.utf8.count])
        // SHA-256 of the adsl text above, computed independently with `sha256sum`.
        #expect(data.inputs[0].sha256 == "4eb1f0474f57b90fe60b7c12281dffd0dba8ae46dfb6411ab9c786f7bff7b846")
    }
}
