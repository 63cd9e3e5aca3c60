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
/// A large file is read in two halves on two threads, each writing its rows in place into columns
/// with room for every record (the second half's after the first's room, moved up to them at the
/// end); the halves are merged in file order, so the table and the diagnostics are the same as
/// from one thread.
struct MeasurementReader {
    static let required = ["USUBJID", "PARAMCD", "AVISITN", "AVAL"]
    static let optional = ["AVALU"]

    private(set) var table: MeasurementTable
    /// The line of each measurement's row, for reporting duplicates.
    private(set) var lines = RowLines()
    /// For each participant, bit *k* is set when it has a baseline value of remission parameter *k*.
    private(set) var baselinesSeen: [UInt64] = []
    private(set) var rowCount = 0
    let idColumn: Int?

    /// Reads `file` in the halves of `sections` (`file.countedSections(count: 2)` when `nil`; one
    /// section when the file lacks a required column).
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
            participants: participants, participantCount: participantCount, plannedCodes: codes,
            units: units, unitOfParameter: expectations.parameters.map { units.index(of: $0.unit)! },
            allowsNegative: expectations.parameters.map(\.allowsNegative),
            remissionBit: expectations.parameters.map { expectations.remissionParameters.firstIndex(of: $0.code) ?? -1 },
            baselineVisit: expectations.baselineVisit)

        let counted = counted ?? file.countedSections(count: 2)
        // Without every column the rows are only checked: one section, whose indices need no mapping.
        let sections = columns.hasRequiredColumns ? counted.sections : [file.allRecords]
        // Room for every record, each ending at a line break or at the end of the file: the second
        // half's rows are written after room for the first's, then moved up to them (a move only
        // when the first half had blank lines, quoted line breaks or rows not kept).
        let firstBreaks = counted.lineBreaks[0]
        let secondStart = sections.count == 2 ? counted.recordCapacities[0] : counted.recordCapacities.reduce(0, +)
        var chunks: [MeasurementChunk] = []
        var visitIndex = VisitIndex()
        var unknownParameters: [(code: String, location: SourceLocation)] = []
        let capacity = secondStart + (sections.count == 2 ? counted.recordCapacities[1] : 0)
        let stored = MeasurementRows.columns(capacity: capacity) { rows in
            if sections.count == 2 {
                let second = sections[1]
                let secondSection = CSVFileSection(start: second.start, line: sections[0].line.map { $0 + firstBreaks },
                                                   lineStart: second.lineStart, end: second.end)
                let reading = BackgroundComputation {
                    MeasurementChunk(file, secondSection, context.independentCopy(), rows: rows, firstRow: secondStart)
                }
                let first = MeasurementChunk(file, sections[0], context, rows: rows, firstRow: 0)
                let rest = first.rest
                let secondChunk = reading.value()
                // A quoted line break at the cut: the second half was read from a wrong start.
                chunks = [first, rest.start == secondSection.start
                    ? secondChunk : MeasurementChunk(file, rest, context, rows: rows, firstRow: secondStart)]
            } else {
                chunks = [MeasurementChunk(file, sections[0], context, rows: rows, firstRow: 0)]
            }
            var end = 0
            for chunk in chunks {
                end = merge(chunk, at: end, into: rows, &visitIndex, &unknownParameters, &log)
            }
            return end
        }
        (table.participant, table.parameter, table.visit, table.value) = stored
        if let first = unknownParameters.first {
            log.add(.warning, first.location, Message.unknownParameters(unknownParameters.map(\.code)))
        }
        baselinesSeen = chunks[0].baselinesSeen
        for chunk in chunks.dropFirst() {
            for participant in baselinesSeen.indices { baselinesSeen[participant] |= chunk.baselinesSeen[participant] }
        }
        let (visits, newIndex) = visitIndex.sorted()
        table.visits = visits
        if !newIndex.elementsEqual(newIndex.indices.lazy.map(Int32.init)) {
            for row in table.visit.indices { table.visit[row] = newIndex[Int(table.visit[row])] }
        }
        if rowCount == 0, !log.hasErrors {
            log.add(.error, SourceLocation(file: file.name, line: 2), Message.noMeasurements)
        }
    }

    /// Moves a chunk's rows to start at row `end` of `rows`, mapping its parameter and visit indices
    /// to the table's, and adds to `unknownParameters` the codes the plan does not know that earlier
    /// chunks did not have, with their first row.
    /// - Returns: the row after the chunk's.
    private mutating func merge(_ chunk: MeasurementChunk, at end: Int, into rows: MeasurementRows,
                                _ visitIndex: inout VisitIndex, _ unknownParameters: inout [(code: String, location: SourceLocation)],
                                _ log: inout DiagnosticLog) -> Int {
        let parameters = (0..<chunk.parameterCodes.count).map { table.parameterCodes.insert(chunk.parameterCodes[$0]) }
        let parameterMap = parameters.map { Int32($0.index) }
        let visitMap = chunk.visits.values.map { visitIndex.index(of: $0) }
        let written = chunk.firstRow..<(chunk.firstRow + chunk.storedCount)
        let isIdentity = parameterMap.indices.elementsEqual(parameterMap.map(Int.init)) && visitMap.indices.elementsEqual(visitMap.map(Int.init))
        if !isIdentity {
            for row in written {
                rows.parameter[row] = parameterMap[Int(rows.parameter[row])]
                rows.visit[row] = visitMap[Int(rows.visit[row])]
            }
        }
        rows.moveRows(written, to: end)
        lines.append(contentsOf: chunk.lines)
        rowCount += chunk.rowCount
        log.add(contentsOf: chunk.log)
        for (code, location) in chunk.unknownParameters where parameters[code].inserted {
            unknownParameters.append((chunk.parameterCodes[code], location))
        }
        return end + chunk.storedCount
    }
}
