import Synchronization

/// The row digests (`RowDigests`) of a CSV file computed while a reader reads it for validation,
/// so that `lock` need not read the file again: `CSVFile.forEachRecord` hands every record of each
/// section it reads to a `RowDigestRuns`, and deposits the runs here with where the section
/// started and where its reading ended. The sections are put back in file order by following
/// those positions from the first record to the end of the file, so that a section a reader
/// read again (from a cut inside a quoted field) counts once and one read from a wrong start
/// not at all.
final class RowDigestSink: Sendable {
    /// What a record's digest needs: each column's seed, the key column, and the participants
    /// whose ids key the runs (those validated).
    struct Spec: Sendable {
        let seeds: [UInt64]
        let keyIndex: Int
        let known: StringTable
        /// The most runs the sink keeps, all sections together (a section gives up past it too).
        let maximumRuns: Int
    }

    /// The file's name.
    let file: String
    let spec: Spec
    /// Where the file's records start and end.
    private let records: Range<Int>
    private let deposits = Mutex<[(start: Int, end: Int, runs: RowDigestRuns)]>([])

    /// A sink for the records of `file`, keyed by the participants of `known`; `nil` when the
    /// file has no `keyColumn`.
    /// - Parameter maximumRuns: the most runs kept (by default twice the participants, and 1,024
    ///   more): a file sorted by participant has about one run per participant; one in no order,
    ///   up to one per record, is left to the lock's own pass, which needs no memory per record.
    init?(_ file: CSVFile, keyColumn: String, known: StringTable, maximumRuns: Int? = nil) {
        guard let keyIndex = file.header.firstIndex(of: keyColumn) else { return nil }
        self.file = file.name
        records = file.allRecords.start..<file.allRecords.end
        spec = Spec(seeds: file.header.map(RowHash.seed(ofColumn:)), keyIndex: keyIndex, known: known,
                    maximumRuns: maximumRuns ?? 2 * known.count + 1_024)
    }

    /// Keeps the runs of the records read from `start` (a section's first byte) to `end`; an
    /// incomplete section, or one past `maximumRuns` with those kept, is kept without its runs.
    func deposit(start: Int, end: Int, _ runs: RowDigestRuns) {
        deposits.withLock { deposits in
            let kept = deposits.reduce(0) { $0 + $1.runs.participants.count }
            let fits = runs.isComplete && kept + runs.participants.count <= spec.maximumRuns
            deposits.append((start, end, fits ? runs : RowDigestRuns.incomplete))
        }
    }

    /// The runs of every record of the file in file order, or `nil` when the sections read do
    /// not cover them or a record could not be digested (`RowDigestRuns.isComplete`).
    func runs() -> [RowDigestRuns]? {
        let deposited = deposits.withLock { $0 }
        var chain: [RowDigestRuns] = [], position = records.lowerBound
        while position < records.upperBound {
            guard let next = deposited.first(where: { $0.start == position && $0.end > position }), next.runs.isComplete else { return nil }
            chain.append(next.runs)
            position = next.end
        }
        return chain
    }
}

/// The digests of the records of one section of a CSV file, in file order: one entry per run of
/// consecutive records of one participant, with its participant (its index among the known
/// ones), its number of rows, the sum of their digests and the line of its first.
struct RowDigestRuns: Sendable {
    private(set) var participants: [Int32] = []
    private(set) var rowCounts: [Int32] = []
    private(set) var digests: [UInt64] = []
    private(set) var lines: [Int32] = []
    /// Whether every record was digested: not when one's participant is not among the known
    /// ones, or one is damaged or has another number of fields than the header (a file that then
    /// fails validation, or that a lock reads again), or past the sink's `maximumRuns`.
    private(set) var isComplete = true

    /// Runs that gave up, holding nothing.
    static let incomplete = {
        var runs = RowDigestRuns()
        runs.isComplete = false
        return runs
    }()

    /// Adds a plain record (its fields are its values). A function of its own: inlined into
    /// every reader's loop (`CSVFile.forEachRecord(in:_:plain:_:)` is), its array updates and
    /// loads were left calls.
    @inline(never)
    mutating func add(_ record: PlainRecord, _ spec: RowDigestSink.Spec, known: StringTable.View) {
        guard isComplete else { return }
        var sum: UInt64 = 0
        spec.seeds.withUnsafeBufferPointer { seeds in
            for index in 0..<seeds.count { sum &+= RowHash.hash(record.value(index), seed: seeds[index]) }
        }
        add(record.value(spec.keyIndex), digest: RowHash.mix(sum), line: record.line, spec, known)
    }

    /// Adds a record read by the CSV scanner (its values with doubled quotes undone).
    mutating func add(_ record: CSVRecord, _ spec: RowDigestSink.Spec, known: StringTable.View) {
        guard isComplete else { return }
        guard !record.isDamaged, record.count == spec.seeds.count else {
            giveUp()
            return
        }
        var sum: UInt64 = 0
        for index in spec.seeds.indices { sum &+= record.withValueBytes(index) { RowHash.hash($0, seed: spec.seeds[index]) } }
        record.withValueBytes(spec.keyIndex) { add($0, digest: RowHash.mix(sum), line: record.line, spec, known) }
    }

    @inline(__always)
    private mutating func add(_ id: UnsafeBufferPointer<UInt8>, digest: UInt64, line: Int, _ spec: RowDigestSink.Spec,
                              _ known: StringTable.View) {
        let last = participants.last.map(Int.init) ?? -1
        guard let participant = known.index(ofBytes: id, tryingFirst: last) else {
            giveUp()
            return
        }
        if participant == last {
            rowCounts[rowCounts.count - 1] &+= 1
            digests[digests.count - 1] &+= digest
            return
        }
        guard participants.count < spec.maximumRuns else {
            giveUp()
            return
        }
        participants.append(Int32(participant))
        rowCounts.append(1)
        digests.append(digest)
        lines.append(Int32(truncatingIfNeeded: line))
    }

    /// Stops digesting and lets the runs' memory go.
    private mutating func giveUp() {
        self = Self.incomplete
    }
}
