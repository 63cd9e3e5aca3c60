/// The baseline record (ABLFL = Y) of each participant's parameter — of each time point (ATPTN)
/// too, when a record is timed — in a Basic Data Structure dataset: an open-addressing table
/// keyed by the three as integers, so that the millions of records of a large dataset are placed
/// and looked up with a few multiplications each, near those of the same participant, instead of
/// anywhere by a `Hasher` (a `Dictionary` of them took
/// a fifth of `validate`'s time on the ADaM transport study of 100,000 participants).
struct BaselineRecords {
    /// Participant and parameter as one word, per slot.
    private var keys: [UInt64]
    /// The time point's bit pattern (+0 for −0), or `untimed`, per slot.
    private var timePoints: [UInt64]
    /// The record's row, or −1 for an empty slot.
    private var rows: [Int]
    private var count = 0
    /// The participants the records belong to are numbered below this.
    private let participantCount: Int
    /// The slots of each participant's region (see `slot(of:_:)`).
    private var stride = 1

    /// The time-point pattern of an untimed record: a NaN's, which no time point is.
    private static let untimed = UInt64.max

    /// A table with room for `capacity` baseline records of participants numbered below
    /// `participantCount` before it grows.
    init(capacity: Int, participantCount: Int) {
        var slots = 16
        while slots < 2 * capacity { slots *= 2 }
        self.participantCount = max(participantCount, 1)
        keys = Array(repeating: 0, count: slots)
        timePoints = Array(repeating: 0, count: slots)
        rows = Array(repeating: -1, count: slots)
        stride = max(1, slots / self.participantCount)
    }

    /// The row of the baseline record of `participant`'s `parameter` at `timePoint` (`nil`: untimed).
    func row(participant: Int32, parameter: Int32, timePoint: Double?) -> Int? {
        let (key, time) = Self.key(participant, parameter, timePoint)
        let row = rows[slot(of: key, time)]
        return row >= 0 ? row : nil
    }

    /// Records `row` as the baseline record of `participant`'s `parameter` at `timePoint`,
    /// unless one is recorded already.
    /// - Returns: the row recorded before, or `nil` when `row` is recorded now.
    mutating func insert(participant: Int32, parameter: Int32, timePoint: Double?, row: Int) -> Int? {
        let (key, time) = Self.key(participant, parameter, timePoint)
        let slot = slot(of: key, time)
        if rows[slot] >= 0 { return rows[slot] }
        (keys[slot], timePoints[slot], rows[slot]) = (key, time, row)
        count += 1
        if 2 * count > rows.count { grow() }
        return nil
    }

    private static func key(_ participant: Int32, _ parameter: Int32, _ timePoint: Double?) -> (UInt64, UInt64) {
        let key = UInt64(UInt32(bitPattern: participant)) << 32 | UInt64(UInt32(bitPattern: parameter))
        guard let timePoint else { return (key, untimed) }
        return (key, timePoint == 0 ? 0 : timePoint.bitPattern)
    }

    /// The slot holding `key` at `time`, or the empty slot where it belongs (linear probing).
    ///
    /// Each participant has a region of `stride` slots (the table's slots shared out among the
    /// participants, so at most half of a region is used on average), and a record's place in
    /// it is a hash of its parameter and time point: records read participant by participant,
    /// as BDS datasets are sorted, then look at neighbouring slots instead of anywhere in a table
    /// larger than the caches.
    private func slot(of key: UInt64, _ time: UInt64) -> Int {
        let mask = rows.count - 1
        // MurmurHash3's 64-bit finalizer: every bit of the parameter and the time point moves the slot.
        var hash = (key & 0xFFFF_FFFF) ^ (time &* 0x9E37_79B9_7F4A_7C15)
        hash = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        hash = (hash ^ (hash >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        let offset = Int(truncatingIfNeeded: (UInt64(UInt32(truncatingIfNeeded: hash ^ (hash >> 33))) &* UInt64(stride)) >> 32)
        var slot = (Int(truncatingIfNeeded: key >> 32) &* stride &+ offset) & mask
        while rows[slot] >= 0, keys[slot] != key || timePoints[slot] != time {
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// Twice the slots, every record placed again.
    private mutating func grow() {
        let old = (keys, timePoints, rows)
        keys = Array(repeating: 0, count: 2 * old.2.count)
        timePoints = Array(repeating: 0, count: 2 * old.2.count)
        rows = Array(repeating: -1, count: 2 * old.2.count)
        stride = max(1, rows.count / participantCount)
        for index in old.2.indices where old.2[index] >= 0 {
            let slot = slot(of: old.0[index], old.1[index])
            (keys[slot], timePoints[slot], rows[slot]) = (old.0[index], old.1[index], old.2[index])
        }
    }
}
