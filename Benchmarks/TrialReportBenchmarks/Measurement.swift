import Foundation

/// One line of the results table: a case timed N times after warm-up.
struct Measurement {
    /// The study size or micro-benchmark group, e.g. "1,000,000" or "TrialStats".
    var group: String
    /// What was timed, e.g. "read + validate".
    var name: String
    /// Wall times of the timed repetitions, in seconds.
    var seconds: [Double]
    /// CPU times (user + system, all threads) of the same repetitions, in seconds.
    var cpuSeconds: [Double]
    /// Peak resident memory of the process that ran it, in bytes.
    var peakBytes: Int
    /// Rows (participants + measurements + events + episodes, or data values) per run, for throughput.
    var rows: Int
    /// Participants of the study (nil for micro-benchmarks), for the growth check.
    var participants: Int?
    /// The 1-minute load average when the measurement started.
    var loadAverage: Double
    /// The cores other processes kept busy, on average, while the case ran (0 on a quiet
    /// machine; up to the number of cores).
    var otherCores: Double
    /// The target wall time in seconds, if the issues set one.
    var targetSeconds: Double?
    /// The target peak memory in bytes, if the issues set one.
    var targetBytes: Int?

    /// The median wall time.
    var median: Double { Self.median(seconds) }

    /// The median CPU time: close to the wall time when the work ran on one core, up to twice it
    /// on two; a wall time well above it on a loaded machine means the case waited for a core.
    var cpuMedian: Double { Self.median(cpuSeconds) }

    /// The median of `values` (mean of the middle two for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Rows per second at the median time.
    var throughput: Double { Double(rows) / median }

    /// "met", "NOT met" or "" against the targets.
    var verdict: String {
        guard targetSeconds != nil || targetBytes != nil else { return "" }
        let timeMet = targetSeconds.map { median < $0 } ?? true
        let memoryMet = targetBytes.map { peakBytes < $0 } ?? true
        return timeMet && memoryMet ? "met" : "NOT met"
    }

    /// The targets as text, e.g. "< 2.5 s, < 1.1 GB".
    var targetText: String {
        var parts: [String] = []
        if let targetSeconds { parts.append("< " + Format.seconds(targetSeconds)) }
        if let targetBytes { parts.append(String(format: "< %.1f GB", Double(targetBytes) / 1e9)) }
        return parts.joined(separator: ", ")
    }
}

/// The CPU time every process of the machine has used (/proc/stat), to tell how much of the
/// machine other processes took while a case ran.
struct MachineTime {
    /// Busy CPU seconds since boot, all cores, all processes.
    var busySeconds: Double
    /// When it was read.
    var instant: ContinuousClock.Instant

    static func now() -> MachineTime {
        var busy = 0.0
        if let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) {
            // user nice system idle iowait irq softirq steal …: busy is all but idle and iowait.
            let ticks = line.split(separator: " ").dropFirst().compactMap { Double($0) }
            busy = ticks.enumerated().filter { $0.offset != 3 && $0.offset != 4 && $0.offset < 8 }.map(\.element).reduce(0, +)
                / Double(sysconf(Int32(_SC_CLK_TCK)))
        }
        return MachineTime(busySeconds: busy, instant: .now)
    }

    /// The cores other processes used on average since `start`, given the CPU seconds our own
    /// children used meanwhile.
    func otherCores(since start: MachineTime, ownCPUSeconds: Double) -> Double {
        let elapsed = start.instant.duration(to: instant)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return max(0, (busySeconds - start.busySeconds - ownCPUSeconds) / max(seconds, 1e-3))
    }
}

/// Waits, before a case, for other processes to leave the machine, within a budget of waiting
/// for the whole suite: on a shared machine a case measured beside a build or a fuzzer shows the
/// other work, not ours.
final class QuietWait {
    /// Seconds of waiting left for the rest of the suite.
    private(set) var budget: Double
    /// Below this many busy cores (other processes) the machine counts as quiet.
    let threshold = 0.3

    init(budget: Double) { self.budget = budget }

    /// Returns once other processes used less than `threshold` cores over a second, or when the
    /// budget is spent.
    func wait() {
        while budget > 0 {
            let start = MachineTime.now()
            sleep(1)
            budget -= 1
            if MachineTime.now().otherCores(since: start, ownCPUSeconds: 0) < threshold { return }
        }
    }
}

/// The load on the machine, which a shared 2-core machine needs written beside every figure.
enum LoadAverage {
    /// The 1-minute load average (/proc/loadavg), 0 when unreadable.
    static func current() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8),
              let first = text.split(separator: " ").first else { return 0 }
        return Double(first) ?? 0
    }
}

/// Numbers as the results table shows them.
enum Format {
    /// "0.284 s", "12.3 ms", "41 µs".
    static func seconds(_ value: Double) -> String {
        if value >= 1 { return String(format: "%.2f s", value) }
        if value >= 0.1 { return String(format: "%.3f s", value) }
        if value >= 1e-3 { return String(format: "%.1f ms", value * 1e3) }
        return String(format: "%.0f µs", value * 1e6)
    }

    /// "1.72 GiB", "48 MiB".
    static func bytes(_ value: Int) -> String {
        let mebibytes = Double(value) / 1_048_576
        return mebibytes >= 1024 ? String(format: "%.2f GiB", mebibytes / 1024) : String(format: "%.0f MiB", mebibytes)
    }

    /// "5.9 M", "412 k", "980".
    static func rate(_ value: Double) -> String {
        if value >= 1e6 { return String(format: "%.1f M", value / 1e6) }
        if value >= 1e3 { return String(format: "%.0f k", value / 1e3) }
        return String(format: "%.0f", value)
    }

    /// "1,000,000".
    static func count(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}

/// Runs `work` `warmups` times untimed, then `repetitions` times, printing each run's wall and
/// CPU time (this process, all threads) in seconds on a line of its own: what a benchmark child
/// reports to the suite.
func printTimes(of work: () throws -> Void, warmups: Int, repetitions: Int) throws {
    for _ in 0..<warmups { try work() }
    let clock = ContinuousClock()
    for _ in 0..<repetitions {
        let cpuBefore = processorSeconds()
        let elapsed = try clock.measure(work)
        print(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, processorSeconds() - cpuBefore)
    }
}

/// The CPU time this process has used so far, all threads, in seconds.
private func processorSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
