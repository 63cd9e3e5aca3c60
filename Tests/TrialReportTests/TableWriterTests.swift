import Testing
@testable import TrialReport

@Suite("ReportTable: Markdown writer")
struct TableMarkdownTests {
    @Test("writes title, flattened header, alignment row, indented rows and footnotes")
    func markdown() {
        #expect(sampleAdverseEventTable().markdown() == """
            **Table 4. Adverse events by SOC and term**

            | SOC / term | UC-MSC (N = 27), n (%)<sup>a</sup> | UC-MSC (N = 27), Events | Control (N = 26), n (%)<sup>a</sup> | Control (N = 26), Events |
            | :--- | ---: | ---: | ---: | ---: |
            | **Blood** | 3 (11.1%) | 4 | 1 (3.8%) | 1 |
            | \u{00A0}\u{00A0}Anaemia | 2 (7.4%) | 2 | 0 (0.0%) | 0 |
            | **\\<script\\>alert(1)\\</script\\>** | 1 (3.7%) | 1 |  |  |

            <sup>a</sup> Participants with at least one event.

            """)
    }

    @Test("pipes, backticks, emphasis characters and leading list markers in cells are escaped")
    func escaping() {
        #expect(MarkdownEscaping.escape("a|b `c` *d* _e_ [f] ^g^") == #"a\|b \`c\` \*d\* \_e\_ \[f\] \^g\^"#)
        #expect(MarkdownEscaping.escape("# x") == ##"\# x"##)
        #expect(MarkdownEscaping.escape("- x") == #"\- x"#)
        #expect(MarkdownEscaping.escape("1. x") == #"1\. x"#)
        #expect(MarkdownEscaping.escape("12.5") == "12.5")
        #expect(MarkdownEscaping.escape("\u{2212}1.5") == "\u{2212}1.5")
        #expect(MarkdownEscaping.escape("two\nlines") == "two lines")
    }

    /// ASCII text is escaped byte by byte, other text character by character: the same rules.
    @Test("ASCII and other text are escaped alike, line breaks included")
    func escapingASCIIAndOtherText() {
        let cases: [(String, String)] = [
            ("\r\n# x", ##" \# x"##), ("  3) x", #"  3\) x"#), ("3)", #"3\)"#), ("3)x", "3)x"), ("a\u{0B}b\u{0C}c\rd", "a b c d"),
            ("x > y", #"x \> y"#), ("{a}", #"\{a}"#), ("a # b", "a # b"), ("\n- x", #" \- x"#), ("", ""),
        ]
        for (text, expected) in cases {
            #expect(MarkdownEscaping.escape(text) == expected, "\(text)")
            #expect(MarkdownEscaping.escape(text + " é") == expected + " é", "\(text) é")
        }
        #expect(MarkdownEscaping.escape("*\u{301} é\u{2028}x\u{85}y") == "*\u{301} é x y")
    }

    @Test("the Markdown of a table parses back to the same cell texts")
    func roundTrip() {
        let table = ReportTable(name: "t", caption: "Odd | cells",
                                headerRows: [[.init("a|b"), .init("*c*")]],
                                groups: [.init([.init([.init("`x` \\ y"), .number("\u{2212}1.5")])])])
        let blocks = MarkdownDocument(parsing: table.markdown()).blocks.map(\.content)
        guard blocks.count == 2, case .table(let parsed) = blocks[1] else {
            Issue.record("expected a caption paragraph and a table, got \(blocks)")
            return
        }
        #expect(blocks[0] == .paragraph([.strong([.text("Odd | cells")])]))
        #expect(parsed.header.map(\.plainText) == ["a|b", "*c*"])
        #expect(parsed.rows.map { $0.map(\.plainText) } == [["`x` \\ y", "\u{2212}1.5"]])
    }
}

@Suite("ReportTable: HTML writer")
struct TableHTMLTests {
    @Test("writes caption, spanning header cells, grouped bodies, classes and footnotes")
    func html() {
        #expect(sampleAdverseEventTable().html() == """
            <table class="report-table" id="tab-adverse-events">
            <caption>Table 4. Adverse events by SOC and term</caption>
            <thead>
            <tr><th class="align-center" scope="col"></th><th class="align-center" colspan="2" scope="colgroup">UC-MSC (N = 27)</th><th class="align-center" colspan="2" scope="colgroup">Control (N = 26)</th></tr>
            <tr><th class="align-left" scope="col">SOC / term</th><th class="align-center" scope="col">n (%)<sup class="footnote-marker">a</sup></th><th class="align-center" scope="col">Events</th><th class="align-center" scope="col">n (%)<sup class="footnote-marker">a</sup></th><th class="align-center" scope="col">Events</th></tr>
            </thead>
            <tbody class="keep-together">
            <tr><td class="align-left"><strong>Blood</strong></td><td class="num">3 (11.1%)</td><td class="num">4</td><td class="num">1 (3.8%)</td><td class="num">1</td></tr>
            <tr><td class="align-left indent-1">Anaemia</td><td class="num">2 (7.4%)</td><td class="num">2</td><td class="num">0 (0.0%)</td><td class="num">0</td></tr>
            </tbody>
            <tbody>
            <tr><td class="align-left"><strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong></td><td class="num">1 (3.7%)</td><td class="num">1</td><td class="align-left"></td><td class="align-left"></td></tr>
            </tbody>
            <tfoot>
            <tr><td colspan="5"><p class="footnote"><sup>a</sup> Participants with at least one event.</p></td></tr>
            </tfoot>
            </table>

            """)
    }

    @Test("script in caption, header, footnote and id is escaped")
    func escapesEverywhere() {
        let evil = "<script>alert(1)</script>"
        var table = ReportTable(name: "x", caption: evil, headerRows: [[.init(evil)]])
        table.footnotes = [.init(marker: evil, text: evil)]
        let html = table.html(id: "\"><script>")
        #expect(!html.contains("<script>"))
        #expect(html.contains("id=\"&quot;&gt;&lt;script&gt;\""))
    }
}

@Suite("ReportTable: CSV writer")
struct TableCSVTests {
    @Test("writes one flattened header row and the body, CRLF line ends, indentation as spaces")
    func csv() {
        #expect(sampleAdverseEventTable().csv() == """
            SOC / term,"UC-MSC (N = 27), n (%)","UC-MSC (N = 27), Events","Control (N = 26), n (%)","Control (N = 26), Events"\r
            Blood,3 (11.1%),4,1 (3.8%),1\r
              Anaemia,2 (7.4%),2,0 (0.0%),0\r
            <script>alert(1)</script>,1 (3.7%),1,,\r

            """)
    }

    @Test("commas, quotes and line breaks are quoted with doubled quotes")
    func quoting() {
        #expect(ReportTable.csvField("a,b") == "\"a,b\"")
        #expect(ReportTable.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ReportTable.csvField("two\nlines") == "\"two\nlines\"")
        #expect(ReportTable.csvField("cr\r\nlf") == "\"cr\r\nlf\"")
        #expect(ReportTable.csvField("plain") == "plain")
    }

    @Test("fields that a spreadsheet would run as a formula get a leading quote")
    func formulaGuard() {
        #expect(ReportTable.csvField("=SUM(A1:A2)") == "'=SUM(A1:A2)")
        #expect(ReportTable.csvField("+cmd") == "'+cmd")
        #expect(ReportTable.csvField("-2+3") == "'-2+3")
        #expect(ReportTable.csvField("@import") == "'@import")
        #expect(ReportTable.csvField("\tx") == "'\tx")
        #expect(ReportTable.csvField("=1,2") == "\"'=1,2\"")
    }

    @Test("plain numbers, also negative and with U+2212, are not guarded")
    func plainNumbersUnguarded() {
        #expect(ReportTable.csvField("-1.5") == "-1.5")
        #expect(ReportTable.csvField("\u{2212}1.5") == "-1.5")
        #expect(ReportTable.csvField("+2") == "+2")
        #expect(ReportTable.csvField("-3e-4") == "-3e-4")
        #expect(ReportTable.csvField("-12.5%") == "-12.5%")
        #expect(ReportTable.csvField("\u{2212}5.1 to 44.3") == "'-5.1 to 44.3")
        #expect(ReportTable.csvField("-") == "'-")
    }
}
