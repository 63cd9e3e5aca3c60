import Foundation
import Testing
import TrialReportTestSupport

/// The memory regression guard of the performance issue: a whole render of a 10,000-participant
/// simulated study must stay within a fixed budget of peak memory (the child's `ru_maxrss`, from
/// `wait4`), in debug and release builds alike. Not a wall-clock test: memory does not depend on
/// the machine's load.
@Suite("Memory budget")
struct MemoryBudgetTests {
    /// The budget. Measured peaks of this render (2026-12-03): 149 MiB release (142 MiB before
    /// the seed study's supportive analyses), 161 MiB debug; 71 MiB in November, before the figures
    /// were painted ahead of their encoding (up to 256 MiB of pixels, `RenderJob.paintAll`). The
    /// whole study's CSV is 6.7 MB. A copy too many of the data or of the figures, or a cache that
    /// grows with the study, shows up well before this.
    static let budgetBytes = 200 << 20

    @Test func renderingTenThousandParticipantsStaysWithinTheMemoryBudget() throws {
        let folder = try TemporaryStudy([:])
        let study = folder.path + "/study", output = folder.path + "/out"
        let simulate = try Trialreport.run(["simulate", "--participants", "10000", "--seed", "7", "--out", study])
        #expect(simulate.status == 0, "\(simulate.standardError)")

        let measured = try Self.peakMemory(of: [Trialreport.executable.path, "render", "--data", study, "--out", output, "--quiet"])
        #expect(measured.status == 0)
        #expect(FileManager.default.fileExists(atPath: output + "/report.pdf"))
        #expect(measured.peakBytes > 0)
        #expect(measured.peakBytes < Self.budgetBytes,
                "peak memory \(measured.peakBytes >> 20) MiB exceeds the budget of \(Self.budgetBytes >> 20) MiB")
    }

    /// The exit status and peak resident memory (bytes) of a command, run by `trialreport-bench peak`.
    ///
    /// Not spawned from here: a child's `ru_maxrss` also counts its parent's memory at the spawn
    /// (Linux folds the parent's high-water mark in at `exec`), and this test runner holds far more
    /// than the render does; `trialreport-bench` is a few MiB.
    static func peakMemory(of command: [String]) throws -> (status: Int32, peakBytes: Int) {
        let bench = Trialreport.executable.deletingLastPathComponent().appendingPathComponent("trialreport-bench")
        let process = Process()
        process.executableURL = bench
        process.arguments = ["peak", "--"] + command
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard process.terminationStatus == 0, fields.count == 2, let status = Int32(fields[0]), let peak = Int(fields[1]) else {
            throw CocoaError(.executableLoad)
        }
        return (status, peak)
    }
}
