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
        /// A random study of `participants` participants (≥ 1) drawn from `seed`, in `arms`.
        case random(participants: Int, seed: UInt64, arms: SimulatedArms = .seedStudy)
    }

    /// The files a study is written as.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// The seed study's four CSV files (SPEC.md §1).
        case csv
        /// CDISC ADaM datasets (ADSL, ADLB, ADAE) as SAS transport files, with an ADaM plan.
        case xpt
    }

    public var design: Design
    /// The files written; the example study is written as CSV only.
    public var format: Format

    public init(_ design: Design, format: Format = .csv) {
        self.design = design
        self.format = design == .example ? .csv : format
    }

    /// The files written: the four CSV files, and study.yaml for the example and for a random
    /// study in other arms than the seed study's; or the three transport files and study.yaml.
    public var fileNames: [String] {
        guard format == .csv else { return AdamTransportTables.members.map(\.file) + ["study.yaml"] }
        let tables = ["adsl.csv", "adlb.csv", "adae.csv", "adii.csv"]
        return planText == nil ? tables : tables + ["study.yaml"]
    }

    /// Every file simulate may write, in either format.
    public static let allFileNames = ["adsl.csv", "adlb.csv", "adae.csv", "adii.csv", "study.yaml"]
        + AdamTransportTables.members.map(\.file)

    /// The study.yaml written, or `nil` when none is (the built-in plan fits the study).
    private var planText: String? {
        switch design {
        case .example: StudyPlanTemplate.text
        case let .random(_, _, arms):
            format == .xpt ? StudyPlanTemplate.adamText(arms: arms)
                : arms == .seedStudy ? nil : StudyPlanTemplate.text(arms: arms)
        }
    }

    /// Writes the study into `directory` (created if needed; other files in it are left alone).
    /// Every file is written to a temporary file first and moved into place at the end.
    ///
    /// - Returns: how many rows each file has (headers excluded).
    /// - Throws: `TrialReportError` `.cannotWrite` when the folder or a file cannot be written.
    /// - Complexity: O(participants), in parallel over blocks of participants; about 20 adlb
    ///   rows (≈ 650 bytes of CSV) per participant.
    public func write(to directory: URL) throws(TrialReportError) -> SimulationSummary {
        if format == .xpt, case let .random(participantCount, seed, arms) = design {
            return try writeTransport(RandomStudy(participantCount: participantCount, seed: seed, arms: arms), to: directory)
        }
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
            summary = tables.summary
        case let .random(participantCount, seed, arms):
            precondition(participantCount >= 1, "a study has at least one participant")
            let study = RandomStudy(participantCount: participantCount, seed: seed, arms: arms)
            let width = StudyTables.identifierWidth(participantCount: participantCount)
            for batch in ParticipantBlocks(participantCount: participantCount).batches {
                for tables in study.tables(of: batch, empty: { StudyTables(identifierWidth: width, expectedParticipants: $0.count) },
                                           add: { $0.append($1) }) {
                    try write(tables, to: files)
                    summary += tables.summary
                }
            }
        }
        if let planText { try files.write(Array(planText.utf8), toFileAt: 4) }
        try files.commit()
        return summary
    }

    /// Writes `study` as ADaM transport files and its plan: each file's header, the blocks'
    /// observations in participant order, the blanks that end its last record.
    private func writeTransport(_ study: RandomStudy, to directory: URL) throws(TrialReportError) -> SimulationSummary {
        let files = try StudyFolderFiles(directory: directory, names: fileNames)
        let width = StudyTables.identifierWidth(participantCount: study.participantCount)
        let variables = AdamTransportTables.variables(arms: study.arms, identifierWidth: width)
        for (index, member) in AdamTransportTables.members.enumerated() {
            try files.write(TransportWriter.header(member: member.name, label: member.label, variables: variables[index]), toFileAt: index)
        }
        var summary = SimulationSummary()
        var written = [0, 0, 0]
        for batch in ParticipantBlocks(participantCount: study.participantCount).batches {
            for tables in study.tables(of: batch, empty: { _ in AdamTransportTables(arms: study.arms, identifierWidth: width) },
                                       add: { $0.append($1) }) {
                for (index, observations) in tables.files.enumerated() {
                    try files.write(observations.bytes, toFileAt: index)
                    written[index] += observations.bytes.count
                }
                summary += tables.summary
            }
        }
        for index in written.indices { try files.write(TransportWriter.padding(after: written[index]), toFileAt: index) }
        try files.write(Array((planText ?? "").utf8), toFileAt: AdamTransportTables.members.count)
        try files.commit()
        return summary
    }

    private func write(_ tables: StudyTables, to files: StudyFolderFiles) throws(TrialReportError) {
        try files.write(tables.adsl.bytes, toFileAt: 0)
        try files.write(tables.adlb.bytes, toFileAt: 1)
        try files.write(tables.adae.bytes, toFileAt: 2)
        try files.write(tables.adii.bytes, toFileAt: 3)
    }
}
