import Foundation

extension StudyData {
    /// The names of the study folder's files (SPEC.md §1).
    public enum FileName {
        public static let participants = "adsl.csv"
        public static let measurements = "adlb.csv"
        public static let adverseEvents = "adae.csv"
        public static let insulinIndependence = "adii.csv"
    }

    /// Reads and validates a study folder.
    ///
    /// Every file is read once into memory and parsed in one pass — adlb.csv in sections on every
    /// core, adae and adii beside it — while another thread computes the files' SHA-256 from the same bytes,
    /// so `inputs` describes exactly the bytes analysed (what a data lock is checked against).
    /// Every problem in every file is collected before failing.
    /// - Parameters:
    ///   - directory: the study folder.
    ///   - expectations: what the analysis plan expects of the data.
    ///   - sizeLimit: the most bytes the files may hold together; `nil` (the default) takes it
    ///     from `TRIALREPORT_MAX_INPUT_BYTES`, else 2 GiB (`InputSizeLimit`).
    ///   - keepingBytes: whether to keep, for a data lock, the files' bytes (`validatedBytes`)
    ///     and the row digests of adlb.csv, adae.csv and adii.csv, computed as they are read
    ///     (`RowDigestSink`); else the bytes are released before this returns and no digest is made.
    ///   - recordingInputs: whether to record the files read (`inputs`: their SHA-256, sizes and
    ///     row counts); else `inputs` is empty and no file is hashed, for a caller that reports no
    ///     hash (`trialreport validate`, `figures`). Keeping the bytes records them whatever this says.
    /// - Returns: the typed tables, the inputs read and any warnings.
    /// - Throws: `TrialReportError` — `.missingInput` naming every missing required file, every
    ///   file that cannot be opened or is not a regular file (a FIFO is refused without waiting),
    ///   or a missing folder; `.invalidInput` with every problem found (warnings included), for
    ///   files larger together than the limit (the files' own sizes, symbolic links followed,
    ///   checked before reading) or for a file another program wrote while it was read
    ///   (`FileContents.checkUnchanged`); `.usage` for a limit setting that is not a size;
    ///   `.other` when reading a file fails.
    /// - Complexity: O(*n*) in the total size of the files.
    public static func load(from directory: URL, expecting expectations: StudyExpectations = .seedStudy,
                            sizeLimit: InputSizeLimit? = nil, keepingBytes: Bool = false,
                            recordingInputs: Bool = true) throws(TrialReportError) -> StudyData {
        let limit: InputSizeLimit
        if let sizeLimit { limit = sizeLimit } else { limit = try InputSizeLimit.fromEnvironment() }
        let hashing = recordingInputs || keepingBytes
        var data: StudyData
        if case .adam(let layout) = expectations.layout {
            data = try loadADaM(from: directory, layout: layout, expectations: expectations, sizeLimit: limit, hashing: hashing)
        } else {
            data = try loadSeedStudy(from: directory, expectations: expectations, sizeLimit: limit, hashing: hashing,
                                     digestingRows: keepingBytes)
        }
        if !keepingBytes { data.validatedBytes = nil }
        return data
    }

    /// Reads and validates a folder of the seed study's files (`FileName`), keeping the bytes
    /// validated (`validatedBytes`) and, with `digestingRows`, the row digests of the files after
    /// adsl.csv, computed as they are read (`RowDigestSink`); the files are recorded in `inputs`
    /// when `hashing` (`StudySources`).
    private static func loadSeedStudy(from directory: URL, expectations: StudyExpectations, sizeLimit limit: InputSizeLimit,
                                      hashing: Bool, digestingRows: Bool) throws(TrialReportError) -> StudyData {
        // adlb's sections are measured while adsl is read (they need none of it), beside the hashing.
        let adlbSections = Handoff<CountedSections>()
        let sources = try StudySources(directory: directory, required: [FileName.participants, FileName.measurements],
                                       optional: [FileName.adverseEvents, FileName.insulinIndependence], sizeLimit: limit,
                                       hashing: hashing) { read in
            adlbSections.give(CSVFile(name: FileName.measurements, contents: read[1]).countedSections(count: MeasurementReader.sectionCount))
        }
        var files = sources.files.map { CSVFile(name: $0.name, contents: $0.contents) }

        let adsl = files[0]
        var adslLog = adsl.headerDiagnostics
        let participants = ParticipantReader(adsl, expectations: expectations, &adslLog)
        if digestingRows {
            for index in files.indices.dropFirst() {
                files[index].rowDigests = RowDigestSink(files[index], keyColumn: RowDigests.participantColumn, known: participants.table.ids)
            }
        }
        let adlb = files[1]
        let lookup = ParticipantLookup(ids: participants.table.ids, unreadable: participants.unreadable,
                                       isAvailable: participants.idColumn != nil)

        // adae.csv and adii.csv need only the participants: they are read beside adlb.csv.
        let optionalTables = BackgroundComputation { [files = Array(files.dropFirst(2)), lookup] in
            OptionalTables(files, participants: lookup)
        }

        var adlbLog = adlb.headerDiagnostics
        let measurements = MeasurementReader(adlb, expectations: expectations, participants: lookup,
                                             participantCount: participants.table.count, sections: adlbSections.value(), &adlbLog)
        reportDuplicates(measurements, participants.table, in: adlb, &adlbLog)
        if measurements.idColumn != nil, measurements.rowCount > 0, let idColumn = participants.idColumn {
            reportMissingBaselines(measurements, participants, idColumn: idColumn, expectations, in: adsl, &adslLog)
        }

        let others = optionalTables.value()
        let (inputs, diagnostics) = try sources.checkedInputs(logs: [adslLog, adlbLog] + others.logs,
                                                              rowCounts: [participants.rowCount, measurements.rowCount] + others.rowCounts)
        return StudyData(participants: participants.table, measurements: measurements.table,
                         adverseEvents: others.adverseEvents, insulinIndependence: others.episodes,
                         inputs: inputs, warnings: diagnostics,
                         validatedBytes: sources.validatedBytes(inputs, rowDigests: files.compactMap(\.rowDigests)))
    }

    private static func reportDuplicates(_ measurements: MeasurementReader, _ participants: ParticipantTable,
                                         in file: CSVFile, _ log: inout DiagnosticLog) {
        guard let idColumn = measurements.idColumn else { return }
        let table = measurements.table
        let duplicates = MeasurementChecks.duplicates(in: table, participantCount: participants.count)
        log.addErrors(duplicates, locate: { file.locations(of: $0.map { (measurements.lines[$0.row], idColumn) }) }) { row, first in
            Message.duplicateMeasurement(
                participants.ids[Int(table.participant[row])], table.parameterCodes[Int(table.parameter[row])],
                visit: Message.number(table.visits[Int(table.visit[row])]), firstLine: measurements.lines[first])
        }
    }

    private static func reportMissingBaselines(_ measurements: MeasurementReader, _ participants: ParticipantReader,
                                               idColumn: Int, _ expectations: StudyExpectations,
                                               in file: CSVFile, _ log: inout DiagnosticLog) {
        let missing = MeasurementChecks.missingBaselines(measurements.baselinesSeen,
                                                         remissionParameterCount: expectations.remissionParameters.count)
        // One warning per parameter, at the row of the first participant without it.
        var withoutBaseline = Array(repeating: [Int](), count: expectations.remissionParameters.count)
        for (participant, parameter) in missing { withoutBaseline[parameter].append(participant) }
        let parameters = withoutBaseline.indices.filter { !withoutBaseline[$0].isEmpty }
        let locations = file.locations(of: parameters.map { (Int(participants.lines[withoutBaseline[$0][0]]), idColumn) })
        for (parameter, location) in zip(parameters, locations) {
            let group = withoutBaseline[parameter]
            let message = Message.noBaseline(group.count, { participants.table.ids[group[$0]] },
                                             parameter: expectations.remissionParameters[parameter],
                                             visit: Message.number(expectations.baselineVisit))
            log.add(.warning, location, message)
        }
    }
}

/// adae.csv and adii.csv (those present, in that order), read and checked: their tables, and
/// the log and row count of each file.
private struct OptionalTables: Sendable {
    var adverseEvents = AdverseEventTable()
    var episodes = InsulinIndependenceTable()
    var logs: [DiagnosticLog] = []
    var rowCounts: [Int] = []

    init(_ files: [CSVFile], participants: ParticipantLookup) {
        for file in files {
            var log = file.headerDiagnostics
            if file.name == StudyData.FileName.adverseEvents {
                let reader = AdverseEventReader(file, participants: participants, &log)
                adverseEvents = reader.table
                rowCounts.append(reader.rowCount)
            } else {
                let reader = InsulinIndependenceReader(file, participants: participants, &log)
                episodes = reader.table
                rowCounts.append(reader.rowCount)
            }
            logs.append(log)
        }
    }
}

/// The files of a study folder, read into memory: the required ones first, then the optional
/// ones present, each in the order given; their SHA-256 are computed on another thread from the
/// bytes read, unless the caller only checks the files.
struct StudySources {
    let files: [(name: String, contents: FileContents)]
    /// The files' SHA-256, in file order; nil when not `hashing`.
    private let hashes: BackgroundComputation<[String]?>

    /// Reads the files; `alongside`, given their contents in that order, runs on a thread of its
    /// own (work the caller needs soon, kept off its own core), while another computes the hashes
    /// when `hashing` — from the start: hashing, one file after the other, is the reading's
    /// longest chain (0.4 s for the 735 MB of 1,000,000 participants; counting adlb's sections,
    /// which it used to wait for, about 0.2 s), and starting it late made it end last, alone.
    init(directory: URL, required: [String], optional: [String], sizeLimit: InputSizeLimit, hashing: Bool,
         alongside: @escaping @Sendable ([FileContents]) -> Void = { _ in }) throws(TrialReportError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TrialReportError(.missingInput, at: SourceLocation(file: directory.path), Message.missingDirectory(directory.path))
        }
        let url = { (name: String) in directory.appendingPathComponent(name) }
        let missing = required.filter { !FileManager.default.fileExists(atPath: url($0).path) }
        guard missing.isEmpty else {
            throw TrialReportError(.missingInput, missing.map {
                Diagnostic(.error, at: SourceLocation(file: $0), Message.missingFile(in: directory.path))
            })
        }
        let present = required + optional.filter { FileManager.default.fileExists(atPath: url($0).path) }
        // Sizes of the files themselves (not of symbolic links to them); none may be a FIFO or a folder.
        var sizes: [(name: String, bytes: Int)] = []
        var unusable: [TrialReportError] = []
        for name in present {
            do {
                sizes.append((name, try FileContents.regularFileSize(url(name), name: name)))
            } catch {
                unusable.append(error)
            }
        }
        if let first = unusable.first {
            let kind = unusable.contains { $0.kind == .missingInput } ? TrialReportError.Kind.missingInput : first.kind
            throw TrialReportError(kind, unusable.flatMap(\.diagnostics))
        }
        try sizeLimit.check(sizes, in: directory)
        var files: [(name: String, contents: FileContents)] = []
        for name in present {
            files.append((name, try FileContents.reading(url(name), name: name)))
        }
        self.files = files
        let beside = BackgroundComputation { [files] in alongside(files.map(\.contents)) }
        hashes = BackgroundComputation { [files] in
            defer { beside.value() }
            return hashing ? files.map { Checksum.sha256ReleasingPages($0.contents) } : nil
        }
    }

    /// The files' bytes, with `inputs` (from `checkedInputs`, in file order) as their records and
    /// the row digests computed while they were read.
    func validatedBytes(_ inputs: [InputFile], rowDigests: [RowDigestSink] = []) -> ValidatedBytes {
        ValidatedBytes(files: Array(zip(inputs, files.map(\.contents))), rowDigests: rowDigests)
    }

    /// The files as analysed, once every file is read: their checksums, sizes and `rowCounts`
    /// (none when not hashing), with the problems of `logs` (one per file, in file order).
    /// - Throws: `TrialReportError` — `.invalidInput` with every problem when a log has an error
    ///   or when a file changed while it was read (the hashes and the tables came from the same
    ///   bytes; a mapped file written meanwhile would make them differ).
    func checkedInputs(logs: [DiagnosticLog], rowCounts: [Int]) throws(TrialReportError) -> (inputs: [InputFile], diagnostics: [Diagnostic]) {
        let checksums = hashes.value()
        for file in files { try file.contents.checkUnchanged() }
        let diagnostics = logs.flatMap(\.diagnostics)
        if logs.contains(where: \.hasErrors) { throw TrialReportError(.invalidInput, diagnostics) }
        let inputs = checksums.map { checksums in
            files.indices.map { index in
                InputFile(file: files[index].name, sha256: checksums[index], byteCount: files[index].contents.count, rowCount: rowCounts[index])
            }
        } ?? []
        return (inputs, diagnostics)
    }
}
