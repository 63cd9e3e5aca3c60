import Testing
import TrialData

@Suite("Validation of a study folder")
struct ValidationTests {
    private let adslHeader = "USUBJID,ARM,AGE,AGEDX,SEX\n"
    private let adlbHeader = "USUBJID,PARAMCD,AVISITN,AVAL,AVALU\n"
    private let adlbRows = "P1,CPEPF,0,300,pmol/L\nP1,CPEPP,0,700,pmol/L\nP2,CPEPF,0,250,pmol/L\nP2,CPEPP,0,600,pmol/L\n"

    @Test func validStudyLoadsWithoutProblems() throws {
        let folder = try StudyFolder()
        defer { folder.remove() }
        let (data, kind, problems) = folder.load()
        #expect(kind == nil)
        #expect(problems.isEmpty)
        #expect(data?.participants.count == 2)
        #expect(data?.measurements.count == 4)
    }

    @Test func missingRequiredColumnIsNamed() throws {
        let problems = try StudyFolder.problems("adsl.csv", "USUBJID,ARM,AGE,SEX\nP1,UC-MSC,30,M\nP2,Control,25,F\n")
        #expect(problems == ["error: adsl.csv:1: missing required column AGEDX"])
    }

    @Test func nonNumericNumberIsQuoted() throws {
        let problems = try StudyFolder.problems("adsl.csv", adslHeader + "P1,UC-MSC,3O,20,M\nP2,Control,25,16,F\n")
        #expect(problems == ["error: adsl.csv:2:11: AGE \"3O\" is not a number"])
    }

    @Test func duplicateParticipantNamesTheFirstLine() throws {
        let problems = try StudyFolder.problems("adsl.csv", adslHeader + "P1,UC-MSC,30,20,M\nP2,Control,25,16,F\nP1,Control,40,30,F\n")
        #expect(problems == ["error: adsl.csv:4:1: duplicate USUBJID \"P1\" (first on line 2)"])
    }

    @Test func unknownParticipantInMeasurements() throws {
        let problems = try StudyFolder.problems("adlb.csv", adlbHeader + adlbRows + "P3,CPEPF,0,100,pmol/L\n")
        #expect(problems == ["error: adlb.csv:6:1: unknown USUBJID \"P3\" (not in adsl.csv)"])
    }

    @Test func unknownParticipantInAdverseEventsAndEpisodes() throws {
        let folder = try StudyFolder([
            "adae.csv": "USUBJID,AEDECOD,AEBODSYS,AESEV,AESER\nP9,Fever,General,MILD,N\n",
            "adii.csv": "USUBJID,STARTMO,ENDMO\nP8,3,\n",
        ])
        defer { folder.remove() }
        #expect(folder.load().problems == [
            "error: adae.csv:2:1: unknown USUBJID \"P9\" (not in adsl.csv)",
            "error: adii.csv:2:1: unknown USUBJID \"P8\" (not in adsl.csv)",
        ])
    }

    @Test func armMustBeOneOfThePlan() throws {
        let problems = try StudyFolder.problems("adsl.csv", adslHeader + "P1,Placebo,30,20,M\nP2,Control,25,16,F\n")
        #expect(problems == ["error: adsl.csv:2:4: ARM \"Placebo\" is not an arm of the analysis plan (\"UC-MSC\" or \"Control\")"])
    }

    @Test func sexMustBeMOrF() throws {
        let problems = try StudyFolder.problems("adsl.csv", adslHeader + "P1,UC-MSC,30,20,male\nP2,Control,25,16,F\n")
        #expect(problems == ["error: adsl.csv:2:17: SEX \"male\" must be \"M\" or \"F\""])
    }

    @Test func duplicateMeasurementNamesTheFirstLine() throws {
        let problems = try StudyFolder.problems("adlb.csv", adlbHeader + adlbRows + "P1,CPEPF,0,310,pmol/L\n")
        #expect(problems == ["error: adlb.csv:6:1: duplicate CPEPF at AVISITN 0 for USUBJID \"P1\" (first on line 2)"])
    }

    @Test func duplicateMeasurementIsFoundWhenRowsAreNotGroupedByParticipant() throws {
        let rows = "P1,CPEPF,0,300,pmol/L\nP2,CPEPF,0,250,pmol/L\nP1,CPEPP,0,700,pmol/L\nP2,CPEPP,0,600,pmol/L\nP1,CPEPP,0,1,pmol/L\n"
        let problems = try StudyFolder.problems("adlb.csv", adlbHeader + rows)
        #expect(problems == ["error: adlb.csv:6:1: duplicate CPEPP at AVISITN 0 for USUBJID \"P1\" (first on line 4)"])
    }

    @Test func unitMustMatchThePlan() throws {
        let problems = try StudyFolder.problems("adlb.csv", adlbHeader + adlbRows + "P1,CPEPF,12,0.3,nmol/L\n")
        #expect(problems == ["error: adlb.csv:6:17: AVALU \"nmol/L\" is not the unit of CPEPF in the analysis plan (\"pmol/L\")"])
    }

    @Test func negativeCPeptideAndDoseAreErrors() throws {
        let problems = try StudyFolder.problems("adlb.csv", adlbHeader + adlbRows + "P1,CPEPF,12,-5,pmol/L\nP2,INSDOSE,12,-0.2,\n")
        #expect(problems == [
            "error: adlb.csv:6:13: AVAL -5 is negative; CPEPF cannot be negative",
            "error: adlb.csv:7:15: AVAL -0.2 is negative; INSDOSE cannot be negative",
        ])
    }

    @Test func negativeValueIsAllowedWhenThePlanSaysSo() throws {
        var expectations = StudyExpectations.seedStudy
        expectations.parameters[3].allowsNegative = true
        let folder = try StudyFolder(["adlb.csv": adlbHeader + adlbRows + "P2,INSDOSE,12,-0.2,\n"])
        defer { folder.remove() }
        #expect(folder.load(expectations).problems.isEmpty)
    }

    @Test func diagnosisAfterEnrolmentIsAnError() throws {
        let problems = try StudyFolder.problems("adsl.csv", adslHeader + "P1,UC-MSC,30,31,M\nP2,Control,25,16,F\n")
        #expect(problems == ["error: adsl.csv:2:14: AGEDX 31 is greater than AGE 30"])
    }

    @Test func episodeEndingBeforeItStartsIsAnError() throws {
        let problems = try StudyFolder.problems("adii.csv", "USUBJID,STARTMO,ENDMO\nP1,6,3\nP2,3,\n")
        #expect(problems == ["error: adii.csv:2:6: ENDMO 3 is before STARTMO 6"])
    }

    @Test func missingBaselineOfARemissionParameterIsAWarningAtTheParticipantAndTheStudyLoads() throws {
        let rows = "P1,CPEPF,0,300,pmol/L\nP1,CPEPP,0,700,pmol/L\nP2,CPEPF,0,250,pmol/L\nP2,CPEPP,0,NA,pmol/L\n"
        let folder = try StudyFolder(["adlb.csv": adlbHeader + rows])
        defer { folder.remove() }
        let loaded = folder.load()
        #expect(loaded.data != nil)
        #expect(loaded.problems == ["warning: adsl.csv:3:1: USUBJID \"P2\" has no baseline CPEPP (AVISITN 0) in adlb.csv: "
            + "remission follows the plan's missing-data rule"])
    }

    @Test func adverseEventCodesAreChecked() throws {
        let text = "USUBJID,AEDECOD,AEBODSYS,AESEV,AESER,AEREL\nP1,Fever,General,Mild,N,\nP2,Rash,Skin,SEVERE,yes,X\n"
        let problems = try StudyFolder.problems("adae.csv", text)
        #expect(problems == [
            "error: adae.csv:2:18: AESEV \"Mild\" must be \"MILD\", \"MODERATE\" or \"SEVERE\"",
            "error: adae.csv:3:21: AESER \"yes\" must be \"Y\" or \"N\"",
            "error: adae.csv:3:25: AEREL \"X\" must be \"Y\" or \"N\"",
        ])
    }

    @Test func unknownParameterIsAWarningAtItsFirstRow() throws {
        let folder = try StudyFolder(["adlb.csv": adlbHeader + adlbRows + "P1,GLUC,0,5.5,mmol/L\nP2,GLUC,0,6,mmol/L\n"])
        defer { folder.remove() }
        let (data, _, problems) = folder.load()
        #expect(problems == ["warning: adlb.csv:6:4: PARAMCD \"GLUC\" is not a parameter of the analysis plan; its rows are kept but not analysed"])
        #expect(data?.measurements.parameterCodes.strings == ["CPEPF", "CPEPP", "HBA1C", "INSDOSE", "GLUC"])
    }

    @Test func unexpectedColumnIsAWarningAndKept() throws {
        let folder = try StudyFolder(["adsl.csv": "USUBJID,ARM,AGE,AGEDX,SEX,SITE\nP1,UC-MSC,30,20,M,Shanghai\nP2,Control,25,16,F,Beijing\n"])
        defer { folder.remove() }
        let (data, _, problems) = folder.load()
        #expect(problems == ["warning: adsl.csv:1:27: unexpected column \"SITE\" is kept but not used"])
        guard case .text(let codes, let levels)? = data?.participants.column(named: "SITE")?.values else {
            Issue.record("SITE should be a text column")
            return
        }
        #expect(codes.map { levels[Int($0)] } == ["Shanghai", "Beijing"])
    }

    @Test func columnThePlanUsesMustExistAndIsNumericWhenItsCellsAre() throws {
        var expectations = StudyExpectations.seedStudy
        expectations.adslColumns = ["HLA", "CPEPSCORE"]
        let folder = try StudyFolder(["adsl.csv": "USUBJID,ARM,AGE,AGEDX,SEX,CPEPSCORE\nP1,UC-MSC,30,20,M,1.5\nP2,Control,25,16,F,NA\n"])
        defer { folder.remove() }
        #expect(folder.load(expectations).problems == ["error: adsl.csv:1: missing column HLA, which the analysis plan uses"])
        expectations.adslColumns = ["CPEPSCORE"]
        let numbers = folder.load(expectations).data?.participants.numbers(named: "CPEPSCORE")
        #expect(numbers?.count == 2)
        #expect(numbers?.first == 1.5)
        #expect(numbers?.last?.isNaN == true)
    }

    @Test func headerThatLooksLikeDataMeansNoHeader() throws {
        let problems = try StudyFolder.problems("adsl.csv", "P1,UC-MSC,30,20,M\nP2,Control,25,16,F\n")
        #expect(problems == ["error: adsl.csv:1: no header row: the first line looks like data (expected columns USUBJID, ARM, AGE, AGEDX, SEX)"])
    }

    @Test func semicolonSeparatorIsRecognised() throws {
        let problems = try StudyFolder.problems("adsl.csv", "USUBJID;ARM;AGE;AGEDX;SEX\nP1;UC-MSC;30;20;M\n")
        #expect(problems == ["error: adsl.csv:1: the header is one column holding ; characters: the separator must be a comma"])
    }

    @Test func headerOnlyParticipantFileHasNoParticipants() throws {
        let problems = try StudyFolder.problems("adsl.csv", adslHeader)
        #expect(problems.first == "error: adsl.csv:2: no participants: the file has a header but no rows")
    }

    @Test func damagedParticipantRowIsNotReportedAgainInOtherFiles() throws {
        let problems = try StudyFolder.problems("adsl.csv", adslHeader + "P1,UC-MSC,30,20,M,extra\nP2,Control,25,16,F\n")
        #expect(problems == ["error: adsl.csv:2:19: row has 6 fields but the header has 5"])
    }

    @Test func everyProblemInEveryFileIsCollected() throws {
        let folder = try StudyFolder([
            "adsl.csv": adslHeader + "P1,UC-MSC,30,20,X\nP2,Control,25,16,F\n",
            "adlb.csv": adlbHeader + adlbRows + "P1,HBA1C,3,abc,%\n",
            "adii.csv": "USUBJID,STARTMO,ENDMO\nP1,,\n",
        ])
        defer { folder.remove() }
        let (_, kind, problems) = folder.load()
        #expect(kind == .invalidInput)
        #expect(problems == [
            "error: adsl.csv:2:17: SEX \"X\" must be \"M\" or \"F\"",
            "error: adlb.csv:6:12: AVAL \"abc\" is not a number",
            "error: adii.csv:2:4: STARTMO is missing",
        ])
    }

    @Test func missingRequiredFilesAreAllNamed() throws {
        let folder = try StudyFolder(["adsl.csv": nil, "adlb.csv": nil])
        defer { folder.remove() }
        let (_, kind, problems) = folder.load()
        #expect(kind == .missingInput)
        #expect(problems == [
            "error: adsl.csv: required file not found in \(folder.url.path)",
            "error: adlb.csv: required file not found in \(folder.url.path)",
        ])
    }

    @Test func problemsBeyondTheLimitAreCounted() throws {
        let rows = (1...250).map { "Q\($0),CPEPF,0,1,pmol/L\n" }.joined()
        let problems = try StudyFolder.problems("adlb.csv", adlbHeader + adlbRows + rows)
        #expect(problems.count == DiagnosticLog.defaultLimit + 1)
        #expect(problems.last == "error: adlb.csv: 50 more errors in this file not shown")
    }
}
