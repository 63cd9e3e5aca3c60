import Foundation

/// The whole benchmark suite: every stage on every study size beside the reading anchors, the
/// whole render, `analyze`, `lock`, `verify` and `render --locked` as processes, at 10,000 and 100,000
/// participants the ADaM transport files' validation and a three-arm study's render, and the
/// TrialStats micro-benchmarks; each case in a child process of its own.
struct Suite {
    /// This executable, re-run as the child of each case.
    var benchmark: String
    /// The `trialreport` executable (release build).
    var trialreport: String
    /// The report templates folder.
    var templates: String
    /// The studies.
    var cache: StudyCache
    /// Study sizes, in participants.
    var sizes: [Int]
    /// Timed repetitions per case (fewer for 1,000,000 participants, see `repetitions(for:)`).
    var repetitions: Int
    /// Timed repetitions per case at 1,000,000 participants and more.
    var largeRepetitions: Int
    /// Waits for a quiet machine before each case, within the suite's budget.
    var quiet: QuietWait
    /// The folder of the reading anchors' scripts (`ReadingAnchor`); nil: no anchors.
    var anchors: URL?
    /// The Python that runs the pyarrow anchor.
    var python: String

    /// The issues' targets for a stage at a study size (the strictest open one: issue 19's).
    static func targets(_ name: String, participants: Int) -> (seconds: Double?, bytes: Int?) {
        switch (name, participants) {
        case ("whole render (process)", 53): (0.25, nil)
        case ("figures", 53): (0.5, nil)
        case (Stage.read.rawValue, 1_000_000): (1, nil)
        case (Stage.analysis.rawValue, 1_000_000): (2, nil)
        case ("figures", 1_000_000): (2, nil)
        case ("whole render (process)", 1_000_000): (2.5, 1_100_000_000)
        case ("analyze (process)", 1_000_000): (2, nil)
        case ("lock (process)", 1_000_000): (3, nil)
        case ("verify (process)", 1_000_000): (1, nil)
        default: (nil, nil)
        }
    }

    private func repetitions(for participants: Int) -> Int {
        participants >= 1_000_000 ? largeRepetitions : repetitions
    }

    private func warmups(for participants: Int) -> Int {
        participants >= 1_000_000 ? 1 : 2
    }

    /// Runs every case, printing each line as it is measured.
    /// - Returns: the measurements, in order.
    func run() throws -> [Measurement] {
        var measurements: [Measurement] = []
        func record(_ measurement: Measurement) {
            measurements.append(measurement)
            say(ResultsTable.line(measurement))
        }
        say(ResultsTable.header)
        for participants in sizes {
            let study = try cache.study(participants: participants)
            let rows = StudyCache.rows(in: study)
            for stage in Stage.allCases {
                record(try child(["stage", stage.argument, study.path, "--templates", templates], group: participants,
                                 name: stage.rawValue, rows: rows))
            }
            if let anchors {
                for anchor in ReadingAnchor.allCases {
                    let command = anchor.command(study: study, anchors: anchors, python: python, warmups: warmups(for: participants),
                                                 repetitions: repetitions(for: participants))
                    record(try child(command.arguments, program: command.program, group: participants, name: anchor.name, rows: rows))
                }
            }
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("trialreport-bench-\(getpid())")
            defer { try? FileManager.default.removeItem(at: output) }
            record(try process("whole render (process)", ["render", "--data", study.path, "--out", output.path, "--templates", templates, "--quiet"],
                               participants: participants, rows: rows))
            let results = FileManager.default.temporaryDirectory.appendingPathComponent("trialreport-bench-\(getpid()).json")
            defer { try? FileManager.default.removeItem(at: results) }
            record(try process("analyze (process)", ["analyze", "--data", study.path, "--json", results.path],
                               participants: participants, rows: rows))
            try lockCases(study, participants: participants, rows: rows, output: output).forEach(record)
            if Self.designSizes.contains(participants) { try designCases(participants: participants, output: output).forEach(record) }
        }
        for statistic in StatisticsBenchmark.allCases {
            quiet.wait()
            let load = LoadAverage.current(), start = MachineTime.now()
            let outcome = try runChild(benchmark, ["stats", statistic.rawValue, "--warmups", "2", "--repetitions", "\(repetitions)"])
            let times = try Self.times(outcome)
            record(Measurement(group: "TrialStats", name: statistic.title, seconds: times.wall, cpuSeconds: times.cpu, peakBytes: outcome.peakBytes,
                               rows: statistic.rows, participants: nil, loadAverage: load,
                               otherCores: MachineTime.now().otherCores(since: start, ownCPUSeconds: outcome.cpuSeconds),
                               targetSeconds: statistic.targetSeconds))
        }
        return measurements
    }

    /// A stage timed in a child process (`trialreport-bench stage …`, or an anchor's `program`
    /// whose arguments already say the runs).
    private func child(_ arguments: [String], program: String? = nil, group participants: Int, name: String, rows: Int) throws -> Measurement {
        quiet.wait()
        let load = LoadAverage.current(), start = MachineTime.now()
        let outcome = try program.map { try runChild($0, arguments) }
            ?? runChild(benchmark, arguments + ["--warmups", "\(warmups(for: participants))",
                                                "--repetitions", "\(repetitions(for: participants))"])
        let targets = Self.targets(name, participants: participants)
        let times = try Self.times(outcome)
        return Measurement(group: Format.count(participants), name: name, seconds: times.wall, cpuSeconds: times.cpu, peakBytes: outcome.peakBytes,
                           rows: rows, participants: participants, loadAverage: load,
                           otherCores: MachineTime.now().otherCores(since: start, ownCPUSeconds: outcome.cpuSeconds),
                           targetSeconds: targets.seconds, targetBytes: targets.bytes)
    }

    private func runChild(_ program: String, _ arguments: [String]) throws -> ChildProcess.Outcome {
        let outcome = try ChildProcess.run(program, arguments)
        guard outcome.status == 0 else {
            throw BenchmarkError.failed(([program] + arguments).joined(separator: " "), status: outcome.status)
        }
        return outcome
    }

    /// The wall and CPU seconds a child printed, a pair per line.
    private static func times(_ outcome: ChildProcess.Outcome) throws -> (wall: [Double], cpu: [Double]) {
        let pairs = try outcome.standardOutput.split(separator: "\n").map { line in
            let fields = line.split(separator: " ").compactMap { Double($0) }
            guard fields.count == 2 else { throw BenchmarkError.badOutput(outcome.standardOutput) }
            return (fields[0], fields[1])
        }
        return (pairs.map(\.0), pairs.map(\.1))
    }

    /// The sizes at which the other designs are timed too (an ADaM transport study of 1,000,000
    /// participants holds more than the 2 GiB `trialreport` reads by default).
    static let designSizes = [10_000, 100_000]

    /// The capabilities beyond the seed study's layout: reading and validating the CDISC ADaM
    /// datasets of a study as SAS transport files, and the whole render of a three-arm ADaM study
    /// with doses (tests across the arms, pairwise, trend; ANCOVA and MMRM as its plan asks).
    private func designCases(participants: Int, output: URL) throws -> [Measurement] {
        let transport = try cache.study(participants: participants, design: .adamTransport)
        let threeArms = try cache.study(participants: participants, design: .threeArms)
        return [
            try process("read + validate, ADaM XPT (process)", ["validate", "--data", transport.path],
                        participants: participants, rows: try cache.records(validating: transport)),
            try process("whole render, three arms (process)",
                        ["render", "--data", threeArms.path, "--out", output.path, "--templates", templates, "--quiet"],
                        participants: participants, rows: try cache.records(validating: threeArms)),
        ]
    }

    /// `lock` (again, `--force`), `verify` and `render --locked` of the study, in a copy of the
    /// bundled example (not to lock the repository's) and in place for a simulated study, whose
    /// lock files are removed afterwards.
    private func lockCases(_ study: URL, participants: Int, rows: Int, output: URL) throws -> [Measurement] {
        var folder = study
        if participants == 53 {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("trialreport-bench-example-\(getpid())")
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.copyItem(at: study, to: folder)
        }
        defer {
            if participants == 53 { try? FileManager.default.removeItem(at: folder) }
            for name in ["trial.lock", "trial.lock.rows"] { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        }
        let data = ["--data", folder.path, "--templates", templates]
        return [
            try process("lock (process)", ["lock"] + data + ["--force", "--by", "bench", "--at", "2025-06-30T12:00:00Z"],
                        participants: participants, rows: rows),
            try process("verify (process)", ["verify"] + data, participants: participants, rows: rows),
            try process("render --locked (process)", ["render"] + data + ["--out", output.path, "--locked", "--quiet"],
                        participants: participants, rows: rows),
        ]
    }

    /// `trialreport ARGUMENTS` as a user runs it, each run a process: wall time from spawn to
    /// exit, peak memory the largest `ru_maxrss` of the runs.
    private func process(_ name: String, _ arguments: [String], participants: Int, rows: Int) throws -> Measurement {
        quiet.wait()
        let load = LoadAverage.current(), start = MachineTime.now()
        var seconds: [Double] = [], cpuSeconds: [Double] = []
        var ownCPUSeconds = 0.0
        var peak = 0
        for run in 0..<(warmups(for: participants) + repetitions(for: participants)) {
            let outcome = try ChildProcess.run(trialreport, arguments, captureOutput: false)
            guard outcome.status == 0 else { throw BenchmarkError.failed("trialreport " + arguments[0], status: outcome.status) }
            ownCPUSeconds += outcome.cpuSeconds
            if run >= warmups(for: participants) {
                seconds.append(outcome.seconds)
                cpuSeconds.append(outcome.cpuSeconds)
            }
            peak = max(peak, outcome.peakBytes)
        }
        let targets = Self.targets(name, participants: participants)
        return Measurement(group: Format.count(participants), name: name, seconds: seconds, cpuSeconds: cpuSeconds, peakBytes: peak, rows: rows,
                           participants: participants, loadAverage: load,
                           otherCores: MachineTime.now().otherCores(since: start, ownCPUSeconds: ownCPUSeconds),
                           targetSeconds: targets.seconds, targetBytes: targets.bytes)
    }
}

/// Prints a line of the suite's progress at once, even into a pipe or a file.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
