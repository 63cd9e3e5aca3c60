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
/// A large file is read in two halves on two threads; the halves are merged in file order,
/// so the table and the diagnostics are the same as from one thread.
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

    init(_ file: CSVFile, expectations: StudyExpectations, participants: ParticipantLookup,
         participantCount: Int, _ log: inout DiagnosticLog) {
        precondition(expectations.remissionParameters.count <= 64, "at most 64 remission parameters")
        let columns = ColumnLayout(file, required: Self.required, optional: Self.optional, &log)
        let codes = StringTable(expectations.parameters.map(\.code))
        table = MeasurementTable(participant: [], parameter: [], visit: [], value: [], parameterCodes: codes,
                                 plannedParameterCount: codes.count, visits: [])
        idColumn = columns.hasRequiredColumns ? columns["USUBJID"] : nil
        guard columns.checksRows else { return }
        let context = MeasurementChunk.Context(
            layout: .init(id: columns["USUBJID"], parameter: columns["PARAMCD"], visit: columns["AVISITN"],
                          value: columns["AVAL"], unit: columns["AVALU"]),
            participants: participants, participantCount: participantCount, plannedCodes: codes,
            units: expectations.parameters.map { Array($0.unit.utf8) },
            allowsNegative: expectations.parameters.map(\.allowsNegative),
            remissionBit: expectations.parameters.map { expectations.remissionParameters.firstIndex(of: $0.code) ?? -1 },
            baselineVisit: expectations.baselineVisit)

        // Without every column the rows are only checked: one section, whose indices need no mapping.
        let sections = columns.hasRequiredColumns ? file.sections(count: 2) : [file.allRecords]
        // The first chunk has room for every row: its columns become the table's, and the
        // second chunk's rows are appended to them without moving them.
        let capacity = file.estimatedRecordCount(in: file.allRecords)
        var chunks: [MeasurementChunk]
        if sections.count == 2 {
            let secondCapacity = file.estimatedRecordCount(in: sections[1])
            let second = BackgroundComputation { MeasurementChunk(file, sections[1], context, capacity: secondCapacity) }
            let first = MeasurementChunk(file, sections[0], context, capacity: capacity)
            let rest = first.rest
            let secondChunk = second.value()
            // A quoted line break at the cut: the second half was read from a wrong start. The first
            // chunk is moved, not copied, so that its columns stay uniquely owned (appended to in place).
            chunks = [consume first, rest.start == sections[1].start
                ? secondChunk : MeasurementChunk(file, rest, context, capacity: secondCapacity)]
        } else {
            chunks = [MeasurementChunk(file, sections[0], context, capacity: capacity)]
        }
        var visitIndex = VisitIndex()
        var unknownParameters: [(code: String, location: SourceLocation)] = []
        for index in chunks.indices {
            append(&chunks[index], isFirst: index == 0, &visitIndex, &unknownParameters, &log)
        }
        if let first = unknownParameters.first {
            log.add(.warning, first.location, Message.unknownParameters(unknownParameters.map(\.code)))
        }
        baselinesSeen = chunks[0].baselinesSeen
        for chunk in chunks.dropFirst() {
            for participant in baselinesSeen.indices { baselinesSeen[participant] |= chunk.baselinesSeen[participant] }
        }
        let (visits, newIndex) = visitIndex.sorted()
        table.visits = visits
        for row in table.visit.indices { table.visit[row] = newIndex[Int(table.visit[row])] }
        if rowCount == 0, !log.hasErrors {
            log.add(.error, SourceLocation(file: file.name, line: 2), Message.noMeasurements)
        }
    }

    /// Appends a chunk's rows, mapping its parameter and visit indices to the table's, and
    /// adds to `unknownParameters` the codes the plan does not know that earlier chunks did not
    /// have, with their first row. The first chunk's columns are taken over, not copied (its
    /// indices are the table's own).
    private mutating func append(_ chunk: inout MeasurementChunk, isFirst: Bool, _ visitIndex: inout VisitIndex,
                                 _ unknownParameters: inout [(code: String, location: SourceLocation)],
                                 _ log: inout DiagnosticLog) {
        let parameters = (0..<chunk.parameterCodes.count).map { table.parameterCodes.insert(chunk.parameterCodes[$0]) }
        let parameterMap = parameters.map { Int32($0.index) }
        let visitMap = chunk.visits.values.map { visitIndex.index(of: $0) }
        if isFirst {
            assert(parameterMap.indices.elementsEqual(parameterMap.map(Int.init))
                && visitMap.indices.elementsEqual(visitMap.map(Int.init)), "the first chunk's indices are the table's")
            swap(&table.participant, &chunk.participant)
            swap(&table.parameter, &chunk.parameter)
            swap(&table.visit, &chunk.visit)
            swap(&table.value, &chunk.value)
            swap(&lines, &chunk.lines)
        } else {
            table.participant += chunk.participant
            table.parameter += chunk.parameter.lazy.map { parameterMap[Int($0)] }
            table.visit += chunk.visit.lazy.map { visitMap[Int($0)] }
            table.value += chunk.value
            lines.append(contentsOf: chunk.lines)
        }
        rowCount += chunk.rowCount
        log.add(contentsOf: chunk.log)
        for (code, location) in chunk.unknownParameters where parameters[code].inserted {
            unknownParameters.append((chunk.parameterCodes[code], location))
        }
    }
}
