/// The ICH E3 section an output of the TLF package is numbered in: 14.1 disposition and
/// demography, 14.2 efficacy, 14.3 safety (tables); 16.2 the listings of individual data.
public enum TLFSection: String, Sendable, CaseIterable {
    case disposition, efficacy, safety, listings

    /// The section number the outputs' numbers start with: "14.1", …, "16.2".
    public var prefix: String {
        switch self {
        case .disposition: "14.1"
        case .efficacy: "14.2"
        case .safety: "14.3"
        case .listings: "16.2"
        }
    }

    /// What an output of the section is called in its title: "Table" or "Listing".
    public var kind: String {
        self == .listings ? "Listing" : "Table"
    }

    /// The section of a report table: a table listing individual records (one with a
    /// `documentRowLimit`) is a listing; the analysis sets, disposition and baseline characteristics are
    /// disposition and demography; adverse events are safety; every other table is efficacy.
    public static func of(_ table: ReportTable) -> TLFSection {
        if table.documentRowLimit != nil { return .listings }
        switch table.name {
        case "analysis-sets", "baseline", ReportTables.baselineCharacteristicsName, ReportTables.dispositionName:
            return .disposition
        case "adverse-events", ReportTables.emergentEventsName, ReportTables.emergentEventsOverviewName:
            return .safety
        default:
            return table.name.hasPrefix("baseline-by-") ? .disposition : .efficacy
        }
    }
}
