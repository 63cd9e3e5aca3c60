import Foundation

/// Reads a member's observations into columns.
///
/// Observations are read in blocks of about 256 KiB, column by column within a block, so each
/// column's loop is simple and the block's bytes stay in the cache. A text value equal to the
/// one above it (sorted data repeats ids, codes and visits) reuses its code without a lookup.
/// A large member is cut into runs of observations, one per core, read at the same time and
/// joined in order: the columns, codes and distinct texts are those of one pass from the top.
enum TransportObservations {
    /// The bytes of observations read per block.
    private static let blockSize = 1 << 18

    /// How a member's observations are cut into runs read at the same time.
    struct Runs: Sendable {
        /// At most this many runs.
        var cores: Int
        /// The fewest observation bytes a run holds (fewer are not worth a thread).
        var minimumBytes: Int

        /// One run per core of this machine, of at least 8 MiB.
        static let machine = Runs(cores: ProcessInfo.processInfo.activeProcessorCount, minimumBytes: 1 << 23)

        /// The observations `0..<rowCount` cut into runs of nearly equal length (one run when
        /// the member is smaller than two runs' minimum).
        func ranges(_ rowCount: Int, observationLength: Int) -> [Range<Int>] {
            let count = max(1, min(cores, rowCount * observationLength / max(minimumBytes, 1)))
            return (0..<count).map { part in (part * rowCount / count)..<((part + 1) * rowCount / count) }
        }
    }

    /// The member's dataset, or `nil` with the problem in `problems` when its last observation
    /// is incomplete.
    /// - Parameter runs: how the observations are cut into runs read at the same time.
    /// - Parameter release: lets go of the file's bytes in a range once read (see
    ///   `FileContents.releasePages`); called from several threads at once, each with ranges of its own.
    /// - Complexity: O(*n*) in the observation bytes, spread over the cores.
    static func dataset(_ records: TransportRecords, _ member: MemberLayout, _ problems: inout [Diagnostic],
                        runs: Runs, release: @Sendable (Range<Int>) -> Int) -> TransportDataset? {
        guard let rowCount = rowCount(records, member, &problems) else { return nil }
        let layout = RunLayout(base: records.bytes.baseAddress! + member.observationStart, start: member.observationStart,
                               length: member.observationLength, rowCount: rowCount, variables: member.variables)
        let parts = runs.ranges(rowCount, observationLength: layout.length)
        var runColumns = parts.count == 1
            ? [readRun(parts[0], layout, release: release)]
            : ParallelWork.map(parts) { readRun($0, layout, release: release) }
        // Each run is taken out before it is joined: the first's columns then grow in place
        // (not copied for another reference), and each column of the others is freed once
        // joined (so that at most one column is held twice).
        var builders = runColumns.removeFirst()
        while !runColumns.isEmpty {
            var run = runColumns.removeFirst()
            for index in builders.indices {
                builders[index].append(contentsOf: run[index])
                run[index].removeAll()
            }
        }
        let columns = zip(member.variables, builders).map { variable, builder in
            TransportColumn(name: variable.name, label: variable.label, format: variable.format, length: variable.length,
                            position: variable.position, values: builder.values)
        }
        return TransportDataset(file: records.file, name: member.name, label: member.label, rowCount: rowCount,
                                columns: columns, observationStart: member.observationStart, observationLength: layout.length)
    }

    /// Where a member's observations are, for the threads that read runs of them.
    private struct RunLayout: @unchecked Sendable {
        /// The first observation's first byte (read only, and alive while the member is read).
        let base: UnsafePointer<UInt8>
        /// Its offset in the file.
        let start: Int
        /// The bytes of an observation.
        let length: Int
        /// The member's observations.
        let rowCount: Int
        /// The member's variables, one column each.
        let variables: [Namestr]
    }

    /// The columns of the observations `rows`: read block by block, each block's bytes let go
    /// once every column has read them, but for the observation before the next block (a text
    /// column compares each value with the one before).
    private static func readRun(_ rows: Range<Int>, _ layout: RunLayout, release: (Range<Int>) -> Int) -> [ColumnBuilder] {
        // The first run's columns have room for every row: the others are appended to them.
        var builders = layout.variables.map { ColumnBuilder($0, capacity: rows.lowerBound == 0 ? layout.rowCount : rows.count) }
        let rowsPerBlock = max(1, blockSize / layout.length)
        var blockStart = rows.lowerBound
        var released = layout.start + rows.lowerBound * layout.length
        while blockStart < rows.upperBound {
            let block = blockStart..<min(blockStart + rowsPerBlock, rows.upperBound)
            for index in builders.indices {
                builders[index].append(block, layout.base, observationLength: layout.length)
            }
            blockStart = block.upperBound
            released = release(released..<(layout.start + (blockStart - 1) * layout.length))
        }
        return builders
    }

    /// The number of observations: whole observations in the member's bytes, less trailing blank
    /// ones that lie in the last record's padding (fewer than 80 bytes). Bytes after the last
    /// whole observation must be that padding: blank, and less than a record.
    static func rowCount(_ records: TransportRecords, _ member: MemberLayout, _ problems: inout [Diagnostic]) -> Int? {
        let size = member.observationEnd - member.observationStart
        let length = member.observationLength
        var count = size / length
        let restStart = member.observationStart + count * length
        if member.observationEnd - restStart >= TransportRecords.length || !isBlank(records, restStart..<member.observationEnd) {
            problems.append(Diagnostic(at: records.location(restStart),
                                       Message.transportIncompleteObservation(member.observationEnd - restStart, length)))
            return nil
        }
        while count > 0 {
            let start = member.observationStart + (count - 1) * length
            guard start > member.observationEnd - TransportRecords.length, isBlank(records, start..<(start + length)) else { break }
            count -= 1
        }
        return count
    }

    private static func isBlank(_ records: TransportRecords, _ range: Range<Int>) -> Bool {
        UnsafeBufferPointer(rebasing: records.bytes[range]).allSatisfy { $0 == 0x20 }
    }
}

/// One column being filled from observations.
private struct ColumnBuilder {
    private let position: Int
    private let length: Int
    private var numbers: [Double] = []
    private var codes: [Int32] = []
    private var levels = StringTable()
    private let isNumeric: Bool

    init(_ variable: Namestr, capacity: Int) {
        position = variable.position
        length = variable.length
        isNumeric = variable.kind == .numeric
        if isNumeric { numbers.reserveCapacity(capacity) } else { codes.reserveCapacity(capacity) }
    }

    var values: DataColumn.Values {
        isNumeric ? .numbers(numbers) : .text(codes: codes, levels: levels)
    }

    /// Appends the values of the observations after this column's, `other`'s: its text codes
    /// turned into this column's, its distinct texts not seen yet added in the order it met them.
    mutating func append(contentsOf other: ColumnBuilder) {
        if isNumeric {
            numbers.append(contentsOf: other.numbers)
            return
        }
        let codeOfLevel = (0..<other.levels.count).map { level in
            other.levels.withBytes(level) { Int32(levels.insert(bytes: $0).index) }
        }
        codes.reserveCapacity(codes.count + other.codes.count)
        for code in other.codes { codes.append(code < 0 ? -1 : codeOfLevel[Int(code)]) }
    }

    /// Lets go of the values (a run's column once joined to the column before it).
    mutating func removeAll() {
        numbers = []
        codes = []
        levels = StringTable()
    }

    /// Appends the values of observations `rows` of the observations starting at `base`; the
    /// first text value is compared with the one above it when the column has values already.
    mutating func append(_ rows: Range<Int>, _ base: UnsafePointer<UInt8>, observationLength: Int) {
        var field = base + rows.lowerBound * observationLength + position
        if isNumeric {
            let raw = UnsafeRawPointer(field)
            for row in 0..<rows.count {
                numbers.append(IBMFloat.double(at: raw + row * observationLength, length: length))
            }
            return
        }
        var previous = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var previousCode: Int32 = -1
        if !codes.isEmpty {
            previous = UnsafeBufferPointer(start: field - observationLength, count: length)
            previousCode = codes[codes.count - 1]
        }
        for _ in rows {
            let value = UnsafeBufferPointer(start: field, count: length)
            if previous.baseAddress == nil || !bytesEqual(previous, value) {
                let trimmed = TransportText.trimmed(value)
                previousCode = trimmed.isEmpty ? -1 : TransportText.withUTF8(trimmed) { Int32(levels.insert(bytes: $0).index) }
                previous = value
            }
            codes.append(previousCode)
            field += observationLength
        }
    }
}
