import TrialAnalysis
import TrialData

/// One output of the TLF package: a report table with its ICH E3 number, the population it
/// describes and the datasets it comes from.
public struct TLFOutput: Sendable, Hashable {
    /// The table, with every row (a listing is not cut as the report's documents cut it).
    public var table: ReportTable
    /// The ICH E3 section.
    public var section: TLFSection
    /// The output number: "14.2.1".
    public var number: String
    /// The population: "Safety set", "All participants".
    public var population: String
    /// The participants in the population.
    public var populationSize: Int
    /// The files of the study folder the table is computed from, as the plan names them.
    public var sources: [String]

    /// "Table 14.2.1" or "Listing 16.2.1".
    public var label: String { section.kind + " " + number }

    /// The file name in `tlf/`: the number and the table's name, "14.2.1-primary-endpoint".
    public var fileName: String { number + "-" + table.name }

    /// The title block, line by line: the label, the table's caption, and the population with its
    /// N ("Safety set (N = 254)").
    var titleLines: [String] {
        [label, table.caption, population + " (N = " + Display.integer(populationSize) + ")"]
    }

    /// The footer's text before "Page x of y": the source files and `provenance` ("Source:
    /// adsl.xpt, adae.xpt; TrialReport 0.1.0; 2025-06-30; data lock 1a2b3c4d5e6f").
    func footerText(provenance: String) -> String {
        "Source: " + sources.joined(separator: ", ") + "; " + provenance
    }

    /// The outputs of `tables` in report order: each numbered in its section in the order the
    /// report shows it (14.1.1, 14.1.2, …), unless the plan's `tlf.numbers` fixes its number;
    /// a default number the plan gives to another table is skipped.
    /// - Complexity: O(tables + results).
    public static func outputs(of tables: [ReportTable], results: Results, plan: AnalysisPlan) -> [TLFOutput] {
        let fixed = Set(plan.tlf.numbers.values)
        var counts: [TLFSection: Int] = [:]
        return tables.map { table in
            let section = TLFSection.of(table)
            var number = plan.tlf.numbers[table.name]
            while number == nil {
                counts[section, default: 0] += 1
                let candidate = section.prefix + ".\(counts[section]!)"
                if !fixed.contains(candidate) { number = candidate }
            }
            let (population, size) = Self.population(of: table, results: results, plan: plan)
            return TLFOutput(table: table, section: section, number: number!, population: population,
                             populationSize: size, sources: sources(of: table, section: section, plan: plan))
        }
    }

    /// The population of a table and its size: the analysis set of its results with the
    /// participants they count (the denominators of a baseline or adverse-event table, the set's
    /// size for a modelled, responder or repeated-measures endpoint), the arm a logistic model is
    /// fitted in, else all participants allocated.
    static func population(of table: ReportTable, results: Results, plan: AnalysisPlan) -> (String, Int) {
        let allocated = results.arms.reduce(0) { $0 + $1.n }
        let named = { (set: String?, size: Int?) in set.map { ($0 + " set", size ?? allocated) } ?? ("All participants", allocated) }
        switch table.name {
        case ReportTables.baselineCharacteristicsName:
            let baseline = results.baselineCharacteristics
            return named(baseline?.set, baseline?.total)
        case ReportTables.emergentEventsName, ReportTables.emergentEventsOverviewName:
            let events = results.treatmentEmergentEvents
            return named(events?.set, events?.arms.reduce(0) { $0 + $1.n })
        case "predictors" where results.logistic?.population == .treatment:
            let arm = plan.arms.treatment
            return (arm + " arm", results.arms.first { $0.arm == arm }?.n ?? 0)
        default:
            // An endpoint's tables (ANCOVA, responders and their sensitivity, MMRM, subgroups) name its set in their context.
            let set = results.analysisSets.first { $0.name == table.context.set }
            return named(set?.name, set?.total)
        }
    }

    /// The files a table is computed from: the subject-level file, and the events for safety,
    /// the measurements for efficacy (the seed layout's episodes file for its listing).
    static func sources(of table: ReportTable, section: TLFSection, plan: AnalysisPlan) -> [String] {
        switch plan.data {
        case .adam(let layout):
            switch section {
            case .disposition: return [layout.subjects]
            case .safety: return [layout.subjects] + (layout.events.map { [$0] } ?? [])
            case .efficacy, .listings: return [layout.subjects] + layout.measurements
            }
        case .seedStudy:
            typealias File = StudyData.FileName
            switch section {
            case .disposition: return [File.participants]
            case .safety: return [File.participants, File.adverseEvents]
            case .efficacy: return [File.participants, File.measurements]
            case .listings: return [File.participants, File.insulinIndependence]
            }
        }
    }
}
