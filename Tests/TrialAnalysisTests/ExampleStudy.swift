import Foundation
import TrialAnalysis

/// The bundled example study (examples/uc-msc-t1d) and its results.
enum ExampleStudy {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/uc-msc-t1d")

    static func results() throws -> Results {
        let input = try StudyInput.load(from: folder)
        return StudyAnalysis.run(data: input.data, plan: input.plan.plan)
    }
}
