import Foundation
import Testing
@testable import TrialData

/// `TrialLock.write` and `LockStatus.check` on a small study folder.
@Suite("data lock")
struct LockTests {
    static let time = Date(timeIntervalSince1970: 1_751_284_800)  // 2025-06-30T12:00:00Z

    /// Locks `folder` as `trialreport lock` does (built-in plan, no templates).
    @discardableResult
    static func lock(_ folder: StudyFolder, by person: String = "tester", replacing: Bool = false,
                     at time: Date = time) throws -> TrialLock {
        try TrialLock.write(dataDirectory: folder.url, planFile: nil, templatesDirectory: nil, lockedAt: time,
                            lockedBy: person, note: "test", replacing: replacing, validated: [])
    }

    static func status(_ folder: StudyFolder, planFile: URL? = nil) throws -> LockStatus {
        try LockStatus.check(dataDirectory: folder.url, planFile: planFile, templatesDirectory: nil)
    }

    static func write(_ text: String, to name: String, in folder: StudyFolder) throws {
        try Data(text.utf8).write(to: folder.url.appendingPathComponent(name))
    }

    @Test func rowDigestsKeyedByTheValidatedParticipantsAreTheSameFile() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        let rows = folder.url.appendingPathComponent(RowDigestFile.name)
        try Self.lock(folder)
        let unkeyed = try Data(contentsOf: rows)
        let data = try StudyData.load(from: folder.url)
        try TrialLock.write(dataDirectory: folder.url, planFile: nil, templatesDirectory: nil, lockedAt: Self.time,
                            lockedBy: "tester", note: "test", replacing: true, validated: data.inputs,
                            participants: data.participants.ids)
        #expect(try Data(contentsOf: rows) == unkeyed)
        #expect(!unkeyed.isEmpty)
    }

    @Test func anUnchangedFolderMatchesItsLock() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        let lock = try Self.lock(folder)
        #expect(try Self.status(folder) == .matches(lock.summary))
    }

    @Test func aFolderWithoutLockIsNotLocked() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        #expect(try Self.status(folder) == .notLocked)
    }

    @Test func oneChangedByteNamesTheFileAndTheParticipant() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        try Self.lock(folder)
        try Self.write(StudyFolder.adlb.replacingOccurrences(of: "P2,CPEPF,0,250", with: "P2,CPEPF,0,251"), to: "adlb.csv", in: folder)
        guard case .changed(let changes, _) = try Self.status(folder) else { Issue.record("not changed"); return }
        #expect(changes.map(\.path) == ["adlb.csv"])
        #expect(changes[0].kind == .changed)
        #expect(changes[0].rows?.rows == [RowChanges.Row(kind: .changed, key: "USUBJID=P2", line: 4, lockedRows: 2, currentRows: 2)])
        #expect(changes[0].diagnostics().map(\.description).last
            == "error: adlb.csv:4: rows of participant USUBJID=P2 differ from the locked ones (2 rows)")
    }

    @Test func addedAndRemovedRowsAreNamedByParticipantWithTheirCounts() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        try Self.lock(folder)
        let adlb = StudyFolder.adlb.replacingOccurrences(of: "P2,CPEPP,0,600,pmol/L\n", with: "") + "P3,CPEPF,3,310,pmol/L\n"
        try Self.write(adlb, to: "adlb.csv", in: folder)
        guard case .changed(let changes, _) = try Self.status(folder) else { Issue.record("not changed"); return }
        #expect(changes[0].rows?.rows == [
            RowChanges.Row(kind: .changed, key: "USUBJID=P2", line: 4, lockedRows: 2, currentRows: 1),
            RowChanges.Row(kind: .added, key: "USUBJID=P3", line: 5, lockedRows: 0, currentRows: 1),
        ])
        try Self.write(StudyFolder.adlb.replacingOccurrences(of: "P1,", with: "P7,"), to: "adlb.csv", in: folder)
        guard case .changed(let renamed, _) = try Self.status(folder) else { Issue.record("not changed"); return }
        #expect(renamed[0].diagnostics().dropFirst().map(\.description) == [
            "error: adlb.csv:2: rows of participant USUBJID=P7 were not locked (2 rows)",
            "error: adlb.csv: rows of participant USUBJID=P1 were locked and are missing (2 rows)",
        ])
    }

    @Test func reorderedRowsAndColumnsChangeTheFileButNoRow() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        try Self.lock(folder)
        var lines = StudyFolder.adlb.split(separator: "\n").map(String.init)
        lines.swapAt(1, 4)
        let swapped = lines.map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return ([cells[3], cells[0]] + cells[1...2] + [cells[4]]).joined(separator: ",")
        }
        try Self.write(swapped.joined(separator: "\n") + "\n", to: "adlb.csv", in: folder)
        guard case .changed(let changes, _) = try Self.status(folder) else { Issue.record("not changed"); return }
        #expect(changes[0].rows?.rows == [])
    }

    @Test func valuesSwappedBetweenRowsOrColumnsChangeTheDigest() throws {
        let original = try RowDigests.compute(FileContents(Array("USUBJID,A,B\nP1,1,2\nP1,3,4\n".utf8)), file: "x.csv").get()
        for edited in ["USUBJID,A,B\nP1,2,1\nP1,3,4\n", "USUBJID,A,B\nP1,3,2\nP1,1,4\n", "USUBJID,A,B\nP1,1,2\nP1,3,4\nP1,1,2\n"] {
            let table = try RowDigests.compute(FileContents(Array(edited.utf8)), file: "x.csv").get()
            #expect(table.digests != original.digests, "\(edited)")
        }
    }

    @Test func missingAndAddedFilesAreDetected() throws {
        let folder = try StudyFolder(["adii.csv": "USUBJID,STARTMO,ENDMO\nP1,3,9\n"])
        defer { folder.remove() }
        try Self.lock(folder)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("adii.csv"))
        try Self.write("USUBJID,AEDECOD,AEBODSYS,AESEV,AESER\n", to: "adae.csv", in: folder)
        try Self.write("title: x\n", to: "study.yaml", in: folder)
        guard case .changed(let changes, _) = try Self.status(folder, planFile: folder.url.appendingPathComponent("study.yaml"))
        else { Issue.record("not changed"); return }
        #expect(changes.map { "\($0.kind) \($0.role) \($0.path)" } == ["missing input adii.csv", "added input adae.csv", "added plan study.yaml"])
    }

    @Test func lockingALockedFolderIsRefused() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        try Self.lock(folder)
        #expect(throws: TrialReportError.self) { try Self.lock(folder) }
    }

    @Test func lockingAgainKeepsTheEarlierLockInTheHistory() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        let first = try Self.lock(folder, by: "first")
        try Self.write(StudyFolder.adsl + "P3,Control,20,12,F\n", to: "adsl.csv", in: folder)
        try Self.lock(folder, by: "second", replacing: true, at: Self.time.addingTimeInterval(60))
        let third = try Self.lock(folder, by: "third", replacing: true, at: Self.time.addingTimeInterval(120))
        let read = try #require(try TrialLock.read(in: folder.url))
        #expect(read == third)
        #expect(read.history.map(\.lockedBy) == ["first", "second"])
        #expect(read.history[0].lockHash == first.lockHash)
        #expect(read.history[1].lockHash == read.lockHash)
    }

    @Test func theSameFilesAndTimeGiveByteIdenticalLocksInAnyFolder() throws {
        let one = try StudyFolder(), two = try StudyFolder()
        defer { one.remove(); two.remove() }
        try Self.lock(one)
        try Self.lock(two)
        for name in [TrialLock.fileName, RowDigestFile.name] {
            let a = try Data(contentsOf: one.url.appendingPathComponent(name))
            let b = try Data(contentsOf: two.url.appendingPathComponent(name))
            #expect(a == b, "\(name)")
        }
    }

    @Test func theLockHashDependsOnTheFilesOnly() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        let first = try Self.lock(folder, by: "a")
        let second = try Self.lock(folder, by: "b", replacing: true, at: Self.time.addingTimeInterval(3600))
        #expect(first.lockHash == second.lockHash)
        #expect(first.lockHash == Checksum.sha256(Array(first.contents.listing.utf8)))
    }

    @Test func theLockReadsBackAsWritten() throws {
        let folder = try StudyFolder(["adae.csv": "USUBJID,AEDECOD,AEBODSYS,AESEV,AESER,AESTDY\nP1,Fever,General,MILD,N,2\nP1,Fever,General,MILD,N,2\n"])
        defer { folder.remove() }
        let lock = try Self.lock(folder)
        #expect(try TrialLock(text: lock.text) == lock)
        #expect(lock.text.contains("\"lockedAt\": \"2025-06-30T12:00:00Z\""))
    }

    @Test func aHandEditedLockIsRefused() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        let lock = try Self.lock(folder)
        let edited = lock.text.replacingOccurrences(of: lock.contents.inputs[0].sha256, with: String(repeating: "0", count: 64))
        #expect(throws: TrialReportError.self) { try TrialLock(text: edited) }
    }

    @Test(arguments: ["/etc/passwd", "../study.yaml", "plans/../../x.yaml", "", "./study.yaml"])
    func aLockNamingAPlanOutsideTheStudyFolderIsNotAValidLock(_ path: String) throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        var lock = try Self.lock(folder)
        lock.contents.plan = LockedFile(path: path, sha256: String(repeating: "0", count: 64), byteCount: 1)
        let error = #expect(throws: TrialReportError.self) { try TrialLock(text: lock.text) }
        #expect(error?.kind == .invalidInput)
        #expect(error?.diagnostics.first?.message.hasPrefix("not a valid lock: plan.path \"\(path)\" is not a file inside the study folder") == true)
    }

    @Test func aLockNamingRowDigestsOutsideTheStudyFolderIsNotAValidLock() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        var lock = try Self.lock(folder)
        lock.rowDigests?.path = "../../etc/shadow"
        #expect(throws: TrialReportError.self) { try TrialLock(text: lock.text) }
    }

    @Test func aPlanOutsideTheStudyFolderIsNotLocked() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).yaml")
        try Data("title: x\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let link = folder.url.appendingPathComponent("study.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)
        for plan in [outside, link] {
            let error = #expect(throws: TrialReportError.self) {
                try TrialLock.write(dataDirectory: folder.url, planFile: plan, templatesDirectory: nil, lockedAt: Self.time,
                                    lockedBy: "tester", note: nil, replacing: false, validated: [])
            }
            #expect(error?.diagnostics.first?.message.hasPrefix("the plan is outside the study folder") == true)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(TrialLock.fileName).path))
    }

    @Test func aPlanChangedBetweenValidationAndLockingIsNotLocked() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        let plan = folder.url.appendingPathComponent("study.yaml")
        try Self.write("title: as validated\n", to: "study.yaml", in: folder)
        let validated = try LockedFile.reading(plan, as: "study.yaml")
        try Self.write("title: changed since\n", to: "study.yaml", in: folder)
        let error = #expect(throws: TrialReportError.self) {
            try TrialLock.write(dataDirectory: folder.url, planFile: plan, templatesDirectory: nil, lockedAt: Self.time,
                                lockedBy: "tester", note: nil, replacing: false, validated: [], validatedPlan: validated)
        }
        #expect(error?.diagnostics.map(\.description) == ["error: study.yaml: changed while it was being locked; lock again"])
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(TrialLock.fileName).path))
    }

    @Test func aLockWithInvalidUTF8IsRefusedAtItsLineAndColumn() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        let lock = try Self.lock(folder, by: "tester")
        var bytes = Array(lock.text.utf8)
        let name = try #require(lock.text.range(of: "\"tester\""))
        let offset = lock.text.utf8.distance(from: lock.text.startIndex, to: name.lowerBound) + 1
        bytes[offset] = 0xFF
        try Data(bytes).write(to: folder.url.appendingPathComponent(TrialLock.fileName))
        let line = lock.text[..<name.lowerBound].count { $0 == "\n" } + 1
        let column = lock.text[..<name.lowerBound].reversed().prefix { $0 != "\n" }.count + 2
        #expect {
            try TrialLock.read(in: folder.url)
        } throws: { error in
            (error as? TrialReportError)?.diagnostics.map(\.description)
                == ["error: trial.lock:\(line):\(column): invalid JSON: invalid UTF-8 inside a string"]
        }
    }

    @Test func rowDigestsReadBackFromTheirFile() throws {
        let bytes = FileContents(Array("USUBJID,AEDECOD,AESTDY,AESEV\n\"P\t1\\\\\",Fever,2,MILD\nP2,Fever,2,MILD\nP2,Fever,2,MILD\n".utf8))
        let table = try RowDigests.compute(bytes, file: "adae.csv").get()
        #expect(table.participants.strings == ["P\t1\\\\", "P2"])
        #expect(table.rowCounts == [1, 2])
        let text = RowDigestFile.text(of: [table])
        guard case .tables(let tables) = text.withUnsafeBufferPointer(RowDigestFile.contents(of:)) else {
            Issue.record("not read back"); return
        }
        let read = try #require(tables["adae.csv"])
        #expect(read.participants == table.participants)
        #expect(read.digests == table.digests)
        #expect(read.rowCounts == table.rowCounts)
        #expect(read.keyColumn == "USUBJID")
    }

    @Test func rowDigestsOfAnEarlierFormatAreRecognised() {
        let text = Array("# trial.lock.rows: digests of the rows of the locked study files, written by trialreport lock.\n".utf8)
        guard case .earlierFormat = text.withUnsafeBufferPointer(RowDigestFile.contents(of:)) else {
            Issue.record("not recognised"); return
        }
    }

    @Test func theDigestsDoNotDependOnHowTheFileIsCut() throws {
        var text = "USUBJID,PARAMCD,AVAL\n"
        for row in 0..<30_000 { text += "P\(row / 7),P\(row % 7),\(row)\n" }
        let bytes = FileContents(Array(text.utf8))
        let whole = try RowDigests.compute(bytes, file: "adlb.csv").get()
        let parts = try RowDigestPart.parts(of: bytes, file: "adlb.csv", keyColumn: "USUBJID", count: 3, minimumSectionSize: 1 << 10).get()
        let cut = try RowDigestPart.parts(of: bytes, file: "adlb.csv", keyColumn: "USUBJID", count: 1).get()
        #expect(cut.count == 1)
        #expect(parts.count == 3)
        #expect(KeyedRowDigests.merged(try parts.map { try $0.digests(keyedBy: StringTable()).get() }) == whole)
        #expect(whole.participants.count == 4_286)
        #expect(whole.lines.prefix(3) == [2, 9, 16])
    }

    /// Rows kept by the subject-level file's participants (or by none) give the table a file read
    /// on its own gives, whatever the cut: the participants in the known order, a subset out of
    /// order, ids not known interleaved, and a participant in every part.
    @Test(arguments: [1, 2, 5])
    func digestsKeyedByKnownParticipantsAreTheFilesOwn(parts count: Int) throws {
        let known = try RowDigests.compute(FileContents(Array(("USUBJID\n" + (0..<3_000).map { "P\($0)\n" }.joined()).utf8)),
                                           file: "adsl.csv").get().participants
        let files = [
            (0..<9_000).map { "P\($0 / 3),\($0)" },
            (0..<9_000).map { "P\(($0 * 7919) % 2_500),\($0)" },
            (0..<9_000).map { $0 % 4 == 0 ? "Q\($0 % 13),\($0)" : "P\(($0 * 31) % 3_000),\($0)" },
            (0..<9_000).map { "\($0 % 2 == 0 ? "P1" : "X"),\($0)" },
        ]
        for rows in files {
            let bytes = FileContents(Array(("USUBJID,AVAL\n" + rows.map { $0 + "\n" }.joined()).utf8))
            let whole = try RowDigests.compute(bytes, file: "adlb.csv").get()
            let parts = try RowDigestPart.parts(of: bytes, file: "adlb.csv", keyColumn: "USUBJID", count: count,
                                                minimumSectionSize: 1 << 10).get()
            #expect(parts.count == count)
            for keys in [known, StringTable()] {
                #expect(KeyedRowDigests.merged(try parts.map { try $0.digests(keyedBy: keys).get() }) == whole)
            }
        }
    }
}
