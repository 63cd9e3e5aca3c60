import Foundation
import Testing
import TrialAnalysis
@testable import TrialReport

/// The layouts the TLF writers share: each output's own, found once, whichever thread asks.
@Suite struct TLFLayoutsTests {
    @Test func eachOutputsLayoutIsItsOwnWhoeverAsksFirst() throws {
        let results = DocumentSamples.results()
        let report = try DocumentSamples.compose(results)
        let outputs = TLFPackage.outputs(tables: report.tables, results: results, plan: AnalysisPlan())
        let own = outputs.map { TLFTableLayout($0.table, paper: .letter, margin: TLFPageStyle.margin) }
        try #require(outputs.count > 2 && Set(own.map(\.columnWidths)).count > 2)
        let layouts = TLFLayouts(outputs, paper: .letter)
        // Another thread asks for the layouts from the end while this one asks from the front.
        let other = Thread { for index in outputs.indices.reversed() { _ = layouts.layout(index) } }
        other.start()
        #expect(outputs.indices.map { layouts.layout($0) } == own)
        #expect(outputs.indices.map { layouts.layout($0) } == own)
    }
}
