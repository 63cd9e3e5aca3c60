import Foundation
import Testing
import TrialReportTestSupport

/// Issue 17's "valid documents" at scale: every PDF a render writes — report.pdf, tlf.pdf and each
/// figure — passes `qpdf --check` without a warning, for the bundled example and a simulated
/// 100,000-participant study (about 2 minutes of a debug build: run with
/// `TRIALREPORT_LARGE_TESTS=1 swift test --filter LargeStudyPDFTests`).
@Suite("Valid PDFs of a large study", .enabled(if: ProcessInfo.processInfo.environment["TRIALREPORT_LARGE_TESTS"] != nil))
struct LargeStudyPDFTests {
    @Test func everyPDFOfTheExampleAndOfA100000ParticipantStudyPassesQpdfCheck() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("large-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let study = folder.appendingPathComponent("s100k").path
        let simulated = try Trialreport.run(["simulate", "--participants", "100000", "--out", study])
        try #require(simulated.status == 0, "\(simulated.standardError)")
        for (name, data) in [("example", nil), ("s100k", study)] {
            let output = folder.appendingPathComponent(name + "-out").path
            let rendered = try Trialreport.run(["render", "--out", output, "--quiet"] + (data.map { ["--data", $0] } ?? []),
                                               environment: ["SOURCE_DATE_EPOCH": "0"])
            try #require(rendered.status == 0, "\(rendered.standardError)")
            let pdfs = ["report.pdf", "tlf.pdf"] + (try FileManager.default.contentsOfDirectory(atPath: output + "/figures"))
                .filter { $0.hasSuffix(".pdf") }.sorted().map { "figures/" + $0 }
            #expect(pdfs.count > 2)
            for pdf in pdfs {
                let (status, text) = try QPDFCheck.check(path: output + "/" + pdf)
                #expect(status == 0 && !text.contains("WARNING") && text.contains("No syntax or stream encoding errors found"),
                        "\(name) \(pdf): \(text)")
            }
        }
    }
}
