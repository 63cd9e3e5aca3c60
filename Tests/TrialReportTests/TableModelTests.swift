import Testing
@testable import TrialReport

@Suite("ReportTable: model")
struct TableModelTests {
    @Test("the column count is the widest header row counting spans, or body row")
    func columnCount() {
        #expect(sampleAdverseEventTable().columnCount == 5)
        let wideBody = ReportTable(name: "x", caption: "", headerRows: [[.init("a")]],
                                   groups: [.init([.init([.init("1"), .init("2"), .init("3")])])])
        #expect(wideBody.columnCount == 3)
    }

    @Test("footnote markers run a to z, then aa, ab")
    func footnoteMarkers() {
        #expect((0..<3).map(ReportTable.footnoteMarker(at:)) == ["a", "b", "c"])
        #expect(ReportTable.footnoteMarker(at: 25) == "z")
        #expect(ReportTable.footnoteMarker(at: 26) == "aa")
        #expect(ReportTable.footnoteMarker(at: 27) == "ab")
        #expect(ReportTable.footnoteMarker(at: 26 + 26 * 26) == "aaa")
    }

    @Test("adding a footnote with the same text returns its existing marker")
    func footnoteReuse() {
        var table = ReportTable(name: "t", caption: "")
        #expect(table.addFootnote("Fisher's exact test.") == "a")
        #expect(table.addFootnote("Mann–Whitney U test.") == "b")
        #expect(table.addFootnote("Fisher's exact test.") == "a")
        #expect(table.footnotes.count == 2)
    }

    @Test("title joins number and caption; anchor is tab- and the slug of the name")
    func titleAndAnchor() {
        #expect(sampleAdverseEventTable().title == "Table 4. Adverse events by SOC and term")
        #expect(ReportTable(name: "x", caption: "Listing").title == "Listing")
        #expect(ReportTable(name: "Primary.Endpoint", caption: "").anchor == "tab-primary-endpoint")
    }

    @Test("spanning headers flatten to one row, the upper text repeated in each spanned column")
    func flattenedHeader() {
        #expect(sampleAdverseEventTable().flattenedHeader(\.text) == [
            "SOC / term", "UC-MSC (N = 27), n (%)", "UC-MSC (N = 27), Events",
            "Control (N = 26), n (%)", "Control (N = 26), Events",
        ])
    }
}

@Suite("ReportTable: rows shown in the documents")
struct TableDocumentRowsTests {
    private func listing(rows: Int, limit: Int?) -> ReportTable {
        let body = (0..<rows).map { ReportTable.Row([.init("P\($0)"), .number("\($0)")]) }
        return ReportTable(name: "listing", caption: "Listing", headerRows: [[.init("Participant"), .init("Value")]],
                           groups: [.init(Array(body.prefix(rows / 2))), .init(Array(body.dropFirst(rows / 2)), keepTogether: false)],
                           documentRowLimit: limit)
    }

    @Test func aLongListingShowsItsFirstRowsAndSaysWhereTheRestAre() {
        #expect(listing(rows: 250, limit: 100).bodyRowCount == 250)
        let shown = listing(rows: 250, limit: 100).shownInDocuments
        #expect(shown.rows.map { $0.cells[0].text } == (0..<100).map { "P\($0)" })
        #expect(shown.groups.count == 1)
        #expect(shown.footnotes.last?.text == "The first 100 of 250 rows; tables/listing.csv holds them all.")
        #expect(shown.headerRows[0][0].footnotes == [shown.footnotes.last!.marker])
        #expect(listing(rows: 250, limit: 100).csv().split(whereSeparator: \.isNewline).count == 251)
    }

    @Test func aTableWithinItsLimitOrWithoutOneIsShownWhole() {
        #expect(listing(rows: 100, limit: 100).shownInDocuments == listing(rows: 100, limit: 100))
        #expect(listing(rows: 5000, limit: nil).shownInDocuments == listing(rows: 5000, limit: nil))
    }
}
