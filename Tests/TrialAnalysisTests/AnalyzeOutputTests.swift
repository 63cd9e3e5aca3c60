import Foundation
import Testing
import TrialReportTestSupport

/// `trialreport analyze` end to end on the example study: its output validates against the schema
/// and two runs print the same bytes.
@Suite struct AnalyzeOutputTests {
    static func analyze(_ folder: URL) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = Trialreport.executable
        process.arguments = ["analyze", "--data", folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    @Test func exampleOutputValidatesAgainstTheSchema() throws {
        let run = try Self.analyze(ExampleStudy.folder)
        #expect(run.status == 0)
        #expect(try SchemaTests.validator().violations(of: SchemaJSON(data: run.output)) == [])
    }

    @Test func twoRunsPrintIdenticalBytes() throws {
        let first = try Self.analyze(ExampleStudy.folder), second = try Self.analyze(ExampleStudy.folder)
        #expect(first.status == 0 && !first.output.isEmpty)
        #expect(first.output == second.output)
    }
}
