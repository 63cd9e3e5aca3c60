import Foundation

/// A previous TrialReport output for tests: files in a folder, and a `manifest.json` in the form a
/// render writes that lists them, so that a render replaces the folder without `--force`.
public enum PreviousOutputFolder {
    /// Writes `files` (relative path → text) into `folder`, then the manifest listing every entry
    /// below `folder` (files, and symbolic links as themselves) except hidden files at its top.
    public static func write(_ files: [String: String], in folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try addManifest(to: folder)
    }

    /// Writes `manifest.json` into `folder`, listing what is there now.
    public static func addManifest(to folder: URL) throws {
        let entries = listed(in: folder, prefix: "").sorted().map { "    {\"file\": \"\($0)\", \"sha256\": \"\", \"bytes\": 0}" }
        let manifest = "{\n  \"tool\": \"TrialReport test\",\n  \"lockHash\": null,\n  \"files\": [\n"
            + entries.joined(separator: ",\n") + "\n  ]\n}\n"
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("manifest.json"))
    }

    private static func listed(in folder: URL, prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !(prefix.isEmpty && $0.hasPrefix(".")) }.flatMap { name -> [String] in
            let url = folder.appendingPathComponent(name)
            let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            return type == .typeDirectory ? listed(in: url, prefix: prefix + name + "/") : [prefix + name]
        }
    }
}
