import TrialData

/// Treatment-emergent adverse events counted per group (term, class, severity…) and arm.
///
/// An event is treatment-emergent unless its study day `AESTDY` is negative (before the first
/// infusion, CDISC day −1 being the day before); events without a study day count as emergent.
/// Only the events of participants with an arm (`arm` ≥ 0) are counted.
struct AdverseEventCounts {
    /// The treatment-emergent events (rows of the table) of participants with an arm.
    let events: [Int]
    /// Events of participants with an arm left out as pre-treatment.
    let preTreatment: Int
    let table: AdverseEventTable
    private let arm: [Int32]
    private let armCount: Int

    /// Counts of `table` for participants in arms `0..<armCount` (`arm[participant]`; `-1`: in none).
    init(_ table: AdverseEventTable, arm: [Int32], armCount: Int = 2) {
        self.table = table
        self.arm = arm
        self.armCount = armCount
        let counted = (0..<table.count).filter { arm[Int(table.participant[$0])] >= 0 }
        events = counted.filter { !(table.studyDay[$0] < 0) }
        preTreatment = counted.count - events.count
    }

    /// Per group (0..<groupCount) and arm: participants with at least one event of the group, and
    /// events. `group` gives an event's group, or `nil` to leave it out.
    ///
    /// The events are placed group by group (a counting sort), then each group's participants
    /// are counted once by marking them with the group.
    /// - Complexity: O(*e* + *g* + *n*) for *e* events, *g* groups, *n* participants.
    func count(groups groupCount: Int, _ group: (Int) -> Int?) -> [[(subjects: Int, events: Int)]] {
        var counts = [[(subjects: Int, events: Int)]](repeating: Array(repeating: (0, 0), count: armCount), count: groupCount)
        var groupOfEvent = [Int32](repeating: -1, count: events.count)
        var groupStarts = [Int](repeating: 0, count: groupCount + 1)
        for (position, event) in events.enumerated() {
            guard let index = group(event) else { continue }
            groupOfEvent[position] = Int32(index)
            groupStarts[index + 1] += 1
        }
        for index in 0..<groupCount { groupStarts[index + 1] += groupStarts[index] }
        var next = groupStarts
        var participants = [Int32](repeating: 0, count: groupStarts[groupCount])
        for (position, event) in events.enumerated() where groupOfEvent[position] >= 0 {
            let index = Int(groupOfEvent[position])
            participants[next[index]] = table.participant[event]
            next[index] += 1
        }
        var markedBy = [Int32](repeating: -1, count: arm.count)
        for index in 0..<groupCount {
            // The group's counts in a buffer of their own: no check of the nested arrays per event.
            counts[index].withUnsafeMutableBufferPointer { groupCounts in
                for participant in participants[groupStarts[index]..<groupStarts[index + 1]].lazy.map(Int.init) {
                    let armIndex = Int(arm[participant])
                    groupCounts[armIndex].events += 1
                    if markedBy[participant] != Int32(index) {
                        markedBy[participant] = Int32(index)
                        groupCounts[armIndex].subjects += 1
                    }
                }
            }
        }
        return counts
    }

    /// Per participant, the most severe grade of their treatment-emergent events (`nil`: none).
    func worstSeverity(participantCount: Int) -> [TrialData.AdverseEventSeverity?] {
        var worst = [TrialData.AdverseEventSeverity?](repeating: nil, count: participantCount)
        for event in events {
            let participant = Int(table.participant[event]), severity = table.severity[event]
            if worst[participant].map({ $0.rawValue < severity.rawValue }) ?? true { worst[participant] = severity }
        }
        return worst
    }
}
