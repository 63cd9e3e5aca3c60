import TrialAnalysis

extension ReportTables {
    /// The name of the table of treatment-emergent adverse events by class and term.
    public static let emergentEventsName = "teae-by-class"
    /// The name of the overview of treatment-emergent adverse events.
    public static let emergentEventsOverviewName = "teae-overview"

    /// Treatment-emergent adverse events by system organ class (bold) and preferred term
    /// (indented), any number of arms: participants n (%) and events per arm (and all arms when
    /// the plan asks), then the p-value columns of the plan's tests. The first row is any event.
    /// Every footnote is built from the results: the set, the counting rule, the order, the
    /// threshold, the tests. `nil` when the results have no treatment-emergent events.
    public func emergentEventsByClass() -> ReportTable? {
        guard let events = results.treatmentEmergentEvents else { return nil }
        var table = emergentEventsTable(events, name: Self.emergentEventsName, label: "System organ class / preferred term",
                                        caption: "Treatment-emergent adverse events by system organ class and preferred term",
                                        rowRule: "counted once per system organ class and once per preferred term")
        table.groups = [ReportTable.RowGroup([emergentEventRow(events, "Any treatment-emergent adverse event", events.anyEvent, in: &table)])]
        for organClass in events.classes {
            var rows = [emergentEventRow(events, organClass.soc, organClass.incidence, emphasis: .bold, in: &table)]
            for term in organClass.terms {
                rows.append(emergentEventRow(events, term.term, term.incidence, indentation: 1, in: &table))
            }
            table.groups.append(ReportTable.RowGroup(rows, keepTogether: rows.count <= 40))
        }
        let specification = events.specification
        let order = { (order: SafetySpecification.Order) in
            order == .alphabetical ? "alphabetical" : "by decreasing number of participants over all arms"
        }
        _ = table.addFootnote(specification.classOrder == specification.termOrder
            ? "System organ classes and preferred terms \(order(specification.classOrder))."
            : "System organ classes \(order(specification.classOrder)); preferred terms within each \(order(specification.termOrder)).")
        if let minimum = specification.minimumPercent {
            var note = "Only preferred terms reported by at least \(Display.planValue(minimum))% of the participants of some arm "
                + "are listed; \(Display.integer(events.termsBelowThreshold)) term\(events.termsBelowThreshold == 1 ? "" : "s") below that "
                + "\(events.termsBelowThreshold == 1 ? "is" : "are") not"
            if events.classesBelowThreshold > 0 {
                note += ", nor \(Display.integer(events.classesBelowThreshold)) system organ class"
                    + "\(events.classesBelowThreshold == 1 ? "" : "es") with none listed"
            }
            _ = table.addFootnote(note + ". Class rows count every term.")
        }
        return table
    }

    /// The overview of treatment-emergent adverse events, any number of arms: participants with any
    /// event, a serious one, a related one (when the data record relatedness), then by the most
    /// severe grade of their events (each participant once, without tests). `nil` when the results
    /// have no treatment-emergent events.
    public func emergentEventsOverview() -> ReportTable? {
        guard let events = results.treatmentEmergentEvents else { return nil }
        var table = emergentEventsTable(events, name: Self.emergentEventsOverviewName, label: "Participants with",
                                        caption: "Overview of treatment-emergent adverse events", rowRule: "counted once per row")
        var rows = [emergentEventRow(events, "Any treatment-emergent adverse event", events.anyEvent, in: &table),
                    emergentEventRow(events, "A serious adverse event", events.serious, in: &table)]
        if let related = events.related {
            rows.append(emergentEventRow(events, "An adverse event related to treatment", related, in: &table))
        }
        table.groups = [ReportTable.RowGroup(rows)]
        if !events.bySeverity.isEmpty {
            let worst = table.addFootnote("Participants by the most severe grade of their events (each participant once); "
                                          + "events: the events of that grade.")
            var severityRows = [ReportTable.Row([.init("By worst severity", footnotes: [worst])])]
            for severity in events.bySeverity {
                let grade = severity.severity.prefix(1).uppercased() + severity.severity.dropFirst().lowercased()
                severityRows.append(emergentEventRow(events, grade, severity.incidence, indentation: 1, in: &table))
            }
            table.groups.append(ReportTable.RowGroup(severityRows))
        }
        return table
    }

    /// An empty table of treatment-emergent events with its header rows and the footnotes on the
    /// set, the counting rule (`rowRule`: how often a participant counts) and the tests.
    private func emergentEventsTable(_ events: TreatmentEmergentEvents, name: String, label: String, caption: String,
                                     rowRule: String) -> ReportTable {
        let total = events.arms.reduce(0) { $0 + $1.n }
        var groups = events.arms.map { ReportTable.HeaderCell.arm($0.arm, n: $0.n, columnSpan: 2) }
        if events.specification.total { groups.append(.arm("Total", n: total, columnSpan: 2)) }
        var table = ReportTable(name: name, caption: caption + (events.set.map { ", \($0) set" } ?? ""))
        table.context.set = events.set ?? "All participants"
        let population = events.set.map { "\($0) set" + (events.byActualTreatment ? ", by the treatment received" : "") }
            ?? "All participants, by assigned arm"
        let counting = table.addFootnote(population + ". n (%): participants with at least one event, " + rowRule
                                         + ", as a percentage of the arm's N; events: every event reported.")
        let (pGroups, pColumns) = pValueHeaders(events, in: &table)
        table.headerRows = [
            [.init("")] + groups + pGroups,
            [.init(label, alignment: .left)] + Array(repeating: [ReportTable.HeaderCell("n (%)"), .init("Events")], count: groups.count).joined()
                + pColumns,
        ]
        table.headerRows[1][1].footnotes = [counting]
        if events.preTreatmentEventsExcluded > 0 {
            _ = table.addFootnote("\(Display.integer(events.preTreatmentEventsExcluded)) event(s) that began before treatment "
                                  + "(negative study day) are not counted.")
        }
        return table
    }

    /// The header cells of the p-value columns: above, one per test with the footnote naming it
    /// ("p vs Placebo" over the arms compared with the reference, "p" over all arms); below, one
    /// per column.
    private func pValueHeaders(_ events: TreatmentEmergentEvents, in table: inout ReportTable)
        -> (groups: [ReportTable.HeaderCell], columns: [ReportTable.HeaderCell]) {
        var groups: [ReportTable.HeaderCell] = [], columns: [ReportTable.HeaderCell] = []
        for test in events.specification.tests {
            switch test {
            case .versusReference:
                let marker = table.addFootnote("Fisher's exact test of the proportion of participants with the event, "
                                               + "each arm against \(events.reference).")
                let compared = events.anyEvent.versusReference.map(\.arm)
                groups.append(.init("p vs \(events.reference)", columnSpan: compared.count, footnotes: [marker]))
                columns += compared.map { .init($0, group: $0 + " vs " + events.reference) }
            case .global:
                let marker = table.addFootnote("\(TestName.fisherFreemanHalton.capitalizedName) across the \(events.arms.count) arms.")
                groups.append(.init("p", footnotes: [marker]))
                columns.append(.init("All arms", group: "All arms"))
            }
        }
        return (groups, columns)
    }

    /// One row: the label, n (%) and events per arm (and all arms), then the row's p-values. A
    /// comparison without participants with the event in any of its arms is left blank; a global
    /// test that fell back to the chi-square test carries that test's footnote.
    private func emergentEventRow(_ events: TreatmentEmergentEvents, _ label: String, _ incidence: EmergentEventIncidence,
                                  emphasis: ReportTable.Emphasis = .none, indentation: Int = 0,
                                  in table: inout ReportTable) -> ReportTable.Row {
        var cells = [ReportTable.Cell(label, emphasis: emphasis, indentation: indentation)]
        for (count, arm) in zip(incidence.byArm, events.arms) {
            cells += [.countWithPercentage(count.subjects, of: arm.n), .count(count.events, name: "events")]
        }
        if events.specification.total {
            let total = events.arms.reduce(0) { $0 + $1.n }
            cells += [.countWithPercentage(incidence.totalSubjects, of: total), .count(incidence.totalEvents, name: "events")]
        }
        let subjects = Dictionary(uniqueKeysWithValues: incidence.byArm.map { ($0.arm, $0.subjects) })
        for test in events.specification.tests {
            switch test {
            case .versusReference:
                for comparison in incidence.versusReference {
                    let compared = (subjects[comparison.arm] ?? 0) + (subjects[events.reference] ?? 0) > 0
                    cells.append(compared ? .pValue(comparison.pValue) : .number(""))
                }
            case .global:
                guard let global = incidence.global else { continue }
                let markers = global.test == .fisherFreemanHalton ? [] : [table.addFootnote(global.test.footnote)]
                cells.append(incidence.totalSubjects > 0 ? .pValue(global.pValue, footnotes: markers) : .number("", footnotes: markers))
            }
        }
        return ReportTable.Row(cells, context: ReportTable.Context(parameter: label))
    }
}
