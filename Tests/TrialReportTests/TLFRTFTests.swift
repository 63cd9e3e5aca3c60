import Foundation
import Testing
import TrialAnalysis
@testable import TrialReport

/// The TLF package's RTF files: escaping, the structure of a document (title block, repeating
/// header rows, decimal tabs, footnotes, footer with page fields), page orientation, and the
/// ICH E3 numbers, populations and sources of the outputs.
@Suite("TLF package as RTF")
struct TLFRTFTests {
    static func output(_ table: ReportTable = sampleAdverseEventTable()) -> TLFOutput {
        TLFOutput(table: table, section: .safety, number: "14.3.1", population: "Safety set", populationSize: 53,
                  sources: ["adsl.csv", "adae.csv"])
    }

    static func document(_ placement: TLFSettings.Placement = .header) -> RTFDocument {
        RTFDocument(paper: .a4, placement: placement, studyTitle: "Study — α",
                    provenance: "TrialReport 0.1.0; 2000-01-01; draft — data not locked")
    }

    /// The text of the group opened by `{\name` (up to its matching brace), or `nil`.
    static func group(_ name: String, in rtf: String) -> String? {
        guard let start = rtf.range(of: "{\\" + name) else { return nil }
        var depth = 0, index = start.lowerBound, escaped = false
        while index < rtf.endIndex {
            let character = rtf[index]
            if escaped { escaped = false } else if character == "\\" { escaped = true }
            else if character == "{" { depth += 1 } else if character == "}" {
                depth -= 1
                if depth == 0 { return String(rtf[start.lowerBound...index]) }
            }
            index = rtf.index(after: index)
        }
        return nil
    }

    @Test func escapesSpecialCharactersAndWritesOtherCharactersAsUnicodeControlWords() {
        #expect(RTFText.escaped("a\\b{c}d") == "a\\\\b\\{c\\}d")
        #expect(RTFText.escaped("−1.5 ≥ 2 é") == "\\u8722?1.5 \\u8805? 2 \\u233?")
        #expect(RTFText.escaped("\u{FFFD}") == "\\u-3?")
        #expect(RTFText.escaped("😀") == "\\u-10179?\\u-8704?")
        #expect(RTFText.escaped("a\tb\nc\u{1}d") == "a\\tab b\\line cd")
    }

    @Test func aCellIsMeasuredInOnePassAsItsLineItsWidestWordAndItsNumbersParts() {
        let texts = ["", " ", "P0000035", "12.5 (3.41)", "a  b ", " lead", ".5", "3 (11.1%)", "no point", "−1.5 ≥ 2 é",
                     "x \u{301}y", "1.\u{301}5 .2"]
        for text in texts {
            for bold in [false, true] {
                let (line, word) = TLFTableLayout.measuredLineAndWord(text, bold: bold)
                #expect(line == TLFTableLayout.measured(text, bold: bold) && word == TLFTableLayout.widestWord(text))
                let (integer, fraction) = TLFTableLayout.split(text)
                let parts = TLFTableLayout.measuredParts(text, bold: bold)
                #expect(parts.integer == TLFTableLayout.measured(integer, bold: bold))
                #expect(parts.fraction == TLFTableLayout.measured(fraction, bold: bold))
            }
        }
    }

    @Test func aDocumentIsPlainASCIIWithBalancedGroups() {
        let rtf = Self.document().text(Self.output())
        #expect(rtf.utf8.allSatisfy { $0 < 0x80 })
        #expect(rtf.hasPrefix("{\\rtf1\\ansi"))
        #expect(Self.group("rtf1", in: rtf)?.count == rtf.count - 1)   // the whole document but its final line break
        #expect(rtf.contains("{\\fonttbl{\\f0\\fswiss\\fcharset0 Liberation Sans{\\*\\falt Arial};}}"))
        #expect(rtf.contains("&lt;") == false && rtf.contains("<script>alert(1)</script>"))
    }

    @Test func headerPlacementPutsTheTitleBlockInThePageHeaderAndTheFootnotesInTheFooter() throws {
        let rtf = Self.document(.header).text(Self.output())
        let header = try #require(Self.group("header", in: rtf))
        let footer = try #require(Self.group("footer", in: rtf))
        #expect(header.contains("Study \\u8212? \\u945?"))
        #expect(header.contains("\\b Table 14.3.1\\par") && header.contains("\\b Adverse events by SOC and term\\par"))
        #expect(header.contains("Safety set (N = 53)\\par"))
        #expect(footer.contains("{\\super a} Participants with at least one event.\\par"))
        #expect(footer.contains("Source: adsl.csv, adae.csv; TrialReport 0.1.0; 2000-01-01; draft \\u8212? data not locked"))
        #expect(footer.contains("Page {\\field{\\*\\fldinst PAGE}{\\fldrslt 1}} of {\\field{\\*\\fldinst NUMPAGES}{\\fldrslt 1}}"))
        #expect(rtf.components(separatedBy: "Table 14.3.1").count == 3)   // the header and the document's \info title
    }

    @Test func bodyPlacementPutsTheTitleBlockInRepeatingRowsAboveTheTableAndTheFootnotesAfterIt() throws {
        let rtf = Self.document(.body).text(Self.output())
        let header = try #require(Self.group("header", in: rtf))
        let footer = try #require(Self.group("footer", in: rtf))
        #expect(!header.contains("Table 14.3.1") && !footer.contains("Participants with"))
        #expect(footer.contains("\\fldinst NUMPAGES"))
        let rows = rtf.components(separatedBy: "\\trowd").dropFirst()
        #expect(rows.count == 3 + 2 + 3)
        #expect(rows.prefix(5).allSatisfy { $0.contains("\\trhdr") } && rows.dropFirst(5).allSatisfy { !$0.contains("\\trhdr") })
        let titles = rows.prefix(3).joined()
        #expect(titles.contains("\\intbl\\f0\\fs20\\qc \\b Table 14.3.1\\cell") && titles.contains("Safety set (N = 53)\\cell"))
        #expect(!titles.contains("\\clbrdr"))
        let table = try #require(rtf.range(of: "\\trowd", options: .backwards))
        let note = try #require(rtf.range(of: "{\\super a} Participants with at least one event.\\par"))
        #expect(table.upperBound < note.lowerBound)
    }

    @Test func headerPlacementPutsTheColumnHeadersInThePageHeaderOnTheBodysColumnEdges() throws {
        let rtf = Self.document(.header).text(Self.output())
        let header = try #require(Self.group("header", in: rtf))
        let headerRows = header.components(separatedBy: "\\trowd").dropFirst()
        #expect(headerRows.count == 2 && headerRows.allSatisfy { !$0.contains("\\trhdr") })
        let bodyRows = rtf.replacingOccurrences(of: header, with: "").components(separatedBy: "\\trowd").dropFirst()
        #expect(bodyRows.count == 3)
        let edges = TLFTableLayout(sampleAdverseEventTable(), paper: .a4, margin: TLFPageStyle.margin).columnBoundaries
        // The first header row: an empty cell, then two cells spanning two columns each.
        let first = headerRows.first!
        #expect(first.contains("\\cellx\(edges[1])") && first.contains("\\cellx\(edges[3])")
                && first.contains("\\cellx\(edges[5])") && !first.contains("\\cellx\(edges[2])"))
        #expect(first.contains("UC-MSC (N = 27)\\cell"))
        #expect(bodyRows.allSatisfy { row in edges.dropFirst().allSatisfy { row.contains("\\cellx\($0)") } })
        // Kept-together rows are kept with the next one; the last row of a group is not.
        #expect(Array(bodyRows)[0].contains("\\trkeepfollow") && !Array(bodyRows)[1].contains("\\trkeepfollow"))
    }

    @Test func numbersSitOnADecimalTabAndLabelsAreIndented() {
        let rtf = Self.document().text(Self.output())
        let layout = TLFTableLayout(sampleAdverseEventTable(), paper: .a4, margin: TLFPageStyle.margin)
        #expect(layout.decimalTabs[0] == nil && layout.decimalTabs.dropFirst().allSatisfy { $0 != nil })
        let tab = layout.decimalTabs[1]!
        #expect(rtf.contains("\\tqdec\\tx\(tab) 3 (11.1%)\\cell"))
        #expect(rtf.contains("\\ql\\li200 Anaemia\\cell"))
        #expect(rtf.contains("{\\b Blood}\\cell"))
        // The tab centres the widest integer and fraction parts in the column.
        let text = layout.columnWidths[1] - 2 * TLFTableLayout.cellGap
        let integer = TLFTableLayout.measured("3 (11"), fraction = TLFTableLayout.measured(".1%)")
        #expect(abs(tab - ((text - integer - fraction) / 2 + integer)) <= 1)
    }

    @Test func aNarrowTableIsPortraitAndAWideOneLandscapeBothFillingTheTextWidth() {
        let narrow = TLFTableLayout(sampleAdverseEventTable(), paper: .a4, margin: TLFPageStyle.margin)
        #expect(!narrow.landscape)
        #expect(narrow.columnWidths.reduce(0, +) == 11906 - 2 * TLFPageStyle.margin)
        var wide = ReportTable(name: "wide", caption: "Wide", headerRows: [(1...14).map { .init("Visit month \($0)") }])
        wide.groups = [.init([.init((1...14).map { .number("123.4 (56.78)", footnotes: ["\($0)"]) })])]
        let layout = TLFTableLayout(wide, paper: .a4, margin: TLFPageStyle.margin)
        #expect(layout.landscape)
        #expect(layout.columnWidths.reduce(0, +) == 16838 - 2 * TLFPageStyle.margin)
        let rtf = Self.document().text(Self.output(wide))
        #expect(rtf.contains("\\paperw16838\\paperh11906") && rtf.contains("\\landscape") && rtf.contains("\\lndscpsxn"))
        #expect(Self.document().text(Self.output()).contains("\\paperw11906\\paperh16838"))
    }

    @Test func outputsAreNumberedInTheirSectionInReportOrderUnlessThePlanFixesTheNumber() throws {
        let tables = try DocumentSamples.compose().tables.filter { $0.number != nil }.sorted { $0.number! < $1.number! }
        var plan = AnalysisPlan()
        var outputs = TLFOutput.outputs(of: tables, results: DocumentSamples.results(), plan: plan)
        let numbers = Dictionary(uniqueKeysWithValues: outputs.map { ($0.table.name, $0.number) })
        #expect(numbers["baseline"] == "14.1.1" && numbers["baseline-by-onset"] == "14.1.2")
        #expect(numbers["primary-endpoint"] == "14.2.1")
        #expect(numbers["adverse-events"] == "14.3.1" && numbers["insulin-independence"] == "16.2.1")
        #expect(outputs.first { $0.table.name == "insulin-independence" }?.label == "Listing 16.2.1")
        #expect(outputs.first { $0.table.name == "adverse-events" }?.sources == ["adsl.csv", "adae.csv"])
        #expect(outputs.first { $0.table.name == "baseline" }.map { ($0.population, $0.populationSize) } ?? ("", 0) == ("All participants", 53))
        // The sample's logistic model is fitted in the treatment arm.
        #expect(outputs.first { $0.table.name == "predictors" }.map { ($0.population, $0.populationSize) } ?? ("", 0) == ("UC-MSC arm", 27))

        plan.tlf.numbers = ["adverse-events": "14.3.2.1", "baseline-by-onset": "14.1.1"]
        outputs = TLFOutput.outputs(of: tables, results: DocumentSamples.results(), plan: plan)
        let fixed = Dictionary(uniqueKeysWithValues: outputs.map { ($0.table.name, $0.number) })
        #expect(fixed["baseline"] == "14.1.2" && fixed["baseline-by-onset"] == "14.1.1" && fixed["adverse-events"] == "14.3.2.1")
        #expect(outputs.first { $0.table.name == "adverse-events" }?.fileName == "14.3.2.1-adverse-events")
    }

    @Test func thePopulationIsTheAnalysisSetOfTheResultsWithTheParticipantsTheyCount() {
        var results = DocumentSamples.results()
        results.baselineCharacteristics = BaselineCharacteristicsTable(
            set: "Intent-to-treat", arms: [ArmSize(arm: "UC-MSC", n: 26), ArmSize(arm: "Control", n: 25)], total: 51, variables: [])
        let table = ReportTable(name: ReportTables.baselineCharacteristicsName, caption: "Baseline")
        let output = TLFOutput.outputs(of: [table], results: results, plan: AnalysisPlan())[0]
        #expect(output.section == .disposition && output.population == "Intent-to-treat set" && output.populationSize == 51)
        #expect(output.label == "Table 14.1.1" && output.sources == ["adsl.csv"])
    }

    @Test func thePackageHasOneFilePerTableTheReportShowsAndCanBeTurnedOff() throws {
        let report = try DocumentSamples.compose()
        var plan = AnalysisPlan()
        let files = try TLFPackage.files(tables: report.tables, results: DocumentSamples.results(), plan: plan,
                                         provenance: DocumentSamples.provenance, paper: .a4)
        // One RTF and one DOCX file per output, then tlf.pdf, by default.
        #expect(files.count == 2 * report.tables.filter { $0.number != nil }.count + 1)
        #expect(files.dropLast().allSatisfy { $0.0.hasPrefix("tlf/") && ($0.0.hasSuffix(".rtf") || $0.0.hasSuffix(".docx")) })
        #expect(files.last?.0 == "tlf.pdf")
        #expect(files.map(\.0).contains("tlf/14.2.1-primary-endpoint.rtf"))
        #expect(files.map(\.0).contains("tlf/14.2.1-primary-endpoint.docx"))
        let again = try TLFPackage.files(tables: report.tables, results: DocumentSamples.results(), plan: plan,
                                         provenance: DocumentSamples.provenance, paper: .a4)
        #expect(files.map(\.1) == again.map(\.1))
        plan.tlf.formats = [.docx]
        #expect(try TLFPackage.files(tables: report.tables, results: DocumentSamples.results(), plan: plan,
                                     provenance: DocumentSamples.provenance, paper: .a4).allSatisfy { $0.0.hasSuffix(".docx") })
        plan.tlf.write = false
        #expect(try TLFPackage.files(tables: report.tables, results: DocumentSamples.results(), plan: plan,
                                     provenance: DocumentSamples.provenance, paper: .a4).isEmpty)
    }

    @Test func theFooterNamesTheLockOrSaysTheDataAreNotLocked() {
        var provenance = DocumentSamples.provenance
        #expect(TLFPackage.footerProvenance(provenance) == "TrialReport 0.1.0; 2000-01-01; draft — data not locked")
        provenance.lockHash = String(repeating: "0123456789abcdef", count: 4)
        #expect(TLFPackage.footerProvenance(provenance) == "TrialReport 0.1.0; 2000-01-01; data lock 0123456789ab")
        provenance.lockChanged = true
        #expect(TLFPackage.footerProvenance(provenance).hasSuffix("data lock 0123456789ab (changed since lock)"))
    }
}

extension RTFDocument {
    /// The RTF file of `output` as text.
    func text(_ output: TLFOutput) -> String {
        String(decoding: rtf(output), as: UTF8.self)
    }
}
