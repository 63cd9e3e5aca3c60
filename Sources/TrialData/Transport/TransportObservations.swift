/// Reads a member's observations into columns.
///
/// Observations are read in blocks of about 256 KiB, column by column within a block, so each
/// column's loop is simple and the block's bytes stay in the cache. A text value equal to the
/// one above it (sorted data repeats ids, codes and visits) reuses its code without a lookup.
enum TransportObservations {
    /// The bytes of observations read per block.
    private static let blockSize = 1 << 18

    /// The member's dataset, or `nil` with the problem in `problems` when its last observation
    /// is incomplete.
    /// - Complexity: O(*n*) in the observation bytes.
    static func dataset(_ records: TransportRecords, _ member: MemberLayout, _ problems: inout [Diagnostic],
                        release: (Range<Int>) -> Int) -> TransportDataset? {
        guard let rowCount = rowCount(records, member, &problems) else { return nil }
        var builders = member.variables.map { ColumnBuilder($0, capacity: rowCount) }
        let length = member.observationLength
        let rowsPerBlock = max(1, blockSize / length)
        var blockStart = 0
        // A block's bytes are let go once every column has read them, but for the observation
        // before the next block: a text column compares each value with the one before.
        var released = member.observationStart
        while blockStart < rowCount {
            let rows = blockStart..<min(blockStart + rowsPerBlock, rowCount)
            for index in builders.indices {
                builders[index].append(rows, records.bytes.baseAddress! + member.observationStart, observationLength: length)
            }
            blockStart = rows.upperBound
            released = release(released..<(member.observationStart + (blockStart - 1) * length))
        }
        let columns = zip(member.variables, builders).map { variable, builder in
            TransportColumn(name: variable.name, label: variable.label, format: variable.format, length: variable.length,
                            position: variable.position, values: builder.values)
        }
        return TransportDataset(file: records.file, name: member.name, label: member.label, rowCount: rowCount,
                                columns: columns, observationStart: member.observationStart, observationLength: length)
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

    /// Appends the values of observations `rows` of the observations starting at `base`.
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
        if rows.lowerBound > 0 {
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
