import Testing
@testable import TrialData

/// The duplicates by definition: rows taken participant by participant (stably), each
/// participant × parameter × visit remembered with the first row that had it.
private func duplicatesByDefinition(_ table: MeasurementTable) -> [(row: Int, first: Int)] {
    let order = table.participant.indices.sorted { (table.participant[$0], $0) < (table.participant[$1], $1) }
    var first: [[Int]: Int] = [:], found: [(row: Int, first: Int)] = []
    for row in order {
        let key = [Int(table.participant[row]), Int(table.parameter[row]), Int(table.visit[row])]
        if let earlier = first[key] { found.append((row, earlier)) } else { first[key] = row }
    }
    return found
}

/// A table of `participants` × 3 parameters × 4 visits, a participant's rows together, with a
/// repeated measurement every `duplicateEvery` rows, and around the middle (where the check cuts
/// the rows into parts) a participant's first measurement repeated after its last.
private func table(participants: Int, duplicateEvery: Int) -> MeasurementTable {
    var participant: [Int32] = [], parameter: [UInt16] = [], visit: [UInt16] = []
    for person in 0..<participants {
        for key in 0..<12 {
            participant.append(Int32(person))
            parameter.append(UInt16(key / 4))
            visit.append(UInt16(key % 4))
            if participant.count % duplicateEvery == 0 {
                participant.append(Int32(person))
                parameter.append(UInt16(key / 4))
                visit.append(UInt16(key % 4))
            }
        }
        // Around the middle, each participant's first measurement again after the last.
        if abs(person - participants / 2) < 20 {
            participant.append(Int32(person))
            parameter.append(0)
            visit.append(0)
        }
    }
    return MeasurementTable(participant: participant, parameter: parameter, visit: visit,
                            value: Array(repeating: 1, count: participant.count),
                            parameterCodes: StringTable(["A", "B", "C"]), plannedParameterCount: 3, visits: [0, 3, 6, 12])
}

@Test func duplicatesCheckedInPartsAreTheDuplicatesOfTheWholeFileInFileOrder() {
    // More rows than two parts need: the check cuts them at a participant's first row.
    let measurements = table(participants: 50_000, duplicateEvery: 983)
    #expect(measurements.count > 2 * MeasurementChecks.minimumPartRows)
    // The middle row is not a participant's first: cut there, the parts would split one.
    #expect(measurements.participant[measurements.count / 2 - 1] == measurements.participant[measurements.count / 2])
    let found = MeasurementChecks.duplicates(in: measurements, participantCount: 50_000)
    let expected = duplicatesByDefinition(measurements)
    #expect(found.count == expected.count && found.count > 600)
    #expect(found.map(\.row) == expected.map(\.row) && found.map(\.first) == expected.map(\.first))
}

@Test func duplicatesOfParticipantsWhoseRowsAreApartAreFoundInParts() {
    // The file sorted by visit, not by participant: each participant's rows far apart.
    let grouped = table(participants: 50_001, duplicateEvery: 997)
    #expect(grouped.participant[grouped.count / 2 - 1] == grouped.participant[grouped.count / 2])
    let order = grouped.participant.indices.sorted { (grouped.visit[$0], $0) < (grouped.visit[$1], $1) }
    let measurements = MeasurementTable(participant: order.map { grouped.participant[$0] }, parameter: order.map { grouped.parameter[$0] },
                                        visit: order.map { grouped.visit[$0] }, value: order.map { grouped.value[$0] },
                                        parameterCodes: grouped.parameterCodes, plannedParameterCount: 3, visits: grouped.visits)
    let found = MeasurementChecks.duplicates(in: measurements, participantCount: 50_001)
    let expected = duplicatesByDefinition(measurements)
    #expect(found.count == expected.count && found.count > 500)
    #expect(found.map(\.row) == expected.map(\.row) && found.map(\.first) == expected.map(\.first))
}

@Test func aParticipantWhoseRowsAreSplitAcrossThePartsIsCheckedAsOne() {
    // Grouped but for one participant of the first part whose first row comes again at the end
    // of the second: each part alone looks grouped; together they are not, and the row repeated is
    // a duplicate only the participant's rows taken together show.
    let grouped = table(participants: 50_000, duplicateEvery: 991)
    var order = Array(grouped.participant.indices)
    order.append(try! #require(order.first { grouped.participant[$0] == 7 }))
    let measurements = MeasurementTable(participant: order.map { grouped.participant[$0] }, parameter: order.map { grouped.parameter[$0] },
                                        visit: order.map { grouped.visit[$0] }, value: order.map { grouped.value[$0] },
                                        parameterCodes: grouped.parameterCodes, plannedParameterCount: 3, visits: grouped.visits)
    let found = MeasurementChecks.duplicates(in: measurements, participantCount: 50_000)
    let expected = duplicatesByDefinition(measurements)
    #expect(found.count == expected.count && expected.contains { measurements.participant[$0.row] == 7 })
    #expect(found.map(\.row) == expected.map(\.row) && found.map(\.first) == expected.map(\.first))
}

/// `participants` × 3 parameters × 4 visits in the order exports write them (participant by
/// participant, parameter by parameter, visit by visit: every run's keys ascending), then again
/// the rows at the positions `extra` among those.
private func ascendingTable(participants: Int, then extra: [Int] = []) -> MeasurementTable {
    let count = participants * 12
    let rows = Array(0..<count) + extra
    return MeasurementTable(participant: rows.map { Int32($0 / 12) }, parameter: rows.map { UInt16($0 % 12 / 4) },
                            visit: rows.map { UInt16($0 % 4) }, value: Array(repeating: 1, count: rows.count),
                            parameterCodes: StringTable(["A", "B", "C"]), plannedParameterCount: 3, visits: [0, 3, 6, 12])
}

/// Rows whose keys ascend within every participant's run are told free of duplicates without
/// stamping them — unless a participant's rows are in two runs, or a key does not ascend: a row
/// that repeats the one before it, or an earlier one of its run.
@Test func ascendingKeysAreDuplicateFreeOnlyWithinOneRunPerParticipant() {
    let participants = 50_000
    #expect(MeasurementChecks.duplicates(in: ascendingTable(participants: participants), participantCount: participants).isEmpty)
    for extra in [[7 * 12], [participants * 12 - 1], [3 * 12 + 5, 3 * 12 + 6]] {
        // Rows of participants 7, the last and 3 again after every other row: each a run of its own.
        let measurements = ascendingTable(participants: participants, then: extra)
        let found = MeasurementChecks.duplicates(in: measurements, participantCount: participants)
        let expected = duplicatesByDefinition(measurements)
        #expect(found.count == extra.count && expected.count == extra.count, "\(extra)")
        #expect(found.map(\.row) == expected.map(\.row) && found.map(\.first) == expected.map(\.first), "\(extra)")
    }
    // Within a run: the same key twice in a row, and an earlier key again.
    let ascending = ascendingTable(participants: participants)
    var (participant, parameter, visit) = (ascending.participant, ascending.parameter, ascending.visit)
    for (at, copied) in [(300_001, 300_000), (12 * 9 + 11, 12 * 9 + 2)] {
        participant.insert(participant[copied], at: at)
        parameter.insert(parameter[copied], at: at)
        visit.insert(visit[copied], at: at)
    }
    let measurements = MeasurementTable(participant: participant, parameter: parameter, visit: visit,
                                        value: Array(repeating: 1, count: participant.count),
                                        parameterCodes: StringTable(["A", "B", "C"]), plannedParameterCount: 3, visits: [0, 3, 6, 12])
    let found = MeasurementChecks.duplicates(in: measurements, participantCount: participants)
    let expected = duplicatesByDefinition(measurements)
    #expect(found.count == 2 && expected.count == 2)
    #expect(found.map(\.row) == expected.map(\.row) && found.map(\.first) == expected.map(\.first))
}
