import Foundation
import TrialAnalysis
import TrialData

/// What an existing output folder holds, judged before a render replaces it, `figures` writes
/// into it or `simulate` writes a study into it: only a folder that holds nothing a user could
/// lose is replaced without `--force`.
///
/// An entry of the folder is TrialReport's when it is
/// - a file listed in the folder's `manifest.json` written by TrialReport, or that manifest;
/// - a figure file `figures/NAME.pdf|svg|png|tiff|eps` of a figure TrialReport draws (`trialreport figures`);
/// - a hidden regular file at the top of the folder (`.gitkeep`), which a render keeps, or the
///   temporary folder of a `figures` run that was stopped (`OutputRecovery`);
/// - a folder whose entries are all TrialReport's.
///
/// For `simulate`, whose output has no manifest, the files it writes (`ownFiles`) take the place
/// of the first two: a folder holding only those (and hidden files) is a previous output.
///
/// Anything else (a user's file, a `.git` folder, a symbolic link nobody listed, a `manifest.json`
/// of another program) is foreign. A symbolic link given as the output folder is never foreign:
/// the render replaces the link, and what it points to is left alone.
public enum PreviousOutput {
    /// How many foreign entries a refusal names.
    static let namedEntries = 3

    /// The first entries of `folder` (relative paths, folders ending in "/"; at most one more than
    /// a refusal names) that are not TrialReport's; empty when the folder is missing, empty or a
    /// previous output.
    /// - Parameter ownFiles: the files the writer writes, when it writes no manifest; `nil` for
    ///   a render's or `figures`'s output.
    /// - Complexity: stops at the first few foreign entries; reads only the folders that listed
    ///   files lie in.
    public static func foreignEntries(in folder: URL, ownFiles: Set<String>? = nil) -> [String] {
        var status = stat()
        guard lstat(folder.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return [] }
        var expected: Set<String>
        if let ownFiles {
            expected = ownFiles
        } else {
            expected = Set(FigureName.allCases.flatMap { name in FigureFormat.allCases.map { "figures/\(name.rawValue).\($0.rawValue)" } })
            if let listed = manifestFiles(in: folder) { expected.formUnion(listed + ["manifest.json"]) }
        }
        var folders: Set<String> = []
        for path in expected {
            var parents = path.split(separator: "/").dropLast()
            while !parents.isEmpty {
                folders.insert(parents.joined(separator: "/") + "/")
                parents.removeLast()
            }
        }
        var foreign: [String] = []
        walk(folder, prefix: "", expected: expected, folders: folders, foreign: &foreign)
        return foreign
    }

    /// Refuses a folder with foreign entries (`foreignEntries(in:ownFiles:)`), unless `force`.
    /// - Throws: `TrialReportError` `.cannotWrite` (exit 73) naming the folder and its first foreign entries.
    public static func checkReplaceable(_ folder: URL, force: Bool, ownFiles: Set<String>? = nil) throws(TrialReportError) {
        guard !force else { return }
        let foreign = foreignEntries(in: folder, ownFiles: ownFiles)
        guard !foreign.isEmpty else { return }
        let consequence = ownFiles == nil
            ? "its contents would be replaced: choose a new or empty folder, or give --force to replace it"
            : "the new files would be written among them: choose a new or empty folder, or give --force to write there"
        throw TrialReportError(.cannotWrite, at: SourceLocation(file: folder.path),
                               "the output folder exists and holds files TrialReport did not write ("
                               + (foreign.prefix(namedEntries) + (foreign.count > namedEntries ? ["…"] : [])).joined(separator: ", ")
                               + "); " + consequence)
    }

    private static func walk(_ folder: URL, prefix: String, expected: Set<String>, folders: Set<String>, foreign: inout [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            foreign.append(prefix.isEmpty ? "unreadable" : prefix)
            return
        }
        for name in names.sorted() where foreign.count <= namedEntries {
            let path = prefix + name, url = folder.appendingPathComponent(name)
            var status = stat()
            guard lstat(url.path, &status) == 0 else { continue }
            let type = status.st_mode & S_IFMT
            if type == S_IFDIR, folders.contains(path + "/") {
                walk(url, prefix: path + "/", expected: expected, folders: folders, foreign: &foreign)
            } else if expected.contains(path)
                        || (prefix.isEmpty && (type == S_IFREG && name.hasPrefix(".") || OutputRecovery.isLeftover(name, of: "figures"))) {
                continue
            } else {
                foreign.append(type == S_IFDIR ? path + "/" : path)
            }
        }
    }

    /// The files a TrialReport `manifest.json` in `folder` lists; `nil` when there is none, or it
    /// is not TrialReport's (another program's manifest.json, or larger than any render writes).
    private static func manifestFiles(in folder: URL) -> [String]? {
        let url = folder.appendingPathComponent("manifest.json")
        // `lstat`, not `FileManager.attributesOfItem`, which also looks the owner's user and group
        // names up (reading /etc/nsswitch.conf, /etc/passwd and /etc/group) before every render.
        var status = stat()
        guard lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size <= 16 << 20,
              let bytes = FileManager.default.contents(atPath: url.path),
              case .object(let members)? = try? JSONParser.parse(Array(bytes), file: url.path),
              case .string(let tool)? = members.first(where: { $0.key == "tool" })?.value, tool.hasPrefix("TrialReport "),
              case .array(let entries)? = members.first(where: { $0.key == "files" })?.value else { return nil }
        return entries.compactMap { entry in
            guard case .object(let fields) = entry, case .string(let file)? = fields.first(where: { $0.key == "file" })?.value else { return nil }
            return file
        }
    }
}
