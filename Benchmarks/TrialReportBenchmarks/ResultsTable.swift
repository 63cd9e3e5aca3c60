import Foundation

/// The results as a Markdown table (printed while measuring, and written to bench/results.md).
enum ResultsTable {
    /// The table's header rows.
    static let header = """
        | study (participants) | stage | median | CPU | runs | peak memory | rows/s | load avg | others | target |
        |---:|---|---:|---:|---:|---:|---:|---:|---:|---|
        """

    /// One row of the table.
    static func line(_ measurement: Measurement) -> String {
        let target = measurement.targetText.isEmpty ? "" : measurement.targetText + ": **" + measurement.verdict + "**"
        return "| \(measurement.group) | \(measurement.name) | \(Format.seconds(measurement.median)) "
            + "| \(Format.seconds(measurement.cpuMedian)) | \(measurement.seconds.count) "
            + "| \(Format.bytes(measurement.peakBytes)) | \(Format.rate(measurement.throughput)) "
            + "| \(String(format: "%.1f", measurement.loadAverage)) | \(String(format: "%.1f", measurement.otherCores)) | \(target) |"
    }

    /// The growth from 100,000 to 1,000,000 participants: per-participant ratio of wall time per
    /// stage (target: within 1.5×), and of CPU time, which other processes on the machine do not
    /// inflate.
    static func growth(_ measurements: [Measurement]) -> String {
        ratios(measurements, from: 100_000, to: 1_000_000, perParticipant: true, limit: 1.5,
               header: "| stage | 100,000 | 1,000,000 | per-participant ratio (wall) | (CPU) | wall within 1.5× |")
    }

    /// The growth from 1,000,000 to 2,000,000 participants, when `--sizes` has both: the ratio of
    /// the times (target: within 2.2×).
    static func doubling(_ measurements: [Measurement]) -> String {
        ratios(measurements, from: 1_000_000, to: 2_000_000, perParticipant: false, limit: 2.2,
               header: "| stage | 1,000,000 | 2,000,000 | ratio (wall) | (CPU) | wall within 2.2× |")
    }

    /// A row for each case measured at both sizes: the ratio of its median wall and CPU times,
    /// per participant or not, and whether the wall time's is within `limit`.
    private static func ratios(_ measurements: [Measurement], from small: Int, to large: Int, perParticipant: Bool,
                               limit: Double, header: String) -> String {
        let sizes = perParticipant ? Double(large) / Double(small) : 1
        let rows = measurements.filter { $0.participants == small }.compactMap { before -> String? in
            guard let after = measurements.first(where: { $0.participants == large && $0.name == before.name }) else { return nil }
            let ratio = after.median / before.median / sizes, cpuRatio = after.cpuMedian / before.cpuMedian / sizes
            return "| \(before.name) | \(Format.seconds(before.median)) | \(Format.seconds(after.median)) | "
                + String(format: "%.2f× | %.2f×", ratio, cpuRatio) + " | " + (ratio <= limit ? "met" : "**NOT met**") + " |"
        }
        guard !rows.isEmpty else { return "" }
        return ([header, "|---|---:|---:|---:|---:|---|"] + rows).joined(separator: "\n")
    }

    /// The whole generated part of results.md.
    static func markdown(_ measurements: [Measurement], machine: String, seconds: Double) -> String {
        var text = "Measured \(ISO8601DateFormatter().string(from: Date())) by `make bench` in "
            + String(format: "%.0f s", seconds) + ".\n\n" + machine + "\n\n" + header + "\n"
            + measurements.map(line).joined(separator: "\n") + "\n"
        let growth = growth(measurements)
        if !growth.isEmpty { text += "\nGrowth from 100,000 to 1,000,000 participants:\n\n" + growth + "\n" }
        let doubling = doubling(measurements)
        if !doubling.isEmpty { text += "\nGrowth from 1,000,000 to 2,000,000 participants:\n\n" + doubling + "\n" }
        let anchors = ReadingAnchor.comparison(measurements)
        if !anchors.isEmpty { text += "\nReading against the anchors (each anchor's median over TrialReport's; above 1: TrialReport is faster):\n\n" + anchors + "\n" }
        return text
    }

    /// Writes `generated` into `file` between the markers, keeping whatever else the file says
    /// (the hand-written profile notes); a new file gets a title and the markers.
    static func write(_ generated: String, into file: URL) throws {
        let begin = "<!-- bench:begin (written by make bench) -->", end = "<!-- bench:end -->"
        var text = (try? String(contentsOf: file, encoding: .utf8)) ?? "# Benchmark results\n\n\(begin)\n\(end)\n"
        if let start = text.range(of: begin), let finish = text.range(of: end, range: start.upperBound..<text.endIndex) {
            text.replaceSubrange(start.upperBound..<finish.lowerBound, with: "\n" + generated)
        } else {
            text += "\n\(begin)\n\(generated)\(end)\n"
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
    }
}

/// The machine the numbers were measured on.
enum MachineDescription {
    /// Cores, CPU model, memory, kernel and Swift version, as a short Markdown list.
    static func current(swift: String) -> String {
        let cpu = (firstValue(of: "model name", in: "/proc/cpuinfo") ?? "unknown CPU")
            + (firstValue(of: "cpu MHz", in: "/proc/cpuinfo").flatMap(Double.init).map { String(format: " at %.0f MHz", $0) } ?? "")
        let memory = firstValue(of: "MemTotal", in: "/proc/meminfo").flatMap { Double($0.split(separator: " ")[0]) }
            .map { String(format: "%.1f GiB", $0 / 1_048_576) } ?? "unknown"
        let kernel = (try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
        return """
            - cores: \(ProcessInfo.processInfo.activeProcessorCount) (`nproc`), \(cpu)
            - memory: \(memory)
            - Linux \(kernel); \(swift)
            """
    }

    private static func firstValue(of key: String, in file: String) -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key) {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
