import Foundation
import TrialReport

/// One fuzz input is a templates folder: its parts, split at NUL bytes, are `report.md`,
/// `partials/a`, `partials/b` and `report.html` (a missing part is empty; an empty `report.html`
/// is `{{{body}}}`), so inputs can include each other. Reading the folder must answer with
/// templates or diagnostics, and rendering what was read must end — never a crash (a partial
/// including itself once overflowed the stack), a hang or unbounded memory.
/// Constants as static members (initialized on first use: libFuzzer owns `main`, so top-level code never runs).
private enum Folder {
    static let url = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-templates-\(getpid())")
    static let names = ["report.md", "partials/a", "partials/b", "report.html"]
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let parts = UnsafeBufferPointer(start: data, count: count).split(separator: 0, maxSplits: Folder.names.count - 1,
                                                                     omittingEmptySubsequences: false)
    try? FileManager.default.removeItem(at: Folder.url)
    for (index, name) in Folder.names.enumerated() {
        var text = index < parts.count ? Data(parts[index]) : Data()
        if name == "report.html", text.isEmpty { text = Data("{{{body}}}".utf8) }
        let url = Folder.url.appendingPathComponent(name + ".mustache")
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? text.write(to: url)
    }
    let context: [String: Any] = [
        "title": "T*_<x>", "body": "<p>b</p>", "yes": true, "no": false,
        "items": [["name": "a", "n": 1], ["name": "b", "n": 2]], "nested": ["deeper": ["value": "v"]],
    ]
    do {
        let templates = try ReportTemplates(directory: Folder.url)
        _ = templates.html(["body": templates.markdown(context)])
    } catch {
        _ = error.diagnostics.map(\.description)
    }
    return 0
}
