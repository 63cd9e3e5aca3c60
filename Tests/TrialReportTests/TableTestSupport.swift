@testable import TrialReport

/// An adverse-event table like the report's: spanning arm headers, SOC → term rows, a footnote.
func sampleAdverseEventTable() -> ReportTable {
    var table = ReportTable(
        name: "adverse-events", number: 4, caption: "Adverse events by SOC and term",
        headerRows: [
            [.init(""), .init("UC-MSC (N = 27)", columnSpan: 2), .init("Control (N = 26)", columnSpan: 2)],
            [.init("SOC / term", alignment: .left), .init("n (%)"), .init("Events"), .init("n (%)"), .init("Events")],
        ])
    let marker = table.addFootnote("Participants with at least one event.")
    table.headerRows[1][1].footnotes = [marker]
    table.headerRows[1][3].footnotes = [marker]
    table.groups = [
        .init([
            .init([.init("Blood", emphasis: .bold), .number("3 (11.1%)"), .number("4"), .number("1 (3.8%)"), .number("1")]),
            .init([.init("Anaemia", indentation: 1), .number("2 (7.4%)"), .number("2"), .number("0 (0.0%)"), .number("0")]),
        ]),
        .init([
            .init([.init("<script>alert(1)</script>", emphasis: .bold), .number("1 (3.7%)"), .number("1")]),
        ], keepTogether: false),
    ]
    return table
}
