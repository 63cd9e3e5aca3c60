import Foundation
import Testing
@testable import TrialReport

@Test func writesSampleReportForLooking() throws {
    let report = try DocumentSamples.compose()
    try Data(report.pdf).write(to: URL(fileURLWithPath: "/tmp/report-sample.pdf"))
    try report.html.write(toFile: "/tmp/report-sample.html", atomically: true, encoding: .utf8)
    try report.markdown.write(toFile: "/tmp/report-sample.md", atomically: true, encoding: .utf8)
    #expect(!report.pdf.isEmpty)
}
