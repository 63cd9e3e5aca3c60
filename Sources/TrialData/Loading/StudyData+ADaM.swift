import Foundation

extension StudyData {
    /// Reads and validates a study folder of CDISC ADaM datasets (CSV or SAS transport): the
    /// subject-level dataset and, when the layout names them, the adverse events and the Basic Data
    /// Structure datasets of measurements. The files' SHA-256 are computed from the same bytes on
    /// another thread when `hashing`; the bytes are kept (`validatedBytes`).
    /// - Throws: `TrialReportError` as `load(from:expecting:sizeLimit:)`.
    /// - Complexity: O(*n*) in the total size of the files.
    static func loadADaM(from directory: URL, layout: AdamLayout, expectations: StudyExpectations,
                         sizeLimit: InputSizeLimit, hashing: Bool) throws(TrialReportError) -> StudyData {
        let sources = try StudySources(directory: directory, required: layout.files, optional: [], sizeLimit: sizeLimit, hashing: hashing)
        let subjects = sources.files[0]
        var subjectLog = DiagnosticLog(file: subjects.name)
        let subjectTable = DataTableReader.read(subjects.contents, name: subjects.name, textColumns: layout.textVariables, &subjectLog)
        var participants = ParticipantTable(ids: StringTable(), arms: expectations.arms, arm: [], columns: [])
        var hasIdentifiers = false
        if let subjectTable {
            let reader = SubjectLevelReader(subjectTable, layout: layout, arms: expectations.arms, &subjectLog)
            participants = reader.table
            hasIdentifiers = reader.hasIdentifiers
        }
        var logs = [subjectLog]
        var rowCounts = [subjectTable?.rowCount ?? 0]
        var adverseEvents = AdverseEventTable()
        // The events file is read even when the subject-level one failed: its own problems are reported too.
        if layout.events != nil, let events = sources.files.dropFirst().first {
            var eventLog = DiagnosticLog(file: events.name)
            let eventTable = DataTableReader.read(events.contents, name: events.name, textColumns: ["USUBJID"], &eventLog)
            if let eventTable, hasIdentifiers {
                adverseEvents = OccurrenceReader(eventTable, layout: layout, participants: participants, &eventLog).table
            }
            logs.append(eventLog)
            rowCounts.append(eventTable?.rowCount ?? 0)
        }
        var bdsTables: [BDSTable] = []
        for file in sources.files.suffix(layout.measurements.count) {
            var log = DiagnosticLog(file: file.name)
            let table = DataTableReader.read(file.contents, name: file.name, textColumns: ["USUBJID", "PARAMCD"], &log)
            if let table, hasIdentifiers {
                bdsTables.append(BDSReader(table, participants: participants, subjects: layout.subjects, &log).table)
            }
            logs.append(log)
            rowCounts.append(table?.rowCount ?? 0)
        }
        let (inputs, diagnostics) = try sources.checkedInputs(logs: logs, rowCounts: rowCounts)
        return StudyData(participants: participants, measurements: MeasurementTable(), adverseEvents: adverseEvents,
                         insulinIndependence: InsulinIndependenceTable(), inputs: inputs, warnings: diagnostics, bdsTables: bdsTables,
                         validatedBytes: sources.validatedBytes(inputs))
    }
}
