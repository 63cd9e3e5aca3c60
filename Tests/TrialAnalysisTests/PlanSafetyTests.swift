import Foundation
import Testing
@testable import TrialAnalysis
import TrialData
import Yams

@Suite struct PlanSafetyTests {
    /// Nine levels of nine aliases: a billion scalars once expanded, and a billion-step hash when
    /// the last alias is a mapping key.
    static let billionLaughs: String = {
        var lines = ["a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(previous)]")
        }
        lines.append("? *a9\n: boom")
        return lines.joined(separator: "\n") + "\n"
    }()

    static let aliasMessage = "anchors and aliases ('&name', '*name') are not allowed in the analysis plan; "
        + "write the value out (and quote text that starts with '&' or '*')"

    /// Expanded, the aliases make billions of nodes (hours and gigabytes); refused, a few
    /// milliseconds. The bound is the minute, not a tight time that machine load could exceed.
    @Test(.timeLimit(.minutes(1))) func billionLaughsIsRefusedWithoutExpandingIt() {
        let diagnostics = planDiagnostics(Self.billionLaughs)
        #expect(diagnostics.count == 92)
        #expect(diagnostics.first == "error: study.yaml:1:5: " + Self.aliasMessage)
        #expect(diagnostics.last == "error: study.yaml:11:3: " + Self.aliasMessage)
    }

    @Test func singleAliasIsRefusedAtItsLocation() {
        #expect(planDiagnostics("arms:\n  treatment: &t A\n  control: *t\n") == [
            "error: study.yaml:2:14: " + Self.aliasMessage,
            "error: study.yaml:3:12: " + Self.aliasMessage,
        ])
    }

    @Test func mergeKeyWithAliasIsRefused() {
        #expect(planDiagnostics("logistic: &l {method: ml}\nremission:\n  <<: *l\n") == [
            "error: study.yaml:1:11: " + Self.aliasMessage,
            "error: study.yaml:3:7: " + Self.aliasMessage,
        ])
    }

    static let tagMessage = "tags ('!!binary', '!name') are not allowed in the analysis plan; "
        + "write the value without its tag (and quote text that starts with '!')"

    @Test func tagsAreRefusedAtTheirLocation() {
        #expect(planDiagnostics("title: !!binary aGVsbG8=\narms: !!python/object:os.system {treatment: A}\nvisits: [0, !x 12]\n") == [
            "error: study.yaml:1:8: " + Self.tagMessage,
            "error: study.yaml:2:7: " + Self.tagMessage,
            "error: study.yaml:3:13: " + Self.tagMessage,
        ])
    }

    @Test func exclamationMarksInsideTextAreNotTags() throws {
        let plan = try AnalysisPlan.load(yaml: "title: Wow! A study\narms: {treatment: '!A', control: \"!B\"}\n").plan
        #expect(plan.title == "Wow! A study")
        #expect(plan.arms == ArmLabels(treatment: "!A", control: "!B"))
    }

    @Test func mergeKeyWithoutAliasIsRefusedAtItsLine() {
        #expect(planDiagnostics("arms:\n  <<: {treatment: A}\n  control: B\n") == [
            "error: study.yaml:2:3: merge keys ('<<') are not allowed in the analysis plan; write each key out",
        ])
    }

    @Test func secondDocumentIsRefusedAtItsStart() {
        #expect(planDiagnostics("title: A\n---\ntitle: B\n") == [
            "error: study.yaml:2:1: the plan must be a single YAML document; a second one starts here",
        ])
        #expect(planDiagnostics("---\ntitle: A\n...\n") == [])
    }

    @Test func ampersandsAndAsterisksInsideTextAreNotAliases() throws {
        let yaml = """
            title: R&D *pilot* study # a comment with *stars* & more
            arms: {treatment: "&quoted", control: '*single'}
            subgroups:
              - name: "multi-line &
                  *quoted*"
                variable: AGE
                cut: 30
                labels: [a&b, c*d]
            """
        let plan = try AnalysisPlan.load(yaml: yaml).plan
        #expect(plan.title == "R&D *pilot* study")
        #expect(plan.arms == ArmLabels(treatment: "&quoted", control: "*single"))
        #expect(plan.subgroups[0].name == "multi-line & *quoted*")
        #expect(plan.subgroups[0].labels == ["a&b", "c*d"])
    }

    @Test func blockScalarContentIsNotScannedForAliases() throws {
        let plan = try AnalysisPlan.load(yaml: "title: |\n  * first\n  & second\nvisits: [0, 12]\n").plan
        #expect(plan.title == "* first\n& second\n")
    }

    @Test(.timeLimit(.minutes(1))) func nestingDeeperThan64LevelsIsRefused() {
        let depth = 100
        let yaml = "title: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        #expect(planDiagnostics(yaml) == [
            "error: study.yaml:1:71: the plan nests lists and mappings deeper than 64 levels",
        ])
    }

    /// 500,000 levels overflow the stack of a recursive composer (a crash) or cost minutes when
    /// each level is walked again; refused at level 65, well within the minute (no tight time
    /// limit: machine load must not fail the test).
    @Test(.timeLimit(.minutes(1))) func deepNestingBombIsRefusedAtTheLimitWithoutCrashing() {
        let depth = 500_000
        let yaml = "title: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let diagnostics = planDiagnostics(yaml)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasSuffix(": the plan nests lists and mappings deeper than 64 levels") == true)
    }

    @Test func compactNestedSequencesCountAsNesting() {
        let yaml = "title:\n" + String(repeating: "- ", count: 70) + "x\n"
        #expect(planDiagnostics(yaml).first?.hasSuffix("deeper than 64 levels") == true)
    }

    @Test func planLargerThanOneMebibyteIsRefused() {
        let yaml = "title: T\n" + String(repeating: "# padding padding padding padding\n", count: 40_000)
        #expect(planDiagnostics(yaml) == [
            "error: study.yaml: the plan is \(yaml.utf8.count) bytes, more than the 1 MiB a plan may have",
        ])
    }

    @Test func oversizedFileIsRefusedWithoutReadingItAll() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(repeating: UInt8(ascii: "#"), count: 3 << 20).write(to: url)
        #expect {
            try AnalysisPlan.load(contentsOf: url, displayName: "big.yaml")
        } throws: { error in
            (error as? TrialReportError)?.diagnostics.map(\.description) == [
                "error: big.yaml: the plan is larger than the 1 MiB a plan may have",
            ]
        }
    }

    @Test func missingFileIsMissingInput() {
        let url = URL(fileURLWithPath: "/nonexistent/study.yaml")
        #expect {
            try AnalysisPlan.load(contentsOf: url)
        } throws: { error in
            (error as? TrialReportError)?.kind == .missingInput
        }
    }

    @Test func fileThatIsNotUTF8IsRefused() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data([0x74, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: url)
        #expect {
            try AnalysisPlan.load(contentsOf: url, displayName: "study.yaml")
        } throws: { error in
            (error as? TrialReportError)?.diagnostics.map(\.description) == ["error: study.yaml: the plan is not UTF-8 text"]
        }
    }

    @Test func fileWithByteOrderMarkReads() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("\u{FEFF}primaryVisit: 9\n".utf8).write(to: url)
        #expect(try AnalysisPlan.load(contentsOf: url).plan.primaryVisit == 9)
    }
}

@Suite struct PlanStructureTests {
    @Test func anchorsMissedByTheTextScanAreStillRefusedWithoutExpansion() throws {
        let parser = try Parser(yaml: "a: &x [1, 2]\nb: *x\n")
        let root = try #require(try parser.singleRoot())
        let problems = withExtendedLifetime(parser) { PlanStructure.problems(in: root, file: "study.yaml") }
        #expect(problems.map(\.description) == [
            "error: study.yaml:1:4: " + PlanSafetyTests.aliasMessage,
            "error: study.yaml:1:4: " + PlanSafetyTests.aliasMessage,
        ])
    }

    @Test func scannerFindsAnchorsAfterTagsAndInFlowMappings() {
        let indicators = NodePropertyScanner.indicators(in: "a: !!seq &x [1]\nb: {k: *x, l: &y 2}\n")
        #expect(indicators.map { "\($0.character)\($0.line):\($0.column)" } == ["!1:4", "&1:10", "*2:8", "&2:15"])
    }
}
