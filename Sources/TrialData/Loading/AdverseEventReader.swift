/// Reads adae.csv into an `AdverseEventTable`, checking every row.
///
/// Checks: required columns; USUBJID in adsl.csv; AEDECOD and AEBODSYS present; AESEV one of
/// `MILD`, `MODERATE`, `SEVERE`; AESER `Y` or `N`; AEREL `Y`, `N` or missing; AESTDY numeric
/// (negative study days, before the first dose, are valid). The columns present are checked
/// even when a required one is missing.
struct AdverseEventReader {
    static let required = ["USUBJID", "AEDECOD", "AEBODSYS", "AESEV", "AESER"]
    static let optional = ["AESTDY", "AEREL"]
    private static let severities: KeyValuePairs<StaticString, AdverseEventSeverity> =
        ["MILD": .mild, "MODERATE": .moderate, "SEVERE": .severe]
    private static let yesNo: KeyValuePairs<StaticString, Bool> = ["Y": true, "N": false]

    private(set) var table = AdverseEventTable()
    private(set) var rowCount = 0

    init(_ file: CSVFile, participants: ParticipantLookup, _ log: inout DiagnosticLog) {
        let columns = ColumnLayout(file, required: Self.required, optional: Self.optional, &log)
        guard columns.checksRows else { return }
        let layout = (id: columns["USUBJID"], term: columns["AEDECOD"], bodySystem: columns["AEBODSYS"],
                      severity: columns["AESEV"], serious: columns["AESER"], day: columns["AESTDY"],
                      related: columns["AEREL"])
        var table = AdverseEventTable()
        // Terms and body systems repeat: each is found among those met last, without a look-up.
        var recentTerms = RecentStrings(), recentBodySystems = RecentStrings()
        // Study days repeat too: a day read before is found by its bytes.
        let dayCache = DecimalCache()
        // The fast path takes a plain record whose every check passes, and leaves any other to
        // the checked path, having changed nothing that path would not find the same.
        let plainColumns = columns.hasRequiredColumns ? layout : nil
        (rowCount, _) = participants.withMatcher { participants in
            file.forEachRecord(in: file.allRecords, &log, plain: { record in
                guard let columns = plainColumns, let id = columns.id, let term = columns.term, let bodySystem = columns.bodySystem,
                      let severityColumn = columns.severity, let seriousColumn = columns.serious,
                      !record.isMissing(term), !record.isMissing(bodySystem),
                      // A missing id is no participant's (adsl's ids have values).
                      let participant = participants.knownParticipant(record.value(id)),
                      let severity = CSVRecord.code(record.value(severityColumn), in: Self.severities),
                      let serious = CSVRecord.code(record.value(seriousColumn), in: Self.yesNo) else { return false }
                var day = Double.nan
                if let dayColumn = columns.day, !record.isMissing(dayColumn) {
                    guard let number = record.number(dayColumn, cache: dayCache) else { return false }
                    day = number
                }
                var related: Bool?
                if let relatedColumn = columns.related, !record.isMissing(relatedColumn) {
                    guard let code = CSVRecord.code(record.value(relatedColumn), in: Self.yesNo) else { return false }
                    related = code
                }
                table.append(participant: participant, term: record.value(term), bodySystem: record.value(bodySystem),
                             severity: severity, serious: serious, studyDay: day, related: related,
                             recent: &recentTerms, &recentBodySystems)
                return true
            }) { record, log in
                guard !record.isDamaged else { return }
                var isValid = true
                let participant = participants.participant(in: record, at: layout.id, &log, &isValid)
                let hasTerm = record.hasValue(layout.term, "AEDECOD", &log, &isValid)
                let hasBodySystem = record.hasValue(layout.bodySystem, "AEBODSYS", &log, &isValid)
                let severity = record.code(layout.severity, "AESEV", Self.severities, &log, &isValid)
                let serious = record.code(layout.serious, "AESER", Self.yesNo, &log, &isValid)
                let day = record.number(layout.day, "AESTDY", &log, &isValid, allowsNegative: true)
                let related = record.code(layout.related, "AEREL", Self.yesNo, &log, &isValid, isRequired: false)
                guard isValid, hasTerm, hasBodySystem, let participant, let severity, let serious,
                      let term = layout.term, let bodySystem = layout.bodySystem else { return }
                record.withValueBytes(term) { term in
                    record.withValueBytes(bodySystem) { bodySystem in
                        table.append(participant: participant, term: term, bodySystem: bodySystem, severity: severity,
                                     serious: serious, studyDay: day, related: related, recent: &recentTerms, &recentBodySystems)
                    }
                }
            }
        }
        self.table = table
    }
}

extension AdverseEventTable {
    /// Adds one event; its term and body system are added to `terms` and `bodySystems` unless there
    /// (found first among those met last: `recentTerms`, `recentBodySystems`).
    @inline(__always)
    mutating func append(participant: Int32, term: UnsafeBufferPointer<UInt8>, bodySystem: UnsafeBufferPointer<UInt8>,
                         severity: AdverseEventSeverity, serious: Bool, studyDay: Double, related: Bool?,
                         recent recentTerms: inout RecentStrings, _ recentBodySystems: inout RecentStrings) {
        self.participant.append(participant)
        self.term.append(Int32(recentTerms.insert(term, into: &terms)))
        self.bodySystem.append(Int32(recentBodySystems.insert(bodySystem, into: &bodySystems)))
        self.severity.append(severity)
        self.serious.append(serious)
        self.studyDay.append(studyDay)
        self.related.append(related)
    }
}

/// Reads adii.csv into an `InsulinIndependenceTable`, checking every row.
///
/// Checks: required columns; USUBJID in adsl.csv; STARTMO present, numeric, not negative;
/// ENDMO numeric, not negative and not before STARTMO (missing = still insulin-free). The
/// columns present are checked even when a required one is missing.
struct InsulinIndependenceReader {
    static let required = ["USUBJID", "STARTMO", "ENDMO"]

    private(set) var table = InsulinIndependenceTable()
    private(set) var rowCount = 0

    init(_ file: CSVFile, participants: ParticipantLookup, _ log: inout DiagnosticLog) {
        let columns = ColumnLayout(file, required: Self.required, &log)
        guard columns.checksRows else { return }
        let layout = (id: columns["USUBJID"], start: columns["STARTMO"], end: columns["ENDMO"])
        let hasEveryColumn = columns.hasRequiredColumns
        rowCount = participants.withMatcher { participants in
            file.forEachRecord(&log) { record, log in
                guard !record.isDamaged else { return }
                var isValid = true
                let participant = participants.participant(in: record, at: layout.id, &log, &isValid)
                let start = record.number(layout.start, "STARTMO", &log, &isValid, isRequired: true)
                let end = record.number(layout.end, "ENDMO", &log, &isValid)
                // Both numbers, so both columns are present.
                if end < start, let endColumn = layout.end, let startColumn = layout.start {
                    let message = Message.episodeEndsBeforeStart(end: record.text(endColumn), start: record.text(startColumn))
                    record.report(endColumn, message, &log, &isValid)
                }
                guard isValid, let participant, hasEveryColumn else { return }
                table.participant.append(participant)
                table.startMonth.append(start)
                table.endMonth.append(end)
            }
        }
    }
}
