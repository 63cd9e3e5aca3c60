import Testing
@testable import TrialData

/// One run lists every problem: warnings do not crowd out errors, similar warnings are one
/// line, and a summary counts what was found.
@Suite("Problems all at once")
struct ProblemsAllAtOnceTests {
    private let adslHeader = "USUBJID,ARM,AGE,AGEDX,SEX"
    private let adlbHeader = "USUBJID,PARAMCD,AVISITN,AVAL,AVALU\n"

    @Test func warningsDoNotCountTowardTheErrorLimit() {
        var log = DiagnosticLog(file: "adsl.csv", limit: 3)
        for line in 2...7 { log.add(.warning, SourceLocation(file: "adsl.csv", line: line), "w\(line)") }
        for line in 8...12 { log.add(.error, SourceLocation(file: "adsl.csv", line: line), "e\(line)") }
        #expect(log.diagnostics.map(\.description) == [
            "warning: adsl.csv:2: w2", "warning: adsl.csv:3: w3", "warning: adsl.csv:4: w4",
            "error: adsl.csv:8: e8", "error: adsl.csv:9: e9", "error: adsl.csv:10: e10",
            "error: adsl.csv: 2 more errors in this file not shown",
            "warning: adsl.csv: 3 more warnings in this file not shown",
        ])
        #expect(log.errorCount == 5)
    }

    @Test func errorsAddedTogetherAreLocatedOnlyWhenKeptAndCountedOtherwise() {
        var log = DiagnosticLog(file: "adae.csv", limit: 2)
        for line in 2...4 { log.add(.warning, SourceLocation(file: "adae.csv", line: line), "w") }
        var located: [Int] = []
        log.addErrors([5, 6, 7, 8], locate: { rows in
            located += rows
            return rows.map { SourceLocation(file: "adae.csv", line: $0) }
        }, message: { "e\($0)" })
        #expect(located == [5, 6])
        #expect(log.errorCount == 4)
        #expect(log.diagnostics.map(\.description) == [
            "warning: adae.csv:2: w", "warning: adae.csv:3: w", "error: adae.csv:5: e5", "error: adae.csv:6: e6",
            "error: adae.csv: 2 more errors in this file not shown",
            "warning: adae.csv: 1 more warning in this file not shown",
        ])
    }

    @Test func mergedLogsKeepTheirCountsPerSeverity() {
        var first = DiagnosticLog(file: "adlb.csv", limit: 2)
        var second = DiagnosticLog(file: "adlb.csv", limit: 2)
        for line in 2...4 { first.add(.warning, SourceLocation(file: "adlb.csv", line: line), "w") }
        for line in 5...8 { second.add(.error, SourceLocation(file: "adlb.csv", line: line), "e") }
        first.add(contentsOf: second)
        #expect(first.errorCount == 4)
        #expect(first.diagnostics.suffix(2).map(\.description) == [
            "error: adlb.csv: 2 more errors in this file not shown",
            "warning: adlb.csv: 1 more warning in this file not shown",
        ])
    }

    @Test func unusedColumnsAreOneWarningAtTheFirst() throws {
        let extra = (1...160).map { "X\($0)" }
        let blanks = String(repeating: ",", count: extra.count)
        let folder = try StudyFolder(["adsl.csv": ([adslHeader] + extra).joined(separator: ",") + "\n"
            + "P1,UC-MSC,30,20,M\(blanks)\nP2,Control,25,16,F\(blanks)\n"])
        defer { folder.remove() }
        let (data, _, problems) = folder.load()
        #expect(problems == ["warning: adsl.csv:1:27: unexpected columns \"X1\", \"X2\", \"X3\" and 157 more are kept but not used"])
        #expect(data?.participants.column(named: "X160") != nil)
    }

    @Test func upToFourUnusedColumnsAreAllNamed() throws {
        let rows = "P1,UC-MSC,30,20,M,,,,\nP2,Control,25,16,F,,,,\n"
        let problems = try StudyFolder.problems("adsl.csv", adslHeader + ",SITE,REGION,TRT,BMIBL\n" + rows)
        #expect(problems == ["warning: adsl.csv:1:27: unexpected columns \"SITE\", \"REGION\", \"TRT\" and \"BMIBL\" are kept but not used"])
    }

    @Test func unknownParametersAreOneWarningAtTheFirstRowOfTheFirst() throws {
        let rows = ["GLUC", "ALT", "AST", "BILI", "ALB"].map { "P1,\($0),0,5,U\nP2,\($0),0,6,U\n" }.joined()
        let problems = try StudyFolder.problems("adlb.csv", adlbHeader + rows + String(StudyFolder.adlb.drop { $0 != "\n" }.dropFirst()))
        #expect(problems == ["warning: adlb.csv:2:4: PARAMCD \"GLUC\", \"ALT\", \"AST\" and 2 more are not parameters of the analysis plan; "
            + "their rows are kept but not analysed"])
    }

    @Test func participantsWithoutABaselineAreOneWarningPerParameter() throws {
        let ids = (1...6).map { "P\($0)" }
        let adsl = adslHeader + "\n" + ids.map { "\($0),Control,25,16,F\n" }.joined()
        let adlb = adlbHeader + ids.map { "\($0),CPEPF,0,300,pmol/L\n" }.joined() + "P1,CPEPP,0,700,pmol/L\n"
        let folder = try StudyFolder(["adsl.csv": adsl, "adlb.csv": adlb])
        defer { folder.remove() }
        #expect(folder.load().problems == ["warning: adsl.csv:3:1: USUBJID \"P2\", \"P3\", \"P4\" and 2 more have no baseline CPEPP "
            + "(AVISITN 0) in adlb.csv: remission follows the plan's missing-data rule"])
    }

    @Test func summaryCountsErrorsWarningsAndFiles() {
        let adsl = SourceLocation(file: "adsl.csv", line: 2)
        let adlb = SourceLocation(file: "adlb.csv")
        #expect(DiagnosticSummary.line(for: []) == nil)
        #expect(DiagnosticSummary.line(for: [Diagnostic(.error, at: adsl, "e")]) == "1 error in 1 file")
        #expect(DiagnosticSummary.line(for: [Diagnostic(.warning, at: adsl, "w"), Diagnostic(.warning, at: adsl, "w")])
            == "2 warnings in 1 file")
        let mixed = [Diagnostic(.error, at: adsl, "e"), Diagnostic(.warning, at: adsl, "w"),
                     Diagnostic(.error, at: adlb, "1036 more errors in this file not shown", problemCount: 1036)]
        #expect(DiagnosticSummary.line(for: mixed) == "1037 errors and 1 warning in 2 files")
    }
}

/// A missing column does not hide the other problems of its file: the columns present are
/// checked row by row in the same run.
@Suite("Rows checked despite a missing column")
struct MissingColumnRowCheckTests {
    @Test func participantRowsAreCheckedWithoutAGEDX() throws {
        let problems = try StudyFolder.problems("adsl.csv", "USUBJID,ARM,AGE,SEX\nP1,Placebo,30,M\nP2,Control,x,F\nP2,Control,25,F\n")
        #expect(problems == [
            "error: adsl.csv:1: missing required column AGEDX",
            "error: adsl.csv:2:4: ARM \"Placebo\" is not an arm of the analysis plan (\"UC-MSC\" or \"Control\")",
            "error: adsl.csv:3:12: AGE \"x\" is not a number",
            "error: adsl.csv:4:1: duplicate USUBJID \"P2\" (first on line 3)",
        ])
    }

    @Test func participantRowsAreCheckedWithoutUSUBJID() throws {
        let folder = try StudyFolder(["adsl.csv": "ARM,AGE,AGEDX,SEX\nUC-MSC,30,40,M\nControl,25,16,X\n"])
        defer { folder.remove() }
        // Without USUBJIDs in adsl.csv, adlb.csv's participants cannot be told unknown: not reported.
        #expect(folder.load().problems == [
            "error: adsl.csv:1: missing required column USUBJID",
            "error: adsl.csv:2:11: AGEDX 40 is greater than AGE 30",
            "error: adsl.csv:3:15: SEX \"X\" must be \"M\" or \"F\"",
        ])
    }

    @Test func measurementRowsAreCheckedWithoutAVAL() throws {
        let text = "USUBJID,PARAMCD,AVISITN\nP1,CPEPF,0\nP3,CPEPF,0\nP2,CPEPF,three\nP2,,0\n"
        let problems = try StudyFolder.problems("adlb.csv", text)
        #expect(problems == [
            "error: adlb.csv:1: missing required column AVAL",
            "error: adlb.csv:3:1: unknown USUBJID \"P3\" (not in adsl.csv)",
            "error: adlb.csv:4:10: AVISITN \"three\" is not a number",
            "error: adlb.csv:5:4: PARAMCD is missing",
        ])
    }

    @Test func measurementRowsAreCheckedWithoutPARAMCD() throws {
        let problems = try StudyFolder.problems("adlb.csv", "USUBJID,AVISITN,AVAL\nP1,0,300\nP9,x,1\n")
        #expect(problems == [
            "error: adlb.csv:1: missing required column PARAMCD",
            "error: adlb.csv:3:1: unknown USUBJID \"P9\" (not in adsl.csv)",
            "error: adlb.csv:3:4: AVISITN \"x\" is not a number",
        ])
    }

    @Test func adverseEventAndEpisodeRowsAreCheckedWithoutAColumn() throws {
        let folder = try StudyFolder([
            "adae.csv": "USUBJID,AEDECOD,AEBODSYS,AESEV\nP1,Fever,General,mild\nP7,Rash,,MILD\n",
            "adii.csv": "USUBJID,STARTMO\nP1,-3\n",
        ])
        defer { folder.remove() }
        #expect(folder.load().problems == [
            "error: adae.csv:1: missing required column AESER",
            "error: adae.csv:2:18: AESEV \"mild\" must be \"MILD\", \"MODERATE\" or \"SEVERE\"",
            "error: adae.csv:3:1: unknown USUBJID \"P7\" (not in adsl.csv)",
            "error: adae.csv:3:9: AEBODSYS is missing",
            "error: adii.csv:1: missing required column ENDMO",
            "error: adii.csv:2:4: STARTMO -3 is negative",
        ])
    }

    @Test func aThousandBadRowsBesideAMissingColumnAreListedUpToTheLimitThenCounted() throws {
        let extra = (1...160).map { "X\($0)" }
        let blanks = String(repeating: ",", count: extra.count)
        let rows = (1...1_000).map { "P\($0),Control,25,U\(blanks)\n" }.joined()
        let folder = try StudyFolder(["adsl.csv": (["USUBJID,ARM,AGE,SEX"] + extra).joined(separator: ",") + "\n" + rows])
        defer { folder.remove() }
        let problems = folder.load().problems
        #expect(problems.filter { $0.hasPrefix("error: adsl.csv") }.count == DiagnosticLog.defaultLimit + 1)
        #expect(problems.prefix(3) == [
            "error: adsl.csv:1: missing required column AGEDX",
            "warning: adsl.csv:1:21: unexpected columns \"X1\", \"X2\", \"X3\" and 157 more are kept but not used",
            "error: adsl.csv:2:15: SEX \"U\" must be \"M\" or \"F\"",
        ])
        #expect(problems.contains("error: adsl.csv: 801 more errors in this file not shown"))
    }
}

/// The ADaM events dataset: a missing variable does not hide the bad values of the others.
@Suite("ADaM events checked despite a missing variable")
struct ADaMMissingVariableTests {
    @Test func eventRowsAreCheckedWithoutAESER() throws {
        let folder = try StudyFolder([
            "adsl.csv": "USUBJID,TRT01P\n001,Placebo\n002,Active\n",
            "adae.csv": "USUBJID,AEDECOD,AEBODSYS,AESEV,TRTEMFL\n002,Headache,Nervous system,mild,Y\n9,Rash,,MILD,Y\n",
        ])
        defer { folder.remove() }
        let layout = AdamLayout(subjects: "adsl.csv", events: "adae.csv", actualTreatment: nil)
        let expectations = StudyExpectations(arms: ["Placebo", "Active"], parameters: [], remissionParameters: [],
                                             baselineVisit: 0, layout: .adam(layout))
        #expect(folder.load(expectations).problems == [
            "error: adae.csv:1: missing variable AESER, which the analysis plan uses",
            "error: adae.csv:2:29: AESEV \"mild\" must be \"MILD\", \"MODERATE\" or \"SEVERE\"",
            "error: adae.csv:3:1: unknown USUBJID \"9\" (not in adsl.csv)",
            "error: adae.csv:3:8: AEBODSYS is missing",
        ])
    }
}

/// The ADaM subject-level dataset: a missing variable does not hide the bad values of the others.
@Suite("ADaM subjects checked despite a missing variable")
struct ADaMSubjectMissingVariableTests {
    @Test func subjectRowsAreCheckedWithoutTheTreatmentVariable() throws {
        let folder = try StudyFolder(["adsl.csv": "USUBJID,SAFFL\nS1,Y\nS2,X\nS1,N\n"])
        defer { folder.remove() }
        let layout = AdamLayout(subjects: "adsl.csv", events: nil, actualTreatment: nil, flags: ["SAFFL"])
        let expectations = StudyExpectations(arms: ["Placebo", "Active"], parameters: [], remissionParameters: [],
                                             baselineVisit: 0, layout: .adam(layout))
        #expect(folder.load(expectations).problems == [
            "error: adsl.csv:1: missing variable TRT01P, which the analysis plan uses",
            "error: adsl.csv:3:4: SAFFL \"X\" must be \"Y\", \"N\" or blank",
            "error: adsl.csv:4:1: duplicate USUBJID \"S1\" (first in row 1)",
        ])
    }
}
