import Testing
@testable import TrialReport

@Suite("HTML escaping and slugs")
struct FormatEscapingTests {
    @Test("escapes the five HTML special characters")
    func escapesSpecialCharacters() {
        #expect(HTMLEscaping.escape(#"<script>alert("x" & 'y')</script>"#)
            == "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;")
    }

    @Test("leaves other text, including non-ASCII, unchanged")
    func keepsOtherText() {
        #expect(HTMLEscaping.escape("Müller 张伟 − 5") == "Müller 张伟 − 5")
    }

    @Test("slugs are lowercase words joined by hyphens")
    func slug() {
        #expect(SlugMaker.slug("Table 1 — Baseline (ITT)") == "table-1-baseline-itt")
        #expect(SlugMaker.slug("  Primary endpoint!  ") == "primary-endpoint")
        #expect(SlugMaker.slug("结果 Results") == "结果-results")
        #expect(SlugMaker.slug("<script>") == "script")
        #expect(SlugMaker.slug("!!!") == "section")
    }

    @Test("repeated slugs get numbered suffixes in order, avoiding reserved ids")
    func uniqueSlugs() {
        var slugs = SlugMaker()
        slugs.reserve("results-2")
        #expect(slugs.uniqueSlug("Results") == "results")
        #expect(slugs.uniqueSlug("Results") == "results-3")
        #expect(slugs.uniqueSlug("results") == "results-4")
    }
}
