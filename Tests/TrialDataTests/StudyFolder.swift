import Foundation
import TrialData

/// A study folder written to a fresh temporary directory for one test.
struct StudyFolder {
    static let adsl = """
        USUBJID,ARM,AGE,AGEDX,SEX
        P1,UC-MSC,30,20,M
        P2,Control,25,16,F

        """
    static let adlb = """
        USUBJID,PARAMCD,AVISITN,AVAL,AVALU
        P1,CPEPF,0,300,pmol/L
        P1,CPEPP,0,700,pmol/L
        P2,CPEPF,0,250,pmol/L
        P2,CPEPP,0,600,pmol/L

        """

    let url: URL

    /// A valid two-participant study, with `files` replacing or adding files (`nil` removes one).
    init(_ files: [String: String?] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("trialdata-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        var all: [String: String?] = ["adsl.csv": Self.adsl, "adlb.csv": Self.adlb]
        all.merge(files) { _, new in new }
        for (name, text) in all {
            guard let text else { continue }
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
        }
    }

    /// Loads the folder; `problems` lists what a user would see, `kind` why loading failed.
    func load(_ expectations: StudyExpectations = .seedStudy) -> (data: StudyData?, kind: TrialReportError.Kind?, problems: [String]) {
        do {
            let data = try StudyData.load(from: url, expecting: expectations)
            return (data, nil, data.warnings.map(\.description))
        } catch {
            return (nil, error.kind, error.diagnostics.map(\.description))
        }
    }

    /// The problems of the study with one file replaced.
    static func problems(_ name: String, _ text: String) throws -> [String] {
        let folder = try StudyFolder([name: text])
        defer { folder.remove() }
        return folder.load().problems
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
