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

/// Inputs that make naive Markdown parsers quadratic or recurse without bound, each about
/// 100,000 characters.
private let pathologicalInputs: [(String, String)] = [
    ("unclosed openers", String(repeating: "*a ", count: 35_000)),
    ("alternating delimiters", String(repeating: "*_", count: 50_000)),
    ("deep emphasis", String(repeating: "*", count: 50_000) + "a" + String(repeating: "*", count: 50_000)),
    ("open brackets", String(repeating: "[", count: 100_000)),
    ("failed links", String(repeating: "[a](b ", count: 20_000)),
    ("close brackets", String(repeating: "](", count: 50_000)),
    ("backtick runs", (1...440).map { String(repeating: "`", count: $0) + "a" }.joined()),
    ("carets", String(repeating: "^a ", count: 35_000)),
    ("quote markers", String(repeating: "> ", count: 50_000) + "x"),
    ("list markers", String(repeating: "- ", count: 50_000) + "x"),
    ("indented list lines", (0..<2_000).map { String(repeating: " ", count: $0 % 40) + "- x" }.joined(separator: "\n")),
    ("wide table", (0..<100).map { _ in String(repeating: "| a ", count: 250) }.joined(separator: "\n")),
    ("table rows", "| a | b |\n|---|---|\n" + String(repeating: "| 1 \\| x | `2` |\n", count: 5_000)),
    ("fences", String(repeating: "```\n", count: 25_000)),
    ("anchors", String(repeating: "# h {#a}\n", count: 10_000)),
    ("backslashes", String(repeating: "\\", count: 100_000)),
]

@Suite("Markdown: robustness")
struct MarkdownRobustnessTests {
    @Test("pathological inputs parse and write in bounded time without deep recursion",
          .timeLimit(.minutes(1)), arguments: pathologicalInputs)
    func pathological(name: String, input: String) throws {
        let document = MarkdownDocument(parsing: input)
        let html = try MarkdownHTMLWriter(content: EverythingContent()).html(document)
        #expect(!html.isEmpty || input.allSatisfy(\.isWhitespace), "\(name) wrote nothing")
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
