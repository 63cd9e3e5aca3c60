import Foundation
import Testing
@testable import TrialData

/// Row digests of ADaM datasets, as SAS transport and as CSV files in a subfolder: a lock names
/// the participants whose rows changed in either.
@Suite("data lock of ADaM datasets")
struct ADaMLockTests {
    static let adae = """
        USUBJID,AEDECOD,AEBODSYS,ASTDY,TRTEMFL
        01-701-1015,APPLICATION SITE ERYTHEMA,GENERAL DISORDERS,2,Y
        01-701-1015,DIARRHOEA,GASTROINTESTINAL DISORDERS,8,Y
        01-701-1023,ERYTHEMA,SKIN DISORDERS,3,Y

        """

    /// A folder with data/adsl.xpt (the CDISC pilot's) and data/adae.csv, locked as an ADaM plan
    /// naming them is.
    static func lockedFolder() throws -> StudyFolder {
        let folder = try StudyFolder(["adsl.csv": nil, "adlb.csv": nil])
        let data = folder.url.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CDISCPilotTransportTests.folder.appendingPathComponent("adsl.xpt"),
                                         to: data.appendingPathComponent("adsl.xpt"))
        try Data(adae.utf8).write(to: data.appendingPathComponent("adae.csv"))
        let validated = try ["data/adsl.xpt", "data/adae.csv"].map { name in
            let file = try LockedFile.reading(folder.url.appendingPathComponent(name), as: name)
            return InputFile(file: name, sha256: file.sha256, byteCount: file.byteCount, rowCount: 0)
        }
        try TrialLock.write(dataDirectory: folder.url, planFile: nil, templatesDirectory: nil, lockedAt: LockTests.time,
                            lockedBy: "tester", note: nil, replacing: false, validated: validated)
        return folder
    }

    @Test func theRowsOfEveryFileAreRecordedPerParticipant() throws {
        let folder = try Self.lockedFolder()
        defer { folder.remove() }
        let bytes = try FileContents.reading(folder.url.appendingPathComponent(RowDigestFile.name), name: RowDigestFile.name)
        guard case .tables(let tables) = bytes.withBytes(RowDigestFile.contents(of:)) else { Issue.record("not read"); return }
        #expect(tables["data/adsl.xpt"]?.participants.count == 254)
        #expect(tables["data/adsl.xpt"]?.rowCounts.allSatisfy { $0 == 1 } == true)
        #expect(tables["data/adae.csv"]?.participants.strings == ["01-701-1015", "01-701-1023"])
        #expect(tables["data/adae.csv"]?.rowCounts == [2, 1])
    }

    @Test func aChangedRecordOfATransportFileAndACellOfACSVFileNameTheirParticipants() throws {
        let folder = try Self.lockedFolder()
        defer { folder.remove() }
        let adsl = folder.url.appendingPathComponent("data/adsl.xpt")
        let dataset = try #require(try TransportFile(url: adsl, name: "data/adsl.xpt").datasets.first)
        let age = try #require(dataset.columns.firstIndex { $0.name == "AGE" })
        let id = try #require(dataset.columns.firstIndex { $0.name == "USUBJID" })
        guard case .text(let codes, let levels) = dataset.columns[id].values else { Issue.record("USUBJID is not text"); return }
        // Participant 6's age: one more in the last byte of its IBM float.
        var bytes = [UInt8](try Data(contentsOf: adsl))
        let offset = dataset.observationStart + 5 * dataset.observationLength + dataset.columns[age].position + 7
        bytes[offset] &+= 1
        try Data(bytes).write(to: adsl)
        try LockTests.write(Self.adae.replacingOccurrences(of: "DIARRHOEA,GASTROINTESTINAL DISORDERS,8",
                                                           with: "DIARRHOEA,GASTROINTESTINAL DISORDERS,9"),
                            to: "data/adae.csv", in: folder)
        let status = try LockStatus.check(dataDirectory: folder.url, planFile: nil, templatesDirectory: nil)
        guard case .changed(let changes, _) = status else { Issue.record("not changed"); return }
        let record = try #require(dataset.location(row: 5, column: id).line)
        #expect(changes.flatMap { $0.diagnostics() }.dropFirst().map(\.description) == [
            "error: data/adsl.xpt:\(record): rows of participant USUBJID=\(levels[Int(codes[5])]) differ from the locked ones (1 row)",
            "error: data/adae.csv: changed since the lock: sha256 \(changes[1].locked!.sha256) (\(changes[1].locked!.byteCount) bytes) → "
                + "sha256 \(changes[1].current!.sha256) (\(changes[1].current!.byteCount) bytes)",
            "error: data/adae.csv:2: rows of participant USUBJID=01-701-1015 differ from the locked ones (2 rows)",
        ])
    }
}
