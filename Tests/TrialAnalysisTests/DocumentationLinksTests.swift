import Foundation
import Testing

/// Every relative link in README.md, Guides/ and bench/results.md points to a file of the
/// repository and, when it names an anchor, to a heading of that file (GitHub's heading ids:
/// lowercase, punctuation dropped, spaces as hyphens, `-1`, `-2` … for repeats). Code spans
/// and fenced code are not read.
@Suite struct DocumentationLinksTests {
    static let root = ExampleStudy.folder.deletingLastPathComponent().deletingLastPathComponent()

    /// The documentation files, relative to the repository's root.
    static func documents() throws -> [String] {
        let guides = try #require(FileManager.default.enumerator(atPath: root.appendingPathComponent("Guides").path))
        let guideFiles = guides.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.map { "Guides/" + $0 }
        return ["README.md", "bench/results.md"] + guideFiles.sorted()
    }

    /// The lines of `text` outside fenced code blocks, with their numbers, code spans removed.
    static func proseLines(_ text: String) -> [(number: Int, text: String)] {
        var inFence = false
        var lines: [(Int, String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if !inFence { lines.append((index + 1, String(line).replacing(/`[^`]*`/, with: ""))) }
        }
        return lines
    }

    /// GitHub's id of a heading's text.
    static func headingID(_ heading: String) -> String {
        let text = heading.replacing(/\[([^\]]*)\]\([^)]*\)/) { $0.output.1 }.replacing("`", with: "").lowercased()
        return String(text.filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" })
            .replacing(" ", with: "-")
    }

    /// The heading ids of a Markdown file.
    static func anchors(of text: String) -> Set<String> {
        var seen: [String: Int] = [:]
        var anchors: Set<String> = []
        var inFence = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            guard !inFence, let match = line.wholeMatch(of: /#+ (.*)/) else { continue }
            let id = headingID(String(match.output.1))
            let count = seen[id, default: 0]
            seen[id] = count + 1
            anchors.insert(count == 0 ? id : "\(id)-\(count)")
        }
        return anchors
    }

    @Test func everyRelativeLinkResolves() throws {
        var broken: [String] = []
        for document in try Self.documents() {
            let url = Self.root.appendingPathComponent(document)
            let text = try String(contentsOf: url, encoding: .utf8)
            for (number, line) in Self.proseLines(text) {
                for match in line.matches(of: /\]\(([^)\s]+)\)/) {
                    let link = String(match.output.1)
                    guard link.wholeMatch(of: /[a-z]+:.*/) == nil else { continue }
                    let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                    let target = parts[0].isEmpty ? url : url.deletingLastPathComponent().appendingPathComponent(String(parts[0])).standardized
                    guard FileManager.default.fileExists(atPath: target.path) else {
                        broken.append("\(document):\(number): \(link): no such file")
                        continue
                    }
                    guard parts.count == 2 else { continue }
                    let targetText = try String(contentsOf: target, encoding: .utf8)
                    if !Self.anchors(of: targetText).contains(String(parts[1])) {
                        broken.append("\(document):\(number): \(link): no such heading")
                    }
                }
            }
        }
        #expect(broken.isEmpty, "\(broken.joined(separator: "\n"))")
    }

    @Test func headingIDsFollowGitHub() {
        #expect(Self.headingID("Figures (Plot)") == "figures-plot")
        #expect(Self.headingID("Data lock, verify and `diff`") == "data-lock-verify-and-diff")
        #expect(Self.anchors(of: "# A\n```\n# not a heading\n```\n## A\n") == ["a", "a-1"])
    }
}
