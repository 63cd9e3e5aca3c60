import Foundation
import Testing

/// One case of the bad-input corpus: a folder `Corpus/<name>/` holding `expect.txt` and the files
/// that make the case (`study/…` laid over the base study, `templates/…` laid over the package's
/// templates). `expect.txt` has one `key: value` per line (`#` starts a comment):
///
/// | key | meaning |
/// |---|---|
/// | `run` | the arguments, with `{study}`, `{out}`, `{templates}`, `{work}` replaced and `{empty}` an empty argument; run in `{work}` |
/// | `base` | `example` (a copy of examples/uc-msc-t1d, the default) or `none` |
/// | `remove` | a file of the study to delete (repeatable) |
/// | `append` | `FILE TEXT`: a line added to a study file; `{x:N}` in TEXT is N letters `x` |
/// | `env` | `NAME=VALUE` for the child process |
/// | `exit` | the expected exit status |
/// | `stderr`, `stdout` | text that must appear (repeatable); `stderr-absent`: must not |
/// | `stderr-max-bytes` | stderr must not be longer than this |
/// | `out` | how the output folder is prepared: `marker` (a previous output: files and the manifest.json listing them, the default for render), `marker-and-foreign` (with a file the manifest does not list), `empty` (only a `.gitkeep`), `foreign` (a user's files, `src/`, `.git/`), `foreign-manifest` (`foreign` with another program's manifest.json), `none`, `under-file`, `symlink`, `contains-symlink`, `data`, `inside-data`, `holds-data`, `templates`, `proc` |
/// | `output` | `untouched` (the prepared folder is byte-identical afterwards) or `written` |
/// | `no-nan` | files under the output folder that must not show NaN or infinity |
/// | `contains`, `lacks` | `FILE TEXT`: a file under the output folder holds / does not hold TEXT |
/// | `xml` | a file under the output folder that must parse as XML |
/// | `preserved` | `untouched`: the folder the output link pointed to (`out: symlink`) is unchanged |
/// | `outside-untouched` | `yes`: the file a symbolic link in the output folder points to is unchanged |
struct CorpusCase: CustomTestStringConvertible, Sendable {
    let name: String
    let folder: URL
    let entries: [(key: String, value: String)]

    var testDescription: String { name }

    init(folder: URL) throws {
        self.folder = folder
        name = folder.lastPathComponent
        let text = try String(contentsOf: folder.appendingPathComponent("expect.txt"), encoding: .utf8)
        entries = text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let colon = trimmed.firstIndex(of: ":") else { return nil }
            return (String(trimmed[..<colon]), trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }

    /// Every value of `key`, in file order.
    func values(_ key: String) -> [String] {
        entries.filter { $0.key == key }.map(\.value)
    }

    /// The one value of `key`, if any.
    func value(_ key: String) -> String? {
        values(key).last
    }

    /// `FILE TEXT` values split at the first space.
    func pairs(_ key: String) -> [(file: String, text: String)] {
        values(key).map { value in
            let space = value.firstIndex(of: " ") ?? value.endIndex
            return (String(value[..<space]), value[space...].trimmingCharacters(in: .whitespaces))
        }
    }

    var isRender: Bool { value("run")?.hasPrefix("render") == true }

    /// Every case in the corpus, sorted by name.
    static func all() throws -> [CorpusCase] {
        guard let corpus = Bundle.module.url(forResource: "Corpus", withExtension: nil) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        return try names.map { try CorpusCase(folder: corpus.appendingPathComponent($0)) }
    }

    /// `text` with every `{x:N}` replaced by N letters `x` (inputs too large to commit).
    static func expandingGenerated(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{x:"), let close = rest[open.upperBound...].firstIndex(of: "}"),
              let count = Int(rest[open.upperBound..<close]) {
            result += rest[..<open.lowerBound] + String(repeating: "x", count: count)
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
