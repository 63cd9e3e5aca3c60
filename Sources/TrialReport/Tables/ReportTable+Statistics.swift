extension ReportTable {
    /// One statistic behind a displayed number: its name, its full-precision value from `Results`
    /// and the text `Display` shows for it alone. A cell lists the statistics its text is made of
    /// ("11/27 (40.7%)": n, N and the percentage), which `AnalysisResultsDataset` writes to `ard.csv`.
    public struct Statistic: Sendable, Hashable {
        /// The statistic's name: "n", "N", "pct", "mean", "sd", "median", "q1", "q3", "min", "max",
        /// "estimate", "ci_lower", "ci_upper", "p" and so on.
        public var name: String
        /// The unrounded value (a percentage as the proportion `Results` holds), `nil` when missing.
        public var value: Double?
        /// The text shown for it, exactly as in the table: "40.7%", "−1.50", "<0.001", "—".
        public var shown: String

        /// A statistic; see the properties.
        public init(_ name: String, _ value: Double?, shown: String) {
            self.name = name
            self.value = value
            self.shown = shown
        }

        /// A count, shown by `Display.integer`.
        public static func count(_ name: String, _ value: Int?) -> Statistic {
            Statistic(name, value.map(Double.init), shown: Display.integer(value))
        }

        /// A number with `decimals` decimals, shown by `Display.number`.
        public static func number(_ name: String, _ value: Double?, decimals: Int) -> Statistic {
            Statistic(name, value, shown: Display.number(value, decimals: decimals))
        }

        /// A p-value, shown by `Display.pValue`.
        public static func pValue(_ value: Double?, name: String = "p") -> Statistic {
            Statistic(name, value, shown: Display.pValue(value))
        }

        /// A proportion shown as a percentage by `Display.percentage`.
        public static func percentage(_ name: String, _ fraction: Double?) -> Statistic {
            Statistic(name, fraction, shown: Display.percentage(fraction))
        }

        /// A proportion or difference of proportions shown in percentage points by `Display.percentagePoints`.
        public static func percentagePoints(_ name: String, _ value: Double?, decimals: Int = 1) -> Statistic {
            Statistic(name, value, shown: Display.percentagePoints(value, decimals: decimals))
        }

        /// The statistics of `Display.countWithPercentage(count, of: total)`: n, then the percentage
        /// when it is shown.
        public static func countWithPercentage(_ count: Int?, of total: Int?) -> [Statistic] {
            guard let count, let total, total > 0 else { return [.count("n", count)] }
            return [.count("n", count), .percentage("pct", Double(count) / Double(total))]
        }

        /// The statistics of an estimate with its interval: estimate, then its bounds named
        /// `lowerName` and `upperName`; the estimate alone when it is missing (shown "—").
        public static func estimateWithInterval(_ estimate: Double?, lower: Double?, upper: Double?, decimals: Int,
                                                names: (String, String, String) = ("estimate", "ci_lower", "ci_upper")) -> [Statistic] {
            guard let estimate, !estimate.isNaN else { return [.number(names.0, estimate, decimals: decimals)] }
            return [.number(names.0, estimate, decimals: decimals), .number(names.1, lower, decimals: decimals),
                    .number(names.2, upper, decimals: decimals)]
        }
    }
}

extension ReportTable.Cell {
    /// A decimal-aligned cell showing `text`, made of `statistics`.
    public static func number(_ text: String, statistics: [ReportTable.Statistic], footnotes: [String] = []) -> Self {
        var cell = Self.number(text, footnotes: footnotes)
        cell.statistics = statistics
        return cell
    }

    /// A count: `Display.integer`.
    public static func count(_ value: Int?, name: String = "n") -> Self {
        .number(Display.integer(value), statistics: [.count(name, value)])
    }

    /// A number with `decimals` decimals: `Display.number`.
    public static func number(_ value: Double?, decimals: Int, name: String) -> Self {
        .number(Display.number(value, decimals: decimals), statistics: [.number(name, value, decimals: decimals)])
    }

    /// A p-value: `Display.pValue`.
    public static func pValue(_ p: Double?, name: String = "p", footnotes: [String] = []) -> Self {
        .number(Display.pValue(p), statistics: [.pValue(p, name: name)], footnotes: footnotes)
    }

    /// "11 (40.7%)": `Display.countWithPercentage`.
    public static func countWithPercentage(_ count: Int?, of total: Int?) -> Self {
        .number(Display.countWithPercentage(count, of: total), statistics: ReportTable.Statistic.countWithPercentage(count, of: total))
    }

    /// "12.3 ± 4.5": `Display.meanWithSD`; its statistics "mean" and "sd" followed by `suffix`
    /// ("mean_change", "sd_change").
    public static func meanWithSD(mean: Double?, sd: Double?, decimals: Int, suffix: String = "") -> Self {
        let statistics: [ReportTable.Statistic] = mean.map { $0.isNaN } == false
            ? [.number("mean" + suffix, mean, decimals: decimals), .number("sd" + suffix, sd, decimals: decimals)]
            : [.number("mean" + suffix, mean, decimals: decimals)]
        return .number(Display.meanWithSD(mean: mean, sd: sd, decimals: decimals), statistics: statistics)
    }

    /// "12.0 (8.5 to 20.1)": `Display.medianWithQuartiles`.
    public static func medianWithQuartiles(median: Double?, q1: Double?, q3: Double?, decimals: Int) -> Self {
        .number(Display.medianWithQuartiles(median: median, q1: q1, q3: q3, decimals: decimals),
                statistics: ReportTable.Statistic.estimateWithInterval(median, lower: q1, upper: q3, decimals: decimals,
                                                                       names: ("median", "q1", "q3")))
    }

    /// "5.11 (1.11 to 33.08)": `Display.estimateWithInterval`.
    public static func estimateWithInterval(_ estimate: Double?, lower: Double?, upper: Double?, decimals: Int,
                                            name: String = "estimate") -> Self {
        .number(Display.estimateWithInterval(estimate, lower: lower, upper: upper, decimals: decimals),
                statistics: ReportTable.Statistic.estimateWithInterval(estimate, lower: lower, upper: upper, decimals: decimals,
                                                                       names: (name, name + "_ci_lower", name + "_ci_upper")))
    }

    /// "−0.05 to 0.44": `Display.interval`, its bounds named `names`.
    public static func interval(_ lower: Double?, _ upper: Double?, decimals: Int, names: (String, String)) -> Self {
        .number(Display.interval(lower, upper, decimals: decimals),
                statistics: [.number(names.0, lower, decimals: decimals), .number(names.1, upper, decimals: decimals)])
    }

    /// "24.5 to 59.3": `Display.percentageInterval`, proportions in percent.
    public static func percentageInterval(_ lower: Double?, _ upper: Double?) -> Self {
        .number(Display.percentageInterval(lower, upper),
                statistics: [.percentagePoints("ci_lower", lower), .percentagePoints("ci_upper", upper)])
    }

    /// "20.7 (−5.1 to 44.3)": `Display.percentagePointDifference`, a difference of proportions.
    public static func percentagePointDifference(_ estimate: Double?, lower: Double?, upper: Double?) -> Self {
        let statistics: [ReportTable.Statistic] = estimate.map { $0.isNaN } == false
            ? [.percentagePoints("difference", estimate), .percentagePoints("difference_ci_lower", lower),
               .percentagePoints("difference_ci_upper", upper)]
            : [.percentagePoints("difference", estimate)]
        return .number(Display.percentagePointDifference(estimate, lower: lower, upper: upper), statistics: statistics)
    }
}
