import Foundation

/// The checks of adlb.csv that need all its rows: one value per USUBJID × PARAMCD × AVISITN,
/// and a baseline value of every remission parameter for every participant.
enum MeasurementChecks {
    /// Every measurement that repeats an earlier one's participant, parameter and visit.
    ///
    /// Rows are taken participant by participant (in file order when each participant's rows
    /// are contiguous, as exports write them; otherwise after a stable counting sort), and
    /// within a participant each parameter × visit key is stamped with the first row that had it.
    /// The rows are cut into parts at participants' first rows, one part per core, checked
    /// at once.
    /// - Returns: pairs of the repeating row and the first row with the same key, in the order found.
    /// - Complexity: O(*n* + *p*) in rows and participants, plus O(*k*) for *k* parameter × visit keys
    ///   per part.
    static func duplicates(in table: MeasurementTable, participantCount: Int) -> [(row: Int, first: Int)] {
        let order = groupedByParticipant(table.participant, participantCount: participantCount)
        let row = { (position: Int) in order.map { Int($0[position]) } ?? position }
        let partCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount, table.count / minimumPartRows))
        var starts = (0...partCount).map { $0 * table.count / partCount }
        for part in 1..<partCount {
            var start = max(starts[part], starts[part - 1])
            while start < table.count, start > 0, table.participant[row(start)] == table.participant[row(start - 1)] { start += 1 }
            starts[part] = start
        }
        let parts = (0..<partCount).map { starts[$0]..<max(starts[$0], starts[$0 + 1]) }
        return ParallelWork.map(parts) { duplicates(in: table, order: order, positions: $0) }.flatMap { $0 }
    }

    /// Rows per part at least, in `duplicates(in:participantCount:)`: smaller files are checked
    /// on one thread.
    static let minimumPartRows = 250_000

    /// The duplicates among the rows at `positions` of `order` (or of the file), whose first
    /// position is a participant's first.
    private static func duplicates(in table: MeasurementTable, order: [Int32]?, positions: Range<Int>) -> [(row: Int, first: Int)] {
        let visitCount = table.visits.count
        let keyCount = table.parameterCodes.count * visitCount
        var duplicates: [(row: Int, first: Int)] = []
        // Dense stamps when the key space is small (always, for real plans); a dictionary otherwise.
        let isDense = keyCount <= max(4 * positions.count, 1 << 16)
        var stampOwner = [Int32](repeating: -1, count: isDense ? keyCount : 0)
        var stampRow = [Int32](repeating: 0, count: isDense ? keyCount : 0)
        var sparse: [Int: Int] = [:]
        var previousParticipant: Int32 = -1
        for position in positions {
            let row = order.map { Int($0[position]) } ?? position
            let participant = table.participant[row]
            let key = Int(table.parameter[row]) * visitCount + Int(table.visit[row])
            if isDense {
                if stampOwner[key] == participant {
                    duplicates.append((row, Int(stampRow[key])))
                } else {
                    stampOwner[key] = participant
                    stampRow[key] = Int32(row)
                }
            } else {
                if participant != previousParticipant { sparse.removeAll(keepingCapacity: true) }
                if let first = sparse[key] { duplicates.append((row, first)) } else { sparse[key] = row }
            }
            previousParticipant = participant
        }
        return duplicates
    }

    /// The rows in an order where each participant's rows are contiguous (keeping file order
    /// within a participant), or `nil` when the file order already is.
    private static func groupedByParticipant(_ participants: [Int32], participantCount: Int) -> [Int32]? {
        var seen = [Bool](repeating: false, count: participantCount)
        var previous: Int32 = -1
        var isGrouped = true
        for participant in participants where participant != previous {
            if seen[Int(participant)] { isGrouped = false; break }
            seen[Int(participant)] = true
            previous = participant
        }
        if isGrouped { return nil }
        var starts = [Int](repeating: 0, count: participantCount + 1)
        for participant in participants { starts[Int(participant) + 1] += 1 }
        for index in 0..<participantCount { starts[index + 1] += starts[index] }
        var order = [Int32](repeating: 0, count: participants.count)
        for (row, participant) in participants.enumerated() {
            order[starts[Int(participant)]] = Int32(row)
            starts[Int(participant)] += 1
        }
        return order
    }

    /// For each participant lacking a baseline value of a remission parameter, the
    /// participant and the parameter's position in `StudyExpectations.remissionParameters`.
    /// - Complexity: O(*p* × *r*) in participants and remission parameters.
    static func missingBaselines(_ baselinesSeen: [UInt64], remissionParameterCount: Int) -> [(participant: Int, parameter: Int)] {
        var missing: [(participant: Int, parameter: Int)] = []
        let all: UInt64 = remissionParameterCount == 64 ? ~0 : (1 << UInt64(remissionParameterCount)) - 1
        for (participant, seen) in baselinesSeen.enumerated() where seen & all != all {
            for parameter in 0..<remissionParameterCount where seen & (1 << UInt64(parameter)) == 0 {
                missing.append((participant, parameter))
            }
        }
        return missing
    }
}
