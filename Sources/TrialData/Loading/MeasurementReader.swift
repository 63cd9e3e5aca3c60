/// Reads adlb.csv into a `MeasurementTable`, checking every row.
///
/// Checks: required columns; USUBJID in adsl.csv; AVISITN present and numeric; AVAL numeric
/// and, for the plan's parameters, not negative (unless the plan allows it); AVALU equal to
/// the plan's unit. The PARAMCDs the plan does not know are one warning (at the first row of the
/// first): lab exports often carry more parameters than a plan analyses.
///
/// The columns present are checked even when a required one is missing (the table is then
/// not used: the missing column is an error).
///
/// A large file is read in sections on every core, each writing its rows in place into columns
/// with room for every record (a section's after the room of those before, moved up to them at
/// the end); the sections are merged in file order, so the table and the diagnostics are the same
/// as from one thread.
struct MeasurementReader {
    static let required = ["USUBJID", "PARAMCD", "AVISITN", "AVAL"]
    static let optional = ["AVALU"]
    /// Into how many sections a large file is cut: read on whichever core is free, so that the
    /// cores finish together whatever else runs beside.
    static let sectionCount = 32

    private(set) var table: MeasurementTable
    /// The line of each measurement's row, for reporting duplicates.
    private(set) var lines = RowLines()
    /// For each participant, bit *k* is set when it has a baseline value of remission parameter *k*.
    private(set) var baselinesSeen: [UInt64] = []
    private(set) var rowCount = 0
    let idColumn: Int?
    /// Whether the sections together have more distinct codes or visits than the table can index
    /// (an error; the rows of the sections that went over are left out).
    private var hasTooManyDistinct = false

    /// Reads `file` in the sections of `sections` (`file.countedSections(count: sectionCount)` when
    /// `nil`; one section when the file lacks a required column), on every core.
    init(_ file: CSVFile, expectations: StudyExpectations, participants: ParticipantLookup,
         participantCount: Int, sections counted: CountedSections? = nil, _ log: inout DiagnosticLog) {
        precondition(expectations.remissionParameters.count <= 64, "at most 64 remission parameters")
        let columns = ColumnLayout(file, required: Self.required, optional: Self.optional, &log)
        let codes = StringTable(expectations.parameters.map(\.code))
        let units = StringTable(expectations.parameters.map(\.unit))
        table = MeasurementTable(participant: [], parameter: [], visit: [], value: [], parameterCodes: codes,
                                 plannedParameterCount: codes.count, visits: [])
        idColumn = columns.hasRequiredColumns ? columns["USUBJID"] : nil
        guard columns.checksRows else { return }
        let context = MeasurementChunk.Context(
            layout: .init(id: columns["USUBJID"], parameter: columns["PARAMCD"], visit: columns["AVISITN"],
                          value: columns["AVAL"], unit: columns["AVALU"]),
            participants: participants, plannedCodes: codes,
            units: units, unitOfParameter: expectations.parameters.map { units.index(of: $0.unit)! },
            allowsNegative: expectations.parameters.map(\.allowsNegative),
            remissionBit: expectations.parameters.map { expectations.remissionParameters.firstIndex(of: $0.code) ?? -1 },
            baselineVisit: expectations.baselineVisit)

        let counted = counted ?? file.countedSections(count: Self.sectionCount)
        // Without every column the rows are only checked: one section, whose indices need no mapping.
        let sections = columns.hasRequiredColumns ? counted.sections : [file.allRecords]
        let capacities = columns.hasRequiredColumns ? counted.recordCapacities : [counted.recordCapacities.reduce(0, +)]
        // Room for every record, each ending at a line break or at the end of the file: each
        // section's rows are written after room for the sections before, then moved up to them
        // (a move only when a section had blank lines, quoted line breaks or rows not kept).
        let firstRows = capacities.reduce(into: [0]) { starts, capacity in starts.append(starts[starts.count - 1] + capacity) }
        let breaksBefore = counted.lineBreaks.reduce(into: [0]) { sums, breaks in sums.append(sums[sums.count - 1] + breaks) }
        let numbered = sections.indices.map { index in
            var section = sections[index]
            section.line = sections[0].line.map { $0 + breaksBefore[index] }
            return section
        }
        var chunks: [MeasurementChunk] = []
        var visitIndex = VisitIndex()
        var unknownParameters: [(code: String, location: SourceLocation)] = []
        let stored = MeasurementRows.columns(capacity: firstRows[sections.count]) { rows in
            // Two readers take the next section in turn, each with a context of its own.
            let queue = WorkQueue(count: sections.count)
            let readAll = { @Sendable (context: MeasurementChunk.Context) in
                var read: [(index: Int, chunk: MeasurementChunk)] = []
                // One cache of values for every section this thread reads: each starts with the values met.
                let valueCache = DecimalCache()
                while let index = queue.next() {
                    read.append((index, MeasurementChunk(file, numbered[index], context, rows: rows, firstRow: firstRows[index],
                                                         valueCache: valueCache)))
                }
                return read
            }
            let helper = sections.count > 1 ? BackgroundComputation { readAll(context.independentCopy()) } : nil
            let read = (readAll(context) + (helper?.value() ?? [])).sorted { $0.index < $1.index }.map(\.chunk)
            chunks = [read[0]]
            for index in read.indices.dropFirst() {
                let rest = chunks[chunks.count - 1].rest
                guard rest.start != sections[index].start else { chunks.append(read[index]); continue }
                // A quoted line break at the cut: this section was read from a wrong start; the
                // records after the last one read are read again, to the end of the file.
                chunks.append(MeasurementChunk(file, rest, context, rows: rows, firstRow: firstRows[index], valueCache: DecimalCache()))
                break
            }
            let placed = chunks.compactMap { chunk in
                place(chunk, &visitIndex, &unknownParameters, &log).map { (chunk: chunk, maps: $0) }
            }
            // The table's visits in ascending order: each chunk's rows get their final indices at once.
            let (visits, newIndex) = visitIndex.sorted()
            table.visits = visits
            let renumbers = !hasTooManyDistinct && !newIndex.elementsEqual(newIndex.indices)
            _ = ParallelWork.map(placed) { chunk, maps in
                Self.mapIndices(of: chunk, rows, parameters: maps.parameters, visits: renumbers ? maps.visits.map { newIndex[$0] } : maps.visits)
            }
            var end = 0
            for (chunk, _) in placed {
                rows.moveRows(chunk.firstRow..<(chunk.firstRow + chunk.storedCount), to: end)
                lines.append(contentsOf: chunk.lines)
                end += chunk.storedCount
            }
            return end
        }
        (table.participant, table.parameter, table.visit, table.value) = stored
        if let first = unknownParameters.first {
            log.add(.warning, first.location, Message.unknownParameters(unknownParameters.map(\.code)))
        }
        baselinesSeen = Array(repeating: 0, count: participantCount)
        for chunk in chunks {
            for seen in chunk.baselinesSeen { baselinesSeen[Int(seen.participant)] |= 1 << UInt64(seen.bit) }
        }
        if rowCount == 0, !log.hasErrors {
            log.add(.error, SourceLocation(file: file.name, line: 2), Message.noMeasurements)
        }
    }

    /// Takes in a chunk's counts, diagnostics and codes, and adds to `unknownParameters` the codes the
    /// plan does not know that earlier chunks did not have, with their first row.
    /// - Returns: the table's index of each of the chunk's parameter and visit indices, or `nil` when
    ///   the table cannot index them all (an error, reported once; the chunk's rows are left out).
    private mutating func place(_ chunk: MeasurementChunk, _ visitIndex: inout VisitIndex,
                                _ unknownParameters: inout [(code: String, location: SourceLocation)],
                                _ log: inout DiagnosticLog) -> (parameters: [Int], visits: [Int])? {
        let parameters = (0..<chunk.parameterCodes.count).map { table.parameterCodes.insert(chunk.parameterCodes[$0]) }
        let parameterMap = parameters.map(\.index)
        let visitMap = chunk.visits.values.map { visitIndex.index(of: $0) }
        rowCount += chunk.rowCount
        log.add(contentsOf: chunk.log)
        for (code, location) in chunk.unknownParameters where parameters[code].inserted {
            unknownParameters.append((chunk.parameterCodes[code], location))
        }
        // The chunk stored only rows whose own indices fit; the table's may not.
        let limit = MeasurementTable.distinctLimit
        let parametersFit = parameterMap.prefix(limit).allSatisfy { $0 < limit }
        guard parametersFit, visitMap.prefix(limit).allSatisfy({ $0 < limit }) else {
            if !hasTooManyDistinct {
                log.add(.error, SourceLocation(file: log.file), Message.tooManyDistinct(parametersFit ? "AVISITN" : "PARAMCD"))
                hasTooManyDistinct = true
            }
            return nil
        }
        return (parameterMap, visitMap)
    }

    /// Rewrites the parameter and visit indices of the rows `chunk` wrote as `parameters[i]` and
    /// `visits[i]` (a column whose map is the identity is left as it is: the parameters, unless the
    /// chunk met codes the plan does not know).
    private static func mapIndices(of chunk: MeasurementChunk, _ rows: MeasurementRows, parameters: [Int], visits: [Int]) {
        let written = chunk.firstRow..<(chunk.firstRow + chunk.storedCount)
        remap(rows.parameter, written, parameters)
        remap(rows.visit, written, visits)
    }

    /// Rewrites each index `i` of `column[rows]` as `map[i]`, unless `map` is the identity. The rows
    /// hold indices below `MeasurementTable.distinctLimit`, whose entries `place` found below it
    /// too: those fit in 16 bits (the entries after them, never read here, may not).
    private static func remap(_ column: UnsafeMutableBufferPointer<UInt16>, _ rows: Range<Int>, _ map: [Int]) {
        guard !map.indices.elementsEqual(map) else { return }
        map.map { UInt16(truncatingIfNeeded: $0) }.withUnsafeBufferPointer { map in
            for row in rows { column[row] = map[Int(column[row])] }
        }
    }
}
