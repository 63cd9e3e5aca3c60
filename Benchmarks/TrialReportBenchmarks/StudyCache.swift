import Foundation

/// The studies benchmarked: the bundled example, and simulated studies made once by
/// `trialreport simulate` with a fixed seed and kept in the cache folder between runs.
struct StudyCache {
    /// The cache folder (bench/cache, ignored by git).
    var folder: URL
    /// The bundled example study (53 participants).
    var example: URL
    /// The `trialreport` executable that simulates.
    var trialreport: String

    /// The seed of every simulated study, so the cache is the same on every machine.
    static let seed = 20_250_601

    /// The kinds of simulated study benchmarked.
    enum Design: CaseIterable {
        /// The seed study's layout: two arms, adsl.csv, adlb.csv, adae.csv, adii.csv.
        case seed
        /// CDISC ADaM datasets as SAS transport files (`simulate --format xpt`).
        case adamTransport
        /// Three arms with doses, as ADaM transport files (`simulate --arms … --format xpt`: the seed
        /// study's layout analyses two arms).
        case threeArms

        /// The folder name's suffix and the options of `trialreport simulate`.
        var variant: (suffix: String, options: [String]) {
            switch self {
            case .seed: ("", [])
            case .adamTransport: ("-adam-xpt", ["--format", "xpt"])
            case .threeArms: ("-three-arms-xpt", ["--arms", "Placebo:0,Low:54,High:81", "--format", "xpt"])
            }
        }
    }

    /// The study folder of `participants` (the example for 53 in the seed design), simulated when
    /// not cached yet.
    /// - Throws: `BenchmarkError` when simulation fails.
    func study(participants: Int, design: Design = .seed) throws -> URL {
        if participants == 53, design == .seed { return example }
        let study = folder.appendingPathComponent("participants-\(participants)-seed-\(Self.seed)\(design.variant.suffix)")
        let complete = study.appendingPathComponent(".complete")
        if FileManager.default.fileExists(atPath: complete.path) { return study }
        try? FileManager.default.removeItem(at: study)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        say("simulating \(Format.count(participants)) participants into \(study.path) …")
        let outcome = try ChildProcess.run(trialreport, ["simulate", "--participants", "\(participants)", "--seed", "\(Self.seed)",
                                                         "--out", study.path] + design.variant.options, captureOutput: false)
        guard outcome.status == 0 else { throw BenchmarkError.failed("trialreport simulate", status: outcome.status) }
        _ = FileManager.default.createFile(atPath: complete.path, contents: Data())
        return study
    }

    /// The records `trialreport validate` reads in a study folder of any format: the numbers it
    /// reports ("ok: 100000 participants, 1934012 measurements, …") added up.
    /// - Throws: `BenchmarkError` when validation fails.
    func records(validating study: URL) throws -> Int {
        let outcome = try ChildProcess.run(trialreport, ["validate", "--data", study.path])
        guard outcome.status == 0 else { throw BenchmarkError.failed("trialreport validate", status: outcome.status) }
        return outcome.standardOutput.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.reduce(0, +)
    }

    /// The data rows of a study folder: the lines of its CSV files, less their headers.
    /// - Complexity: one pass over the files' bytes.
    static func rows(in study: URL) -> Int {
        ["adsl.csv", "adlb.csv", "adae.csv", "adii.csv"].reduce(0) { total, name in
            guard let handle = FileHandle(forReadingAtPath: study.appendingPathComponent(name).path) else { return total }
            defer { try? handle.close() }
            var lines = 0
            while let chunk = try? handle.read(upToCount: 1 << 22), !chunk.isEmpty {
                lines += chunk.withUnsafeBytes { $0.count { $0 == 0x0A } }
            }
            return total + max(lines - 1, 0)
        }
    }
}
