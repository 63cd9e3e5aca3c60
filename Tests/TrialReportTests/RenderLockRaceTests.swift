import Foundation
import Synchronization
import Testing
import TrialData
@testable import TrialReport

/// Another program changing adlb.csv without pause: it renames a changed copy over it, then the
/// locked copy, then writes the changed and the locked bytes into the file in place, and again.
final class AdlbSwapper: Sendable {
    private let running = Atomic<Bool>(true)
    private let finished = DispatchSemaphore(value: 0)

    init(_ study: LockedExampleStudy) {
        let changedCopy = study.scratch.url.appendingPathComponent("adlb-changed.csv")
        let lockedCopy = study.scratch.url.appendingPathComponent("adlb-locked.csv")
        let (adlb, changed, locked) = (study.adlb, study.changedAdlb, study.lockedAdlb)
        Thread.detachNewThread { [self] in
            var round = 0
            while running.load(ordering: .relaxed) {
                if round % 2 == 0 {
                    try? changed.write(to: changedCopy)
                    rename(changedCopy.path, adlb.path)
                    try? locked.write(to: lockedCopy)
                    rename(lockedCopy.path, adlb.path)
                } else {
                    try? changed.write(to: adlb)
                    try? locked.write(to: adlb)
                }
                round += 1
            }
            finished.signal()
        }
    }

    /// Stops and waits until the file is left as locked.
    func stop() {
        running.store(false, ordering: .relaxed)
        finished.wait()
    }
}

@Suite("render: the data lock under races")
struct RenderLockRaceTests {
    /// The number of renders: `TRIALREPORT_LOCK_RACE_RENDERS`, else 30 (300 take about a
    /// minute and a half on two cores).
    static var renders: Int {
        ProcessInfo.processInfo.environment["TRIALREPORT_LOCK_RACE_RENDERS"].flatMap(Int.init) ?? 30
    }

    @Test func lockedRendersWhileAdlbIsSwappedSucceedOnlyOverTheLockedData() throws {
        let study = try LockedExampleStudy()
        let renderer = ReportRenderer(analysis: StudyFolderAnalysis(), figures: nil)
        let reference = try renderer.render(study.options(output: "reference"))
        let lockedResults = try Data(contentsOf: reference.outputDirectory.appendingPathComponent("results.json"))

        let swapper = AdlbSwapper(study)
        var (rendered, refused) = (0, 0)
        for _ in 0..<Self.renders {
            do {
                let summary = try renderer.render(study.options(output: "out"))
                rendered += 1
                // Exit 0 only over the locked bytes: the results are those of the locked data.
                #expect(try Data(contentsOf: summary.outputDirectory.appendingPathComponent("results.json")) == lockedResults)
            } catch let error as TrialReportError {
                refused += 1
                #expect(error.kind == .invalidInput, "\(error.diagnostics)")
            }
        }
        swapper.stop()
        #expect(rendered + refused == Self.renders)
        #expect(refused > 0, "the swaps never met a render")
    }
}
