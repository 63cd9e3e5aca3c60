import Foundation
import Testing
import TrialAnalysis

/// The plan's `tlf` section: whether the TLF package is written, in which formats, where titles go
/// and the output numbers the plan fixes, read with locations and written back in the canonical YAML.
@Suite struct PlanTLFSectionTests {
    @Test func readsEveryKey() throws {
        let plan = try AnalysisPlan.load(yaml: """
            tlf:
              write: false
              titles: body
              numbers: {primary-endpoint: "14.2.1", adverse-events: 14.3.1.2}
              formats: [docx]
            """).plan
        #expect(plan.tlf == TLFSettings(write: false, titles: .body,
                                        numbers: ["primary-endpoint": "14.2.1", "adverse-events": "14.3.1.2"], formats: [.docx]))
    }

    @Test func absentOrEmptyKeepsTheDefaults() throws {
        #expect(try AnalysisPlan.load(yaml: "title: T\n").plan.tlf == TLFSettings())
        #expect(try AnalysisPlan.load(yaml: "tlf: {}\n").plan.tlf == TLFSettings(write: true, titles: .header, numbers: [:]))
        #expect(TLFSettings().formats == [.rtf, .docx, .pdf])
    }

    @Test func roundTripsThroughTheCanonicalYAMLAndIsLeftOutWhenDefault() throws {
        let plan = try AnalysisPlan.load(yaml: "tlf: {titles: body, numbers: {b: \"16.2.7\", a: 14.1.9}}\n").plan
        #expect(plan.canonicalYAML.hasSuffix("""
            tlf:
              write: true
              titles: body
              numbers: {"a": "14.1.9", "b": "16.2.7"}
              formats: [rtf, docx, pdf]

            """))
        #expect(try AnalysisPlan.load(yaml: plan.canonicalYAML).plan == plan)
        #expect(!AnalysisPlan().canonicalYAML.contains("tlf"))
        #expect(try !AnalysisPlan.load(yaml: "tlf: {}\n").plan.canonicalYAML.contains("tlf"))
    }

    @Test func everyMistakeAtItsLine() {
        #expect(planDiagnostics("tlf:\n  title: body\n  write: no thanks\n  numbers: {a: \"14.2.\", b: 14.2.1, c: \"14.2.1\", d: \"14 2\"}\n") == [
            "error: study.yaml:2:3: tlf: unknown key 'title'; did you mean 'titles'?",
            "error: study.yaml:3:10: tlf.write: expected true or false, got \"no thanks\"",
            "error: study.yaml:4:16: tlf.numbers.a: expected an output number such as '14.2.1' (letters and digits in parts separated by dots, at most 40 characters), got '14.2.'",
            "error: study.yaml:4:39: tlf.numbers.c: number '14.2.1' is given to 'b' already",
            "error: study.yaml:4:52: tlf.numbers.d: expected an output number such as '14.2.1' (letters and digits in parts separated by dots, at most 40 characters), got '14 2'",
        ])
        #expect(planDiagnostics("tlf: {titles: footer}\n")
            == ["error: study.yaml:1:15: tlf.titles: expected one of 'header', 'body', got \"footer\""])
        #expect(planDiagnostics("tlf:\n  formats: [rtf, odt, rtf]\n") == [
            "error: study.yaml:2:18: tlf.formats[1]: expected one of 'rtf', 'docx', 'pdf', got \"odt\"",
            "error: study.yaml:2:23: tlf.formats[2]: format 'rtf' is listed twice",
        ])
        #expect(planDiagnostics("tlf: [a]\n") == ["error: study.yaml:1:6: tlf: expected a mapping of keys to values, got a list"])
    }
}
