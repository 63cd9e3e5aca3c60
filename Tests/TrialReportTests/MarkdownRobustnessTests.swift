import Testing
@testable import TrialReport

/// A resolver that has every figure and table, so that fuzzed documents write without errors.
private struct EverythingContent: GeneratedContent {
    func figureHTML(named name: String) -> String? { "<svg></svg>" }
    func table(named name: String) -> ReportTable? { ReportTable(name: name, caption: name) }
}

/// SplitMix64: a small deterministic generator, so fuzz failures can be replayed.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A named input; test logs show only its name, not its 100,000 characters.
struct PathologicalInput: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    var testDescription: String { name }
}

/// Inputs that make naive Markdown parsers quadratic or recurse without bound, each about
/// 100,000 characters.
private let pathologicalInputs: [PathologicalInput] = [
    PathologicalInput(name: "unclosed openers", text: String(repeating: "*a ", count: 35_000)),
    PathologicalInput(name: "alternating delimiters", text: String(repeating: "*_", count: 50_000)),
    PathologicalInput(name: "deep emphasis", text: String(repeating: "*", count: 50_000) + "a" + String(repeating: "*", count: 50_000)),
    PathologicalInput(name: "open brackets", text: String(repeating: "[", count: 100_000)),
    PathologicalInput(name: "failed links", text: String(repeating: "[a](b ", count: 20_000)),
    PathologicalInput(name: "close brackets", text: String(repeating: "](", count: 50_000)),
    PathologicalInput(name: "backtick runs", text: (1...440).map { String(repeating: "`", count: $0) + "a" }.joined()),
    PathologicalInput(name: "carets", text: String(repeating: "^a ", count: 35_000)),
    PathologicalInput(name: "quote markers", text: String(repeating: "> ", count: 50_000) + "x"),
    PathologicalInput(name: "list markers", text: String(repeating: "- ", count: 50_000) + "x"),
    PathologicalInput(name: "indented list lines", text: (0..<2_000).map { String(repeating: " ", count: $0 % 40) + "- x" }.joined(separator: "\n")),
    PathologicalInput(name: "wide table", text: (0..<100).map { _ in String(repeating: "| a ", count: 250) }.joined(separator: "\n")),
    PathologicalInput(name: "table rows", text: "| a | b |\n|---|---|\n" + String(repeating: "| 1 \\| x | `2` |\n", count: 5_000)),
    PathologicalInput(name: "fences", text: String(repeating: "```\n", count: 25_000)),
    PathologicalInput(name: "anchors", text: String(repeating: "# h {#a}\n", count: 10_000)),
    PathologicalInput(name: "backslashes", text: String(repeating: "\\", count: 100_000)),
]

@Suite("Markdown: robustness")
struct MarkdownRobustnessTests {
    @Test("pathological inputs parse and write in bounded time without deep recursion",
          .timeLimit(.minutes(1)), arguments: pathologicalInputs)
    func pathological(_ input: PathologicalInput) throws {
        let document = MarkdownDocument(parsing: input.text)
        let html = try MarkdownHTMLWriter(content: EverythingContent()).html(document)
        #expect(!html.isEmpty || input.text.allSatisfy(\.isWhitespace), "\(input.name) wrote nothing")
    }

    @Test("random documents of syntax characters never trap and parse the same way twice")
    func randomDocuments() throws {
        let alphabet: [String] = Array("*_`[]()!#>-+1.|:^\\\n \tabé{}~<&\"'").map(String.init) + ["\r\n", "figure:", "[[table:t]]", "{#x}", "```"]
        var generator = SplitMix64(state: 20_261_125)
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...200, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let document = MarkdownDocument(parsing: text)
            #expect(document == MarkdownDocument(parsing: text))
            let html = try MarkdownHTMLWriter(content: EverythingContent()).html(document)
            #expect(!html.contains("<script"))
        }
    }

    @Test("text in the output keeps every character of the input's words")
    func preservesText() {
        let document = MarkdownDocument(parsing: "Remission in 11/27 (40.7%) participants — 张伟, Müller.")
        #expect(document.blocks.first?.content == .paragraph([.text("Remission in 11/27 (40.7%) participants — 张伟, Müller.")]))
    }
}
