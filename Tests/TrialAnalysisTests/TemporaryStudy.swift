import Foundation
import TrialAnalysis
import TrialData

/// A study folder written to a temporary directory from CSV text, for tests of single rules.
struct TemporaryStudy {
    let folder: URL

    /// Writes the files given (adsl.csv and adlb.csv, optionally adae.csv, adii.csv, study.yaml).
    init(adsl: String, adlb: String, adae: String? = nil, adii: String? = nil, plan: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("analysis-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = ["adsl.csv": adsl, "adlb.csv": adlb, "adae.csv": adae, "adii.csv": adii, "study.yaml": plan]
        for (name, text) in files {
            guard let text else { continue }
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
    }

    /// The study read with its plan.
    func input() throws -> StudyInput {
        defer { try? FileManager.default.removeItem(at: folder) }
        return try StudyInput.load(from: folder)
    }

    /// The results of every analysis.
    func results() throws -> Results {
        let input = try input()
        return StudyAnalysis.run(data: input.data, plan: input.plan.plan)
    }

    /// The derived variables.
    func derived() throws -> DerivedStudy {
        let input = try input()
        return DerivedStudy(data: input.data, plan: input.plan.plan)
    }

    /// adsl.csv for the given (id, arm, age at diagnosis) triples: AGE = AGEDX + 2, SEX F, MSCDOSE
    /// 2.5 in the treatment arm, LASTMO from `lastMonth` (else missing).
    static func participants(_ rows: [(String, String, Int)], lastMonth: [String: Double] = [:]) -> String {
        "USUBJID,ARM,AGE,AGEDX,SEX,MSCDOSE,LASTMO\n" + rows.map { id, arm, agedx in
            "\(id),\(arm),\(agedx + 2),\(agedx),F,\(arm == "UC-MSC" ? "2.5" : ""),\(lastMonth[id].map { String($0) } ?? "")\n"
        }.joined()
    }

    /// adlb.csv rows of CPEPF and CPEPP at baseline and month 12 (`nil` = no row).
    static func cPeptide(_ rows: [(String, fasting: (Double?, Double?), postprandial: (Double?, Double?))]) -> String {
        "USUBJID,PARAMCD,AVISITN,AVAL\n" + rows.map { id, fasting, postprandial in
            var lines = ""
            if let value = fasting.0 { lines += "\(id),CPEPF,0,\(value)\n" }
            if let value = postprandial.0 { lines += "\(id),CPEPP,0,\(value)\n" }
            if let value = fasting.1 { lines += "\(id),CPEPF,12,\(value)\n" }
            if let value = postprandial.1 { lines += "\(id),CPEPP,12,\(value)\n" }
            return lines
        }.joined()
    }
}
