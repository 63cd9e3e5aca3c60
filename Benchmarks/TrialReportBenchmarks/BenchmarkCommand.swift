import ArgumentParser
// Links tcmalloc, as `trialreport` does: a stage is timed with the command line's allocator.
import CTCMalloc
import Foundation
import TrialData

/// `trialreport-bench`: the benchmark suite of `make bench`, and the child processes it runs.
@main
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trialreport-bench",
        abstract: "Benchmark TrialReport: every stage on simulated studies, the whole render, TrialStats.",
        subcommands: [SuiteCommand.self, StageCommand.self, StatisticsCommand.self, PeakCommand.self, TableReadCommand.self],
        defaultSubcommand: SuiteCommand.self
    )
}

/// The suite: measures everything, prints the table, writes bench/results.md.
struct SuiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "suite", abstract: "Run the whole suite (the default).")

    @Option(help: "The trialreport executable (release build).")
    var trialreport = ".build/release/trialreport"

    @Option(help: "Study sizes in participants, comma-separated (53 is the bundled example; with 1000000 and 2000000, the growth between them is tabled).")
    var sizes = "53,10000,100000,1000000"

    @Option(help: "Timed repetitions per case.")
    var repetitions = 5

    @Option(help: "Timed repetitions per case at 1,000,000 participants.")
    var largeRepetitions = 5

    @Option(help: "Seconds the whole suite may spend waiting, before a case, for other processes to leave the machine (0: never wait).")
    var quietWait = 120.0

    @Option(help: "Where simulated studies are kept between runs.")
    var cache = "bench/cache"

    @Option(help: "The report templates folder.")
    var templates = "templates"

    @Option(help: "The reading anchors' scripts (R data.table fread, Python pyarrow), timed beside the read stage; empty: none.")
    var anchors = "bench/anchors"

    @Option(help: "The Python with pyarrow that runs the pyarrow anchor (make bench makes it).")
    var python = "bench/cache/python/bin/python"

    @Option(help: "The results file (its part between the bench markers is replaced); empty: none.")
    var results = "bench/results.md"

    func run() throws {
        let start = Date()
        let suite = Suite(
            benchmark: Self.executablePath(), trialreport: trialreport, templates: templates,
            cache: StudyCache(folder: URL(fileURLWithPath: cache), example: URL(fileURLWithPath: "examples/uc-msc-t1d"),
                              trialreport: trialreport),
            sizes: sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) },
            repetitions: repetitions, largeRepetitions: largeRepetitions, quiet: QuietWait(budget: quietWait),
            anchors: anchors.isEmpty ? nil : URL(fileURLWithPath: anchors), python: URL(fileURLWithPath: python).path)
        let measurements = try suite.run()
        for summary in [ResultsTable.growth(measurements), ResultsTable.doubling(measurements), ReadingAnchor.comparison(measurements)] where !summary.isEmpty {
            say("\n" + summary)
        }
        let seconds = Date().timeIntervalSince(start)
        say(String(format: "\nsuite finished in %.0f s", seconds))
        guard !results.isEmpty else { return }
        let swift = (try? ChildProcess.run("/usr/bin/env", ["swift", "--version"]))?.standardOutput
            .split(separator: "\n").first.map(String.init) ?? "Swift (version unknown)"
        let commit = (try? ChildProcess.run("/usr/bin/env", ["git", "rev-parse", "--short", "HEAD"]))?.standardOutput
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let machine = MachineDescription.current(swift: swift) + (commit.isEmpty ? "" : "\n- commit: \(commit)")
        try ResultsTable.write(ResultsTable.markdown(measurements, machine: machine, seconds: seconds),
                               into: URL(fileURLWithPath: results))
        say("wrote \(results)")
    }

    /// This executable's path, for its child processes.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

/// A child: one render stage on one study, printing each timed run's seconds.
struct StageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stage", abstract: "Time one stage (a child of the suite).")

    @Argument(help: "read, analysis, figures or report.")
    var stage: String

    @Argument(help: "The study folder.")
    var data: String

    @Option var templates = "templates"
    @Option var warmups = 1
    @Option var repetitions = 5

    func run() throws {
        guard let stage = Stage.allCases.first(where: { $0.argument == self.stage }) else {
            throw ValidationError("unknown stage \(self.stage)")
        }
        try stage.run(on: URL(fileURLWithPath: data), templates: URL(fileURLWithPath: templates),
                      warmups: warmups, repetitions: repetitions)
    }
}

/// A child: one TrialStats micro-benchmark.
struct StatisticsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Time one TrialStats case (a child of the suite).")

    @Argument(help: "logistic, rank-sum, fisher, exact-wilcoxon, ancova or mmrm.")
    var name: String

    @Option var warmups = 1
    @Option var repetitions = 5

    func run() throws {
        guard let benchmark = StatisticsBenchmark(rawValue: name) else { throw ValidationError("unknown case \(name)") }
        try benchmark.run(warmups: warmups, repetitions: repetitions)
    }
}

/// Runs a program and prints its exit status and peak memory: `STATUS PEAK_BYTES`.
///
/// The memory-budget test measures through this small process because a child's `ru_maxrss`
/// also counts the memory of the process that spawned it, as it stood at the spawn (Linux folds
/// the parent's high-water mark in at `exec`); spawned from here, that is a few MiB, not the
/// test runner's hundreds.
struct PeakCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "peak", abstract: "Run a program; print its exit status and peak memory in bytes.")

    @Argument(parsing: .captureForPassthrough, help: "The program and its arguments.")
    var command: [String]

    func run() throws {
        guard let program = command.first(where: { $0 != "--" }) else { throw ValidationError("no program given") }
        let arguments = Array(command.drop { $0 == "--" }.dropFirst())
        let outcome = try ChildProcess.run(program, arguments, captureOutput: false)
        print("\(outcome.status) \(outcome.peakBytes)")
    }
}
