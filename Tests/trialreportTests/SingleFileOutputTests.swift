import Foundation
import Testing
import TrialReportTestSupport

/// `analyze --json FILE`, the single-file output: a character device or FIFO is written into, never
/// replaced; a regular file is replaced atomically, keeping its permissions; any write error is
/// exit 73 with the old file byte-identical and no temporary file left.
@Suite("trialreport analyze --json: the output file")
struct SingleFileOutputTests {
    static var isRoot: Bool { getuid() == 0 }

    /// A copy of the character device `/dev/<name>` (made with `mknod`) in `folder`, so that no
    /// test can replace the system's own device.
    static func deviceCopy(of name: String, in folder: String) throws -> String {
        var status = stat()
        try #require(stat("/dev/" + name, &status) == 0)
        let path = folder + "/" + name
        try #require(mknod(path, S_IFCHR | 0o666, status.st_rdev) == 0, "mknod: \(String(cString: strerror(errno)))")
        return path
    }

    static func isCharacterDevice(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFCHR
    }

    @Test(.enabled(if: isRoot, "mknod needs root")) func aNullDeviceIsWrittenIntoAndStaysADevice() throws {
        let study = try FiguresCommandTests.study()
        let null = try Self.deviceCopy(of: "null", in: study.path)
        let result = try Trialreport.run(["analyze", "--data", study.path, "--json", null])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Self.isCharacterDevice(null))
        #expect(try FileManager.default.contentsOfDirectory(atPath: study.path).filter { $0.hasPrefix(".") } == [])
    }

    @Test(.enabled(if: isRoot, "mknod needs root")) func aFullDeviceIsExit73NamingIt() throws {
        let study = try FiguresCommandTests.study()
        let full = try Self.deviceCopy(of: "full", in: study.path)
        let result = try Trialreport.run(["analyze", "--data", study.path, "--json", full])
        #expect(result.status == 73)
        #expect(result.standardError.contains("error: \(full): cannot write: No space left on device"), "\(result.standardError)")
        #expect(Self.isCharacterDevice(full))
    }

    /// The reading end is opened before the run (without waiting for a writer) and read on its
    /// own thread, never on the test's task pool, which other tests may hold.
    @Test func aFIFOIsWrittenIntoAndStaysAFIFO() throws {
        let study = try FiguresCommandTests.study()
        let fifo = study.path + "/results.fifo"
        try #require(mkfifo(fifo, 0o600) == 0)
        let descriptor = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        try #require(descriptor >= 0)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        let heldWriter = open(fifo, O_WRONLY | O_CLOEXEC)  // so that the reader sees no end of file before the run
        try #require(heldWriter >= 0)
        let received = LockedData()
        let reader = Thread { received.set(FileHandle(fileDescriptor: descriptor, closeOnDealloc: true).readDataToEndOfFile()) }
        reader.start()
        let result = try Trialreport.run(["analyze", "--data", study.path, "--json", fifo])
        close(heldWriter)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(String(decoding: received.wait(), as: UTF8.self).hasPrefix("{\n  \"schemaVersion\""))
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aRegularFileIsReplacedKeepingItsPermissions() throws {
        let study = try FiguresCommandTests.study()
        let file = study.path + "/results.json"
        try Data("old".utf8).write(to: URL(fileURLWithPath: file))
        try #require(chmod(file, 0o640) == 0)
        let result = try Trialreport.run(["analyze", "--data", study.path, "--json", file])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("{\n  \"schemaVersion\""))
        var status = stat()
        #expect(stat(file, &status) == 0 && status.st_mode & 0o777 == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: study.path).filter { $0.hasPrefix(".") } == [])
    }

    @Test func aSymbolicLinkStaysAndTheFileItNamesIsReplaced() throws {
        let study = try FiguresCommandTests.study()
        let target = study.path + "/shared-results.json", link = study.path + "/results.json"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let result = try Trialreport.run(["analyze", "--data", study.path, "--json", link])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("{\n  \"schemaVersion\""))
    }

    /// A write that fails part-way (the file size limit, as a full disk would): exit 73, the old
    /// file byte-identical, no temporary file left.
    @Test func aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws {
        let study = try FiguresCommandTests.study()
        let file = study.path + "/results.json"
        let old = Data(repeating: UInt8(ascii: "x"), count: 100)
        try old.write(to: URL(fileURLWithPath: file))
        let result = try LimitedRun.run(["analyze", "--data", study.path, "--json", file], fileSizeLimitBlocks: 2)
        #expect(result.status == 73)
        #expect(result.standardError.contains("error: \(file): cannot write: File too large"), "\(result.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: study.path).filter { $0.hasPrefix(".") } == [])
    }

    @Test func aFolderIsRefused() throws {
        let study = try FiguresCommandTests.study()
        let result = try Trialreport.run(["analyze", "--data", study.path, "--json", study.path])
        #expect(result.status == 73)
        #expect(result.standardError.contains("error: \(study.path): cannot write: the path is a folder"))
    }
}

/// `trialreport` run under a file size limit (`ulimit -f`, in blocks of 512 bytes), with the
/// limit's signal ignored so that a write past it fails with `EFBIG` as a write to a full disk
/// fails with `ENOSPC`.
enum LimitedRun {
    static func run(_ arguments: [String], fileSizeLimitBlocks blocks: Int) throws -> Trialreport.Result {
        let quoted = ([Trialreport.executable.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f \(blocks); exec " + quoted.joined(separator: " ")]
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Trialreport.Result(status: process.terminationStatus, standardOutput: "",
                                  standardError: String(decoding: errorData, as: UTF8.self))
    }
}

