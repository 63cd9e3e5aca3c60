import TrialAnalysis

extension ReportTables {
    /// Adverse events per arm: participants with any, serious and related events (with Fisher's p),
    /// then each system organ class (bold) with its terms (indented): participants n (%) and events.
    public func adverseEvents(_ events: AdverseEventResults) -> ReportTable {
        var table = ReportTable(name: "adverse-events", caption: "Adverse events by system organ class and term")
        table.context.set = "All participants"
        table.headerRows = [
            [.init("")] + armHeaders(span: 2) + [.init("")],
            [.init("System organ class / term", alignment: .left)]
                + arms.flatMap { _ in [ReportTable.HeaderCell("n (%)"), .init("Events")] } + [.init("p")],
        ]
        let participants = table.addFootnote("n (%): participants with at least one such event; events: every report.")
        table.headerRows[1][1].footnotes = [participants]
        let summary: [(String, AdverseEventIncidence)] = [
            ("Any adverse event", events.anyEvent), ("Serious adverse event", events.serious),
            ("Related adverse event", events.related),
        ]
        var summaryRows: [ReportTable.Row] = []
        for (label, incidence) in summary {
            let pValue = Self.pValueCell(incidence.pValue, test: incidence.test, in: &table)
            summaryRows.append(ReportTable.Row([.init(label)] + countCells(incidence.byArm) + [pValue]))
        }
        table.groups = [ReportTable.RowGroup(summaryRows)]
        for organClass in events.bySystemOrganClass {
            var rows = [ReportTable.Row([.init(organClass.soc, emphasis: .bold)] + countCells(organClass.byArm))]
            for term in events.byTerm where term.soc == organClass.soc {
                rows.append(ReportTable.Row([.init(term.term, indentation: 1)] + countCells(term.byArm)))
            }
            table.groups.append(ReportTable.RowGroup(rows))
        }
        return table
    }

    private func countCells(_ counts: [AdverseEventCount]) -> [ReportTable.Cell] {
        arms.flatMap { arm -> [ReportTable.Cell] in
            let count = counts.first { $0.arm == arm }
            return [.countWithPercentage(count?.subjects ?? 0, of: armSize(arm)), .count(count?.events ?? 0, name: "events")]
        }
    }
}
