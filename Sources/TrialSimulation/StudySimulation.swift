import Dispatch
import Foundation
import TrialData

/// Writes simulated study folders in the format of SPEC.md §1: the bundled example study, or a
/// random study of any size. The same design always gives the same bytes, on any machine: all
/// randomness comes from this module's own generator (xoshiro256** seeded by SplitMix64) and
/// samplers, and numbers are formatted with fixed decimals by integer arithmetic.
public struct StudySimulation: Sendable {
    /// Which study to simulate.
    public enum Design: Sendable, Hashable {
        /// The bundled example study (examples/uc-msc-t1d): 53 participants calibrated to the
        /// published summary of the seed study, with a commented study.yaml.
        case example
        /// A random study of `participants` participants (≥ 1) drawn from `seed`.
        case random(participants: Int, seed: UInt64)
    }

    public var design: Design

    public init(_ design: Design) {
        self.design = design
    }

    /// The files written: the four CSV files, and study.yaml for the example.
    public var fileNames: [String] {
        let tables = ["adsl.csv", "adlb.csv", "adae.csv", "adii.csv"]
        return design == .example ? tables + ["study.yaml"] : tables
    }

    /// Writes the study into `directory` (created if needed; other files in it are left alone).
    /// Every file is written to a temporary file first and moved into place at the end.
    ///
    /// - Returns: how many rows each file has (headers excluded).
    /// - Throws: `TrialReportError` `.cannotWrite` when the folder or a file cannot be written.
    /// - Complexity: O(participants), in parallel over blocks of participants; about 20 adlb
    ///   rows (≈ 650 bytes of CSV) per participant.
    public func write(to directory: URL) throws(TrialReportError) -> SimulationSummary {
        let files = try StudyFolderFiles(directory: directory, names: fileNames)
        let headers = [StudyTables.adslHeader, StudyTables.adlbHeader, StudyTables.adaeHeader, StudyTables.adiiHeader]
        for (index, header) in headers.enumerated() {
            try files.write(Array((header + "\n").utf8), toFileAt: index)
        }
        var summary = SimulationSummary()
        switch design {
        case .example:
            let participants = ExampleStudy().participants()
            var tables = StudyTables(identifierWidth: StudyTables.identifierWidth(participantCount: participants.count),
                                     expectedParticipants: participants.count)
            for participant in participants { tables.append(participant) }
            try write(tables, to: files)
            try files.write(Array(StudyPlanTemplate.text.utf8), toFileAt: 4)
            summary = tables.summary
        case let .random(participantCount, seed):
            precondition(participantCount >= 1, "a study has at least one participant")
            let study = RandomStudy(participantCount: participantCount, seed: seed)
            for batch in ParticipantBlocks(participantCount: participantCount).batches {
                for tables in Self.generate(batch, of: study) {
                    try write(tables, to: files)
                    summary += tables.summary
                }
            }
        }
        try files.commit()
        return summary
    }

    private func write(_ tables: StudyTables, to files: StudyFolderFiles) throws(TrialReportError) {
        try files.write(tables.adsl.bytes, toFileAt: 0)
        try files.write(tables.adlb.bytes, toFileAt: 1)
        try files.write(tables.adae.bytes, toFileAt: 2)
        try files.write(tables.adii.bytes, toFileAt: 3)
    }

    /// The tables of each block of `batch`, made in parallel and returned in block order.
    private static func generate(_ batch: [Range<Int>], of study: RandomStudy) -> [StudyTables] {
        let results = BlockResults(count: batch.count)
        let width = StudyTables.identifierWidth(participantCount: study.participantCount)
        DispatchQueue.concurrentPerform(iterations: batch.count) { blockIndex in
            var tables = StudyTables(identifierWidth: width, expectedParticipants: batch[blockIndex].count)
            for number in batch[blockIndex] {
                tables.append(study.participant(number))
            }
            results.store(tables, at: blockIndex)
        }
        return results.all
    }
}

/// How many rows were written to each file (headers excluded).
public struct SimulationSummary: Sendable, Hashable {
    /// Rows of adsl.csv.
    public var participants = 0
    /// Rows of adlb.csv.
    public var measurements = 0
    /// Rows of adae.csv.
    public var adverseEvents = 0
    /// Rows of adii.csv.
    public var insulinFreeEpisodes = 0

    public init() {}

    static func += (total: inout Self, part: Self) {
        total.participants += part.participants
        total.measurements += part.measurements
        total.adverseEvents += part.adverseEvents
        total.insulinFreeEpisodes += part.insulinFreeEpisodes
    }
}

/// Participant numbers 1…N cut into blocks (made in parallel) and batches of blocks (written
/// before the next batch is made, to bound memory).
struct ParticipantBlocks {
    static let participantsPerBlock = 8192
    static let blocksPerBatch = 16

    var participantCount: Int

    /// Consecutive batches of consecutive blocks, covering 1…`participantCount`.
    var batches: [[Range<Int>]] {
        let blocks = stride(from: 1, through: participantCount, by: Self.participantsPerBlock).map {
            $0..<min($0 + Self.participantsPerBlock, participantCount + 1)
        }
        return stride(from: 0, to: blocks.count, by: Self.blocksPerBatch).map {
            Array(blocks[$0..<min($0 + Self.blocksPerBatch, blocks.count)])
        }
    }
}

/// One slot per block, filled from parallel workers.
private final class BlockResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [StudyTables?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ tables: StudyTables, at index: Int) {
        lock.withLock { slots[index] = tables }
    }

    /// Every slot's tables; call after all workers have finished.
    var all: [StudyTables] {
        lock.withLock { slots.map { $0! } }
    }
}
