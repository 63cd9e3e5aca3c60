import Foundation
import Mustache
import TrialData

/// The report's templates, read from one folder: `report.md.mustache` (the content, Markdown),
/// `report.html.mustache` (the HTML page shell) and any partials below the folder, named by
/// relative path without `.mustache` (`partials/summary`).
///
/// Markdown templates (all but `report.html` and `html/…`) render with the MARKDOWN content type:
/// `{{value}}` is escaped for Markdown (`MarkdownEscaping`), `{{{value}}}` is inserted as it is.
/// HTML templates escape `{{value}}` for HTML. Only regular files inside the folder are read —
/// a symbolic link is an error — so a template cannot include anything outside it; hidden files
/// (`.name.mustache`, or inside a hidden folder) are not templates.
public struct ReportTemplates: Sendable {
    /// The template of the report's content.
    public static let markdownName = "report.md"
    /// The template of the HTML page.
    public static let htmlName = "report.html"
    /// The file extension of templates.
    public static let fileExtension = "mustache"

    private let library: MustacheLibrary
    /// Every file of the folder as a data lock records it (`LockedContents.templatePaths`): each
    /// template with the SHA-256 and size of the bytes parsed, any other file as read now.
    public let lockedFiles: [LockedFile]

    /// Reads one template file: its URL and its name in messages → its bytes.
    public typealias Reader = @Sendable (URL, String) throws(TrialReportError) -> FileContents

    /// `FileContents.reading`: regular files only, within the size limit.
    public static let readFile: Reader = { url, name throws(TrialReportError) in try FileContents.reading(url, name: name) }

    /// The templates in `directory`, each file read once (`FileContents.reading`: regular files
    /// only, within the size limit): the bytes hashed for the data lock are the bytes parsed and
    /// rendered, whatever happens to the file afterwards. Hidden files and folders are not
    /// templates, as a lock does not record them.
    /// - Parameter read: reads a file (a seam for tests; by default `readFile`).
    /// - Throws: `TrialReportError`: `.missingInput` when the folder or one of the two main
    ///   templates is missing; `.invalidInput` with `FILE:LINE:COLUMN` for every syntax error,
    ///   reference to a partial that does not exist, symbolic link, file that is not a regular
    ///   file or non-UTF-8 file.
    /// - Complexity: O(total size of the templates).
    public init(directory: URL, read: Reader = readFile) throws(TrialReportError) {
        MarkdownContentType.registerOnce()
        let files = try Self.templateFiles(in: directory)
        var problems: [Diagnostic] = []
        var texts: [String: (text: String, file: String)] = [:]
        var parsed: [String: LockedFile] = [:]
        for (name, url) in files {
            let display = directory.lastPathComponent + "/" + name + "." + Self.fileExtension
            let contents: FileContents
            do { contents = try read(url, display) } catch {
                problems += error.diagnostics
                continue
            }
            guard let text = contents.withBytes({ String(validating: $0, as: UTF8.self) }) else {
                problems.append(Diagnostic(at: SourceLocation(file: display), "cannot read the template as UTF-8 text"))
                continue
            }
            texts[name] = (text, display)
            let path = name + "." + Self.fileExtension
            parsed[path] = LockedFile(path: path, sha256: Checksum.sha256(contents), byteCount: contents.count)
        }
        for required in [Self.markdownName, Self.htmlName] where texts[required] == nil {
            throw TrialReportError(.missingInput, at: SourceLocation(file: directory.path + "/" + required + "." + Self.fileExtension),
                                   "the template does not exist")
        }
        var library = MustacheLibrary()
        var inclusions: [String: [TemplatePartials.Inclusion]] = [:]
        let names = Set(texts.keys)
        for name in texts.keys.sorted() {
            let (text, file) = texts[name]!
            let tags = MustacheTagScanner.tags(in: text)
            if let nesting = TemplatePartials.nestingProblem(in: tags, file: file) {
                problems.append(nesting)
                continue
            }
            let isMarkdown = !(name == Self.htmlName || name.hasPrefix("html/"))
            let prefix = isMarkdown ? MarkdownContentType.pragma : ""
            do {
                library.register(try MustacheTemplate(string: prefix + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = error.context.columnNumber - (line == 1 ? prefix.count : 0)
                problems.append(Diagnostic(at: SourceLocation(file: file, line: line, column: max(1, column)),
                                           Self.message(error.error)))
            } catch {
                problems.append(Diagnostic(at: SourceLocation(file: file), "\(error)"))
            }
            let found = TemplatePartials.inclusions(in: tags, file: file, known: names)
            inclusions[name] = found.inclusions
            problems += found.problems
        }
        problems += TemplatePartials.inclusionProblems(inclusions)
        guard problems.isEmpty else { throw TrialReportError(.invalidInput, problems) }
        self.library = library
        var lockedFiles: [LockedFile] = []
        for path in LockedContents.templatePaths(in: directory) {
            if let file = parsed[path] {
                lockedFiles.append(file)
            } else {
                lockedFiles.append(try LockedFile.reading(directory.appendingPathComponent(path), as: path))
            }
        }
        self.lockedFiles = lockedFiles
    }

    /// The report's Markdown for `context` (from `ReportContext.values()`).
    public func markdown(_ context: [String: Any]) -> String {
        library.render(context, withTemplate: Self.markdownName) ?? ""
    }

    /// The HTML page for `context`, whose `body` holds the report's HTML.
    public func html(_ context: [String: Any]) -> String {
        library.render(context, withTemplate: Self.htmlName) ?? ""
    }

    /// Every `*.mustache` file below `directory`, by template name.
    private static func templateFiles(in directory: URL) throws(TrialReportError) -> [(String, URL)] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TrialReportError(.missingInput, at: SourceLocation(file: directory.path), "the templates folder does not exist")
        }
        let root = directory.standardizedFileURL.path
        var files: [(String, URL)] = []
        var links: [Diagnostic] = []
        let keys: [URLResourceKey] = [.isSymbolicLinkKey, .isRegularFileKey]
        guard let enumerator = manager.enumerator(at: directory, includingPropertiesForKeys: keys, options: .skipsHiddenFiles) else {
            return []
        }
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: Set(keys))
            let relative = String(url.standardizedFileURL.path.dropFirst(root.count + 1))
            if values?.isSymbolicLink == true {
                links.append(Diagnostic(at: SourceLocation(file: directory.lastPathComponent + "/" + relative),
                                        "a template may not be a symbolic link (templates are read only from inside their folder)"))
                continue
            }
            guard values?.isRegularFile == true, url.pathExtension == fileExtension else { continue }
            files.append((String(relative.dropLast(fileExtension.count + 1)), url))
        }
        guard links.isEmpty else { throw TrialReportError(.invalidInput, links) }
        return files.sorted { $0.0 < $1.0 }
    }

    private static func message(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "the closing tag does not match the open section"
        case .unfinishedName: return "unfinished tag name (missing '}}'?)"
        case .expectedSectionEnd: return "a section is not closed (missing '{{/name}}')"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "illegal tag inside an inheritance section"
        case .textInsideInheritSection: return "text inside an inheritance section"
        case .invalidConfigVariableSyntax: return "invalid '{{% …}}' pragma"
        case .unrecognisedConfigVariable: return "unknown '{{% …}}' pragma"
        }
    }
}

/// Mustache content type of the Markdown templates: `{{value}}` escaped with `MarkdownEscaping`.
struct MarkdownContentType: MustacheContentType {
    /// The pragma that switches a template to this content type, put before every Markdown template.
    static let pragma = "{{% CONTENT_TYPE: MARKDOWN}}"

    func escapeText(_ text: String) -> String {
        MarkdownEscaping.escape(text)
    }

    private static let registration: Void = MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")

    /// Registers the content type with Mustache (once per process).
    static func registerOnce() {
        _ = registration
    }
}
