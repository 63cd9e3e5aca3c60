import Foundation
import Testing
import TrialReportTestSupport

/// A Firth profile limit that cannot be established, from the simulated study to the report: `null`
/// in results.json with a note naming the term and the reason, "not established" (explained) in
/// the table, the text and the forest plot, never 0 or NaN.
@Suite("A confidence limit not established, end to end")
struct ProfileLimitNotEstablishedTests {
    /// `trialreport simulate --participants 22 --seed 2`: the multivariable model's 11 treated
    /// participants (5 in remission); the profile of baseline C-peptide jumps between two local
    /// maxima below its estimate, so its lower limit has no root to find.
    @Test func theLimitIsNullWithItsReasonAndTheReportSaysNotEstablished() throws {
        let folder = try TemporaryStudy([:])
        let study = folder.path + "/study", output = folder.path + "/out"
        let simulate = try Trialreport.run(["simulate", "--participants", "22", "--seed", "2", "--out", study])
        #expect(simulate.status == 0, "\(simulate.standardError)")
        let render = try Trialreport.run(["render", "--data", study, "--out", output, "--quiet"])
        #expect(render.status == 0, "\(render.standardError)")

        let results = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: output + "/results.json"))) as? [String: Any])
        let logistic = try #require(results["logistic"] as? [String: Any])
        let terms = try #require(logistic["terms"] as? [[String: Any]])
        let cPeptide = try #require(terms.first { $0["term"] as? String == "CPEPF.BASE" })
        #expect(cPeptide["ciLower"] is NSNull)
        #expect(cPeptide["ciUpper"] is NSNumber && cPeptide["oddsRatio"] is NSNumber)
        let scaled = try #require(cPeptide["oddsRatioPer"] as? [String: Any])
        #expect(scaled["ciLower"] is NSNull)
        let notes = try #require(results["notes"] as? [[String: Any]])
        let note = try #require(notes.first { ($0["message"] as? String)?.contains("could not be established") == true })
        #expect(note["section"] as? String == "logistic" && note["context"] as? String == "model")
        #expect(note["message"] as? String == "the lower confidence limit of 'CPEPF.BASE' could not be established: the profile "
            + "likelihood jumps between coefficients -0.2093 and -0.3065 (several local maxima); reported as null")

        let report = try String(contentsOfFile: output + "/report.md", encoding: .utf8)
        let row = try #require(report.split(separator: "\n").first { $0.hasPrefix("| Baseline fasting C-peptide") })
        #expect(row.contains("(not established to 0.86)<sup>"), "\(row)")
        #expect(report.contains("A confidence limit shown as not established could not be found on the profile penalized likelihood"))
        #expect(report.contains(": OR 0.00 (not established to 0.86), p = 0.035."), "the sentence of the results")
        #expect(report.contains("the lower confidence limit of 'CPEPF.BASE' could not be established"))
        let csv = try String(contentsOfFile: output + "/tables/predictors.csv", encoding: .utf8)
        #expect(csv.contains("not established to 0.86"))
        let forest = try PDFTextPages.extract(output + "/figures/remission-forest.pdf").joined(separator: "\n")
        #expect(forest.contains("0.00 (not established to 0.86)"))
        let pdf = try PDFTextPages.extract(output + "/report.pdf").joined(separator: "\n")
        #expect(pdf.contains("not established to 0.86"))
        for text in [report, csv, forest, pdf] {
            #expect(text.range(of: #"\bnan\b|\bNaN\b|\binf\b"#, options: .regularExpression) == nil)
        }
    }
}
