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
    /// at once; each part also lists the participants of its runs of rows, from which the rows
    /// are found grouped (no participant in two runs) without a pass of their own. A part whose
    /// runs' keys all ascend (as exports write a participant's rows) has no duplicate within its
    /// runs, and is not stamped (`runsOfAscendingKeys`): one pass that compares each key with the
    /// one before; at the first key that does not ascend the part is stamped from its start.
    /// - Returns: pairs of the repeating row and the first row with the same key, in the order found.
    /// - Complexity: O(*n* + *p*) in rows and participants, plus O(*k*) for *k* parameter × visit keys
    ///   per part.
    static func duplicates(in table: MeasurementTable, participantCount: Int) -> [(row: Int, first: Int)] {
        let inFileOrder = ParallelWork.map(parts(of: table, order: nil)) { duplicates(in: table, order: nil, positions: $0) }
        if isGrouped(runs: inFileOrder.map(\.runs), participantCount: participantCount) {
            return inFileOrder.flatMap(\.duplicates)
        }
        let order = groupedByParticipant(table.participant, participantCount: participantCount)
        return ParallelWork.map(parts(of: table, order: order)) { duplicates(in: table, order: order, positions: $0).duplicates }
            .flatMap { $0 }
    }

    /// Rows per part at least, in `duplicates(in:participantCount:)`: smaller files are checked
    /// on one thread.
    static let minimumPartRows = 250_000

    /// The positions of `order` (or of the file) cut into one part per core, each starting at a
    /// participant's first position.
    private static func parts(of table: MeasurementTable, order: [Int32]?) -> [Range<Int>] {
        let row = { (position: Int) in order.map { Int($0[position]) } ?? position }
        let partCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount, table.count / minimumPartRows))
        var starts = (0...partCount).map { $0 * table.count / partCount }
        for part in 1..<partCount {
            var start = max(starts[part], starts[part - 1])
            while start < table.count, start > 0, table.participant[row(start)] == table.participant[row(start - 1)] { start += 1 }
            starts[part] = start
        }
        return (0..<partCount).map { starts[$0]..<max(starts[$0], starts[$0 + 1]) }
    }

    /// Whether no participant has two runs among `runs` (each part's runs, the parts in order;
    /// a part's first run continues the one before when it is the same participant's).
    private static func isGrouped(runs: [[Int32]], participantCount: Int) -> Bool {
        var seen = [Bool](repeating: false, count: participantCount)
        var previous: Int32 = -1
        for participant in runs.joined() where participant != previous {
            if seen[Int(participant)] { return false }
            seen[Int(participant)] = true
            previous = participant
        }
        return true
    }

    /// The duplicates among the rows at `positions` of `order` (or of the file), whose first
    /// position is a participant's first, and the participant of each run of rows there.
    private static func duplicates(in table: MeasurementTable, order: [Int32]?,
                                   positions: Range<Int>) -> (duplicates: [(row: Int, first: Int)], runs: [Int32]) {
        if let runs = runsOfAscendingKeys(in: table, order: order, positions: positions) { return ([], runs) }
        let visitCount = table.visits.count
        let keyCount = table.parameterCodes.count * visitCount
        var duplicates: [(row: Int, first: Int)] = [], runs: [Int32] = []
        // Dense stamps when the key space is small (always, for real plans); a dictionary otherwise.
        let isDense = keyCount <= max(4 * positions.count, 1 << 16)
        var stampOwner = [Int32](repeating: -1, count: isDense ? keyCount : 0)
        var stampRow = [Int32](repeating: 0, count: isDense ? keyCount : 0)
        var sparse: [Int: Int] = [:]
        var previousParticipant: Int32 = -1
        stampOwner.withUnsafeMutableBufferPointer { stampOwner in
            stampRow.withUnsafeMutableBufferPointer { stampRow in
                _ = forEachKey(in: table, order: order, positions: positions) { row, participant, key in
                    if participant != previousParticipant {
                        runs.append(participant)
                        if !isDense { sparse.removeAll(keepingCapacity: true) }
                    }
                    previousParticipant = participant
                    if isDense {
                        if stampOwner[key] == participant {
                            duplicates.append((row, Int(stampRow[key])))
                        } else {
                            stampOwner[key] = participant
                            stampRow[key] = Int32(row)
                        }
                    } else if let first = sparse[key] {
                        duplicates.append((row, first))
                    } else {
                        sparse[key] = row
                    }
                    return true
                }
            }
        }
        return (duplicates, runs)
    }

    /// The participant of each run of rows at `positions` of `order` (or of the file) when within
    /// every run each row's parameter × visit key is greater than the row's before — as exports
    /// write a participant's rows, parameter by parameter, visit by visit — so that no key repeats
    /// in a run; `nil` at the first row whose key is not (the rows are then stamped).
    private static func runsOfAscendingKeys(in table: MeasurementTable, order: [Int32]?, positions: Range<Int>) -> [Int32]? {
        var runs: [Int32] = []
        var previousParticipant: Int32 = -1, previousKey = -1
        let ascends = forEachKey(in: table, order: order, positions: positions) { _, participant, key in
            if participant != previousParticipant {
                runs.append(participant)
                previousParticipant = participant
            } else if key <= previousKey {
                return false
            }
            previousKey = key
            return true
        }
        return ascends ? runs : nil
    }

    /// Calls `body` with each row at `positions` of `order` (or of the file), its participant and
    /// its parameter × visit key, until `body` returns `false`.
    /// - Returns: whether `body` was called for every row.
    @inline(__always)
    private static func forEachKey(in table: MeasurementTable, order: [Int32]?, positions: Range<Int>,
                                   _ body: (_ row: Int, _ participant: Int32, _ key: Int) -> Bool) -> Bool {
        let visitCount = table.visits.count
        return table.participant.withUnsafeBufferPointer { participants in
            table.parameter.withUnsafeBufferPointer { parameters in
                table.visit.withUnsafeBufferPointer { visits in
                    for position in positions {
                        let row = order.map { Int($0[position]) } ?? position
                        guard body(row, participants[row], Int(parameters[row]) * visitCount + Int(visits[row])) else { return false }
                    }
                    return true
                }
            }
        }
    }

    /// The rows in an order where each participant's rows are contiguous (keeping file order
    /// within a participant): a stable counting sort.
    private static func groupedByParticipant(_ participants: [Int32], participantCount: Int) -> [Int32] {
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
