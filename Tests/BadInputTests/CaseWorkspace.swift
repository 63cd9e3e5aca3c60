import Foundation
import TrialReportTestSupport

/// The folders of one corpus case, in a fresh temporary directory: the study, the templates, the
/// output folder prepared as the case asks, and a file outside every folder that a symbolic link
/// may point to.
struct CaseWorkspace {
    let work: URL
    let study: URL
    let templates: URL
    /// The `--out` path given to the command.
    let output: URL
    /// The folder whose contents must survive a failed render (the output, or a link's target).
    let preserved: URL?
    /// A file outside the output folder (a symbolic link inside it points here).
    let outside: URL

    static let outsideText = "outside the output folder: must never change\n"
    private static let manager = FileManager.default

    init(_ corpusCase: CorpusCase) throws {
        let manager = Self.manager
        work = manager.temporaryDirectory.appendingPathComponent("badinput-\(corpusCase.name)-\(UUID().uuidString)")
        try manager.createDirectory(at: work, withIntermediateDirectories: true)
        outside = work.appendingPathComponent("outside.txt")
        try Data(Self.outsideText.utf8).write(to: outside)

        let outKind = corpusCase.value("out") ?? (corpusCase.isRender ? "marker" : "none")
        study = outKind == "holds-data" ? work.appendingPathComponent("out/study") : work.appendingPathComponent("study")
        try manager.createDirectory(at: study.deletingLastPathComponent(), withIntermediateDirectories: true)
        if corpusCase.value("base") ?? "example" == "example" {
            try manager.copyItem(at: PackagePaths.example, to: study)
        } else {
            try manager.createDirectory(at: study, withIntermediateDirectories: true)
        }
        try Self.overlay(corpusCase.folder.appendingPathComponent("study"), onto: study)
        for file in corpusCase.values("remove") { try manager.removeItem(at: study.appendingPathComponent(file)) }
        for (file, text) in corpusCase.pairs("append") {
            let handle = try FileHandle(forWritingTo: study.appendingPathComponent(file))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((CorpusCase.expandingGenerated(text) + "\n").utf8))
            try handle.close()
        }

        templates = work.appendingPathComponent("templates")
        try manager.copyItem(at: PackagePaths.templates, to: templates)
        try Self.overlay(corpusCase.folder.appendingPathComponent("templates"), onto: templates)
        for file in corpusCase.values("remove-template") { try manager.removeItem(at: templates.appendingPathComponent(file)) }
        for (link, target) in corpusCase.pairs("template-link") {
            try manager.createSymbolicLink(atPath: templates.appendingPathComponent(link).path, withDestinationPath: target)
        }

        (output, preserved) = try Self.prepareOutput(outKind, work: work, study: study, templates: templates, outside: outside)
    }

    /// Creates the output folder the case asks for. Returns the `--out` path and the folder whose
    /// contents a failed render must leave as they were.
    private static func prepareOutput(_ kind: String, work: URL, study: URL, templates: URL, outside: URL) throws -> (URL, URL?) {
        let manager = Self.manager
        let output = work.appendingPathComponent("out")
        switch kind {
        case "none":
            return (output, nil)
        case "marker", "holds-data":
            try writeMarker(in: output)
            return (output, output)
        case "empty":
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
            try Data().write(to: output.appendingPathComponent(".gitkeep"))
            return (output, nil)
        case "foreign":
            try writeForeign(in: output)
            return (output, output)
        case "foreign-manifest":
            try writeForeign(in: output)
            try Data("{\"name\": \"my-extension\", \"files\": [{\"file\": \"notes.txt\"}]}\n".utf8)
                .write(to: output.appendingPathComponent("manifest.json"))
            return (output, output)
        case "marker-and-foreign":
            try writeMarker(in: output)
            try Data("my own notes\n".utf8).write(to: output.appendingPathComponent("notes.txt"))
            return (output, output)
        case "templates":
            return (templates, templates)
        case "contains-symlink":
            try writeMarker(in: output)
            try manager.createSymbolicLink(atPath: output.appendingPathComponent("report.md").path, withDestinationPath: outside.path)
            try manager.createSymbolicLink(atPath: output.appendingPathComponent("linked-folder").path, withDestinationPath: work.path)
            try PreviousOutputFolder.addManifest(to: output)
            return (output, output)
        case "symlink":
            let real = work.appendingPathComponent("real-out")
            try writeMarker(in: real)
            try manager.createSymbolicLink(atPath: output.path, withDestinationPath: real.path)
            return (output, real)
        case "under-file":
            let file = work.appendingPathComponent("regular-file")
            try Data("a regular file, not a folder\n".utf8).write(to: file)
            return (file.appendingPathComponent("out"), nil)
        case "is-file":
            try Data("a regular file where the output folder should be\n".utf8).write(to: output)
            return (output, nil)
        case "data":
            return (study, study)
        case "inside-data":
            return (study.appendingPathComponent("output"), study)
        case "proc":
            return (URL(fileURLWithPath: "/proc/trialreport-badinput/out"), nil)
        default:
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "unknown out kind \(kind)"])
        }
    }

    /// A previous output: files at two levels that a failed render must leave exactly as they
    /// are, listed in its manifest.json.
    private static func writeMarker(in folder: URL) throws {
        try PreviousOutputFolder.write(["marker.txt": "previous output: must survive any failed render\n",
                                        "tables/previous.csv": "previous,table\r\n1,2\r\n"], in: folder)
    }

    /// A folder that is not a TrialReport output: a user's files, a source folder and a `.git` folder.
    private static func writeForeign(in folder: URL) throws {
        for (path, text) in [("notes.txt", "my own notes\n"), ("src/main.c", "int main(void) { return 0; }\n"), (".git/HEAD", "ref: refs/heads/main\n")] {
            let url = folder.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Copies every file below `source` (when it exists) into `destination`, replacing files there.
    private static func overlay(_ source: URL, onto destination: URL) throws {
        guard let files = manager.enumerator(atPath: source.path) else { return }
        for case let relative as String in files {
            let from = source.appendingPathComponent(relative), to = destination.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: from.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            try manager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            if manager.fileExists(atPath: to.path) { try manager.removeItem(at: to) }
            try manager.copyItem(at: from, to: to)
        }
    }

    /// `text` with the placeholders of `run` replaced.
    func substituting(_ text: String) -> String {
        text.replacingOccurrences(of: "{study}", with: study.path)
            .replacingOccurrences(of: "{out}", with: output.path)
            .replacingOccurrences(of: "{templates}", with: templates.path)
            .replacingOccurrences(of: "{work}", with: work.path)
            .replacingOccurrences(of: "{empty}", with: "")
    }

    func remove() {
        try? Self.manager.removeItem(at: work)
    }
}
