import Foundation

/// The best CSV readers users know, timed on the same study folders as the "read + validate"
/// stage, so that `make bench` measures how far ahead (or behind) TrialReport's reader is.
///
/// Each anchor is a script in the anchors folder (bench/anchors/) that reads every CSV file of a
/// study into memory, warm-up runs first, and prints each timed run's wall and CPU seconds, as a
/// stage child does. The anchors do less than the stage: they type the columns but check nothing.
enum ReadingAnchor: CaseIterable {
    /// R's data.table `fread`, on two threads.
    case fread
    /// Apache Arrow's `pyarrow.csv.read_csv`, on every core.
    case pyarrow

    /// The name in the results table.
    var name: String {
        switch self {
        case .fread: "anchor: R data.table fread (2 threads)"
        case .pyarrow: "anchor: Python pyarrow.csv (all cores)"
        }
    }

    /// The column of the comparison table.
    var shortName: String {
        switch self {
        case .fread: "fread"
        case .pyarrow: "pyarrow"
        }
    }

    /// The program and its arguments that time reading `study`.
    func command(study: URL, anchors: URL, python: String, warmups: Int, repetitions: Int) -> (program: String, arguments: [String]) {
        let runs = ["\(warmups)", "\(repetitions)"]
        switch self {
        case .fread: return ("/usr/bin/Rscript", [anchors.appendingPathComponent("fread.R").path, study.path] + runs)
        case .pyarrow: return (python, [anchors.appendingPathComponent("pyarrow_read.py").path, study.path] + runs)
        }
    }

    /// The comparison of the "read + validate" stage with the anchors at each study size: the
    /// anchor's median over TrialReport's (above 1: TrialReport is faster).
    static func comparison(_ measurements: [Measurement]) -> String {
        let stages = measurements.filter { $0.name == Stage.read.rawValue && $0.participants != nil }
        let rows = stages.compactMap { stage -> String? in
            let anchors = allCases.map { anchor in measurements.first { $0.name == anchor.name && $0.participants == stage.participants } }
            guard anchors.contains(where: { $0 != nil }) else { return nil }
            let cells = anchors.map { anchor in
                anchor.map { Format.seconds($0.median) + " | " + String(format: "%.2f×", $0.median / stage.median) } ?? "– | –"
            }
            return "| \(stage.group) | \(Format.seconds(stage.median)) | " + cells.joined(separator: " | ") + " |"
        }
        guard !rows.isEmpty else { return "" }
        let header = allCases.map { "\($0.shortName) | \($0.shortName) ÷ TrialReport" }.joined(separator: " | ")
        return (["| study (participants) | TrialReport read + validate | \(header) |",
                 "|---:|---:|" + String(repeating: "---:|---:|", count: allCases.count)] + rows)
            .joined(separator: "\n")
    }
}
