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
    private let table: AdverseEventTable
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
    /// - Complexity: O(*e* log *e*) for *e* events.
    func count(groups groupCount: Int, _ group: (Int) -> Int?) -> [[(subjects: Int, events: Int)]] {
        var counts = [[(subjects: Int, events: Int)]](repeating: Array(repeating: (0, 0), count: armCount), count: groupCount)
        var keyed: [(group: Int, participant: Int32)] = []
        for event in events {
            guard let index = group(event) else { continue }
            keyed.append((index, table.participant[event]))
        }
        keyed.sort { ($0.group, $0.participant) < ($1.group, $1.participant) }
        for (position, entry) in keyed.enumerated() {
            let armIndex = Int(arm[Int(entry.participant)])
            counts[entry.group][armIndex].events += 1
            if position == 0 || keyed[position - 1] != entry { counts[entry.group][armIndex].subjects += 1 }
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
