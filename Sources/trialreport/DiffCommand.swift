import ArgumentParser
import TrialAnalysis
import TrialData

/// `trialreport diff`: the statistics that differ between two results.json files.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two results.json files (or output folders) statistic by statistic.",
        discussion: """
            Prints every value that differs, one per line — `PATH: OLD → NEW (relative difference R)`, \
            `PATH: added NEW`, `PATH: removed, was OLD` — then a count, and exits 1; prints nothing \
            and exits 0 when all agree. Numbers a and b agree when |a − b| <= REL × max(|a|, |b|, 1) \
            (relative, and absolute below 1). Array elements are matched by their identifying keys \
            (arm, parameter + visit + subgroup + level, term, usubjid, …), shown in the path as \
            [arm="UC-MSC"]. Exit 66 when a file is missing, 65 when it is not JSON.
            """
    )

    @Argument(help: "The old results.json, or an output folder holding one.", transform: nonEmpty)
    var old: String

    @Argument(help: "The new results.json, or an output folder holding one.", transform: nonEmpty)
    var new: String

    @Option(help: "The tolerance REL for numbers (default 1e-9).")
    var tolerance: Double = NumericTolerance.standard.relative

    func validate() throws {
        guard tolerance.isFinite, tolerance >= 0 else {
            throw ValidationError("--tolerance must be a number, 0 or more, not \(tolerance).")
        }
    }

    func run() throws {
        try runReportingFailures {
            let oldResults = try ResultsFile.load(old), newResults = try ResultsFile.load(new)
            let differences = ResultsComparison.differences(old: oldResults, new: newResults,
                                                            tolerance: NumericTolerance(relative: tolerance))
            guard !differences.isEmpty else { return }
            for difference in differences { printToStandardOutput(difference.description) }
            printToStandardOutput("\(differences.count) difference\(differences.count == 1 ? "" : "s") (tolerance \(tolerance))")
            throw ExitCode(1)
        }
    }
}
