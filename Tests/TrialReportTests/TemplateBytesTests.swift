import Foundation
import Testing
import TrialAnalysis
import TrialData
@testable import TrialReport

/// The report is rendered from the very template bytes that were hashed for the lock check: a
/// template changed after it was read cannot give a report that says it matches the lock.
@Suite("render: templates read once, hashed and used")
struct TemplateBytesTests {
    /// A copy of the example study locked with a copy of the bundled templates.
    final class LockedTemplates {
        let scratch: ScratchFolder
        let data: URL
        let templates: URL
        var title: URL { templates.appendingPathComponent("partials/title.mustache") }
        /// The title partial with a line added.
        let changedTitle: Data

        init() throws {
            scratch = try ScratchFolder()
            templates = try scratch.templatesCopy()
            data = scratch.url.appendingPathComponent("study")
            try FileManager.default.copyItem(at: LockedExampleStudy.example, to: data)
            try TrialLock.write(dataDirectory: data, planFile: data.appendingPathComponent("study.yaml"), templatesDirectory: templates,
                                lockedAt: Date(timeIntervalSince1970: 1_751_284_800), lockedBy: "dm", note: nil,
                                replacing: false, validated: [])
            changedTitle = Data("CHANGED AFTER THE LOCK\n\n".utf8) + (try Data(contentsOf: templates.appendingPathComponent("partials/title.mustache")))
        }

        func options() -> RenderOptions {
            RenderOptions(dataDirectory: data, outputDirectory: scratch.url.appendingPathComponent("out"),
                          templatesDirectory: templates, requireLock: true, environment: [:])
        }

        /// Writes the changed title partial: before it is read (`before`) or just after.
        func reader(changing before: Bool) -> ReportTemplates.Reader {
            let title = title.standardizedFileURL.path, changed = changedTitle
            return { url, name throws(TrialReportError) in
                let isTitle = url.standardizedFileURL.path == title
                if isTitle, before { try? changed.write(to: url) }
                let contents = try ReportTemplates.readFile(url, name)
                if isTitle, !before { try? changed.write(to: url) }
                return contents
            }
        }
    }

    @Test func aTemplateChangedJustAfterItWasReadIsRenderedAsLockedAndHashed() throws {
        let locked = try LockedTemplates()
        let renderer = ReportRenderer(analysis: StudyFolderAnalysis(), figures: nil, readTemplate: locked.reader(changing: false))
        let summary = try renderer.render(locked.options())
        #expect(summary.warnings.isEmpty)
        let markdown = try String(contentsOf: summary.outputDirectory.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(!markdown.contains("CHANGED AFTER THE LOCK"))
        #expect(try String(contentsOf: locked.title, encoding: .utf8).hasPrefix("CHANGED AFTER THE LOCK"))
    }

    @Test func aTemplateChangedJustBeforeItWasReadIsRefusedByALockedRender() throws {
        let locked = try LockedTemplates()
        let renderer = ReportRenderer(analysis: StudyFolderAnalysis(), figures: nil, readTemplate: locked.reader(changing: true))
        let error = #expect(throws: TrialReportError.self) { _ = try renderer.render(locked.options()) }
        #expect(error?.kind == .invalidInput)
        #expect(error?.diagnostics.contains { $0.description.hasPrefix("error: partials/title.mustache: template changed since the lock") } == true,
                "\(error?.diagnostics.map(\.description) ?? [])")
        #expect(!FileManager.default.fileExists(atPath: locked.scratch.url.appendingPathComponent("out").path))
    }

    @Test func hiddenFilesWhichALockDoesNotRecordAreNotTemplates() throws {
        let scratch = try ScratchFolder()
        let folder = try TemplatePartialTests.templates(["report.md": "# R\n{{> .notes}}\n{{> .drafts/part}}\n", ".notes": "unlocked\n",
                                                         ".drafts/part": "unlocked\n"], in: scratch)
        #expect(LockedContents.templatePaths(in: folder) == ["report.html.mustache", "report.md.mustache"])
        let error = #expect(throws: TrialReportError.self) { _ = try ReportTemplates(directory: folder) }
        #expect(error?.diagnostics.map(\.description) == [
            "error: templates/report.md.mustache:2:1: no partial named '.notes' in the templates folder",
            "error: templates/report.md.mustache:3:1: no partial named '.drafts/part' in the templates folder",
        ])
    }
}
