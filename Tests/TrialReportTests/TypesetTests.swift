import Foundation
import Testing
@testable import TrialReport
import TrialAnalysis

@Suite("PDF typesetter")
struct TypesetTests {
    @Test func pdfTextIsExtractableAndHasTheRemissionHeadline() throws {
        let text = try PDFText.extract(try DocumentSamples.compose().pdf)
        #expect(text.contains("11/27 (40.7%) with UC-MSC vs 3/26 (11.5%) with Control"))
        #expect(text.contains("95% CI 5.0 to 50.4"))
    }

    @Test func documentsListTheFirstEpisodesAndTheCSVFileEveryOne() throws {
        var results = DocumentSamples.results()
        let episode = try #require(results.insulinIndependence?.episodes[0])
        results.insulinIndependence?.episodes = (0..<150).map { index in
            var copy = episode
            copy.usubjid = String(format: "UCMSC-%04d", index)
            return copy
        }
        let report = try DocumentSamples.compose(results)
        let text = try PDFText.extract(report.pdf)
        #expect(text.contains("UCMSC-0099") && !text.contains("UCMSC-0100"))
        #expect(text.contains("The first 100 of 150 rows; tables/insulin-independence.csv holds them all."))
        #expect(report.markdown.contains("UCMSC-0099") && !report.markdown.contains("UCMSC-0100"))
        #expect(report.html.contains("UCMSC-0099") && !report.html.contains("UCMSC-0100"))
        let listing = try #require(report.tables.first { $0.name == "insulin-independence" })
        #expect(listing.csv().contains("UCMSC-0149"))
    }

    @Test func pdfHasAnOutlineEntryForEveryHeading() throws {
        let pdf = String(decoding: try DocumentSamples.compose().pdf, as: UTF8.self)
        #expect(pdf.contains("/Outlines"))
        for heading in ["Summary", "Methods", "Baseline characteristics", "Safety", "Appendix: data provenance"] {
            #expect(pdf.contains("/Title (\(heading))"), "\(heading)")
        }
    }

    @Test func crossReferencesAreLinksToNamedDestinations() throws {
        let pdf = String(decoding: try DocumentSamples.compose().pdf, as: UTF8.self)
        #expect(pdf.contains("/Dest (tab-primary-endpoint)"))
        #expect(pdf.contains("(tab-primary-endpoint)"))
        #expect(pdf.contains("/Subtype /Link"))
    }

    @Test func metadataComesFromTheInputsNotTheClock() throws {
        let pdf = String(decoding: try DocumentSamples.compose().pdf, as: UTF8.self)
        #expect(pdf.contains("/CreationDate (20000101000000"))
        #expect(pdf.contains("/Title (UC-MSC in recent-onset type 1 diabetes)"))
        #expect(pdf.contains("/Creator (TrialReport 0.1.0)"))
    }

    @Test func everyPageSaysPageXOfYAndTheLockStatus() throws {
        let report = try DocumentSamples.compose()
        let pages = PDFPageCount.count(report.pdf)
        let text = try PDFText.extract(report.pdf)
        #expect(pages > 3)
        let pageTexts = text.split(separator: "\u{0C}", omittingEmptySubsequences: true)
        #expect(pageTexts.count == pages)
        for (index, pageText) in pageTexts.enumerated() {
            #expect(pageText.contains("Page \(index + 1) of \(pages)"))
            #expect(pageText.contains("Data lock: draft — data not locked"))
        }
    }

    @Test func tableLongerThanAPageRepeatsItsHeaderWithContinued() throws {
        let report = try DocumentSamples.compose(DocumentSamples.results(adverseEventClasses: 30))
        let text = try PDFText.extract(report.pdf)
        let number = try #require(report.tables.first { $0.name == "adverse-events" }?.number)
        let continued = "Table \(number). Adverse events by system organ class and term (continued)"
        #expect(text.components(separatedBy: continued).count - 1 >= 2)
        #expect(text.components(separatedBy: "System organ class / term").count - 1 >= 3)
    }

    @Test func rowGroupIsNotSplitAcrossPages() throws {
        let report = try DocumentSamples.compose(DocumentSamples.results(adverseEventClasses: 30))
        let pages = try PDFText.extract(report.pdf).components(separatedBy: "\u{0C}")
        for page in pages where page.contains("System organ class 17") {
            #expect(page.contains("Event term 17.3"))
        }
    }

    @Test func letterPaperGivesLetterPages() throws {
        let pdf = String(decoding: try DocumentSamples.compose(paper: .letter).pdf, as: UTF8.self)
        #expect(pdf.contains("/MediaBox [ 0 0 612 792 ]"))
    }

    @Test func wideTableIsSetOnALandscapePage() throws {
        let pdf = String(decoding: try DocumentSamples.compose().pdf, as: UTF8.self)
        #expect(pdf.contains("/MediaBox [ 0 0 841.889764 595.275591 ]"))
    }

    @Test func figuresAreVectorDrawingsNotImages() throws {
        let pdf = String(decoding: try DocumentSamples.compose().pdf, as: UTF8.self)
        #expect(!pdf.contains("/Subtype /Image"))
        #expect(try PDFText.extract(try DocumentSamples.compose().pdf).contains("Remission (%)"))
    }

    @Test func scriptTagInADataStringIsPrintedAsText() throws {
        let text = try PDFText.extract(try DocumentSamples.compose().pdf)
        #expect(text.contains("<script>alert(1)</script>"))
    }

    @Test func twoTypesettingsGiveTheSameBytes() throws {
        #expect(try DocumentSamples.compose().pdf == DocumentSamples.compose().pdf)
    }

    @Test func decimalCellsAlignOnTheUnitsDigitOfTheirFirstNumber() {
        #expect(TableSpec.alignmentByte(in: "24.6 ± 5.2") == 2)
        #expect(TableSpec.alignmentByte(in: "12 (44.4%)") == 2)
        #expect(TableSpec.alignmentByte(in: "<0.001") == 2)
        // Thousands separators belong to the integer part: 5549 and 44,695 end on their units digit.
        #expect(TableSpec.alignmentByte(in: "5549 (11.1%)") == 4)
        #expect(TableSpec.alignmentByte(in: "44,695 (89.8%)") == 6)
        #expect(TableSpec.alignmentByte(in: "1,234,567") == 9)
        #expect(TableSpec.alignmentByte(in: "1,23") == 1)
        #expect(TableSpec.alignmentByte(in: "—") == nil)
    }
}
