import Foundation

/// A SAS transport file, version 5 (`.xpt`, the FDA's submission format; SAS technical note
/// TS-140), read directly from its bytes: every dataset (member) it holds, column by column.
///
/// The layout: 80-byte records; a library header (3 records); then per member a member header
/// (4 records), a NAMESTR header and one 140-byte descriptor per variable (padded to a record),
/// an OBS header and the observations, each the variables' bytes side by side, all run
/// together and padded with blanks to a record. The number of observations is not stored: it
/// is the observation bytes divided by the observation length, less any blank observations that
/// lie in the last record's padding (which the format cannot tell from blank data).
///
/// Problems are reported at the 80-byte record (as the line) and the byte within it (as the
/// column), naming the variable: a file that is not XPT, is version 8, is cut short, lacks a
/// header record, or has a NAMESTR with a bad type, length, name or position.
public struct TransportFile: Sendable {
    /// The datasets in file order (FDA submissions have one per file).
    public let datasets: [TransportDataset]

    /// Reads the file at `url`, mapped rather than copied when large (`FileContents`).
    /// - Parameter name: the file's name in diagnostics.
    /// - Throws: `TrialReportError` — `.invalidInput` with every problem found, `.other` when
    ///   the file cannot be read.
    public init(url: URL, name: String) throws(TrialReportError) {
        try self.init(contents: FileContents.reading(url, name: name), name: name)
    }

    /// Reads a transport file from its bytes. The pages of a mapped file are let go as its
    /// observations are decoded (`FileContents.releasePages`), so that the file is never all
    /// resident beside its columns; they come back from the page cache if read again.
    /// - Complexity: O(*n*) in the size of the file.
    public init(contents: FileContents, name: String) throws(TrialReportError) {
        try self.init(contents: contents, name: name, runs: .machine)
    }

    /// Reads a transport file from its bytes, each member's observations cut into `runs`.
    init(contents: FileContents, name: String, runs: TransportObservations.Runs) throws(TrialReportError) {
        let result = contents.withBytes { bytes in
            Result { () throws(TrialReportError) in try Self.read(bytes, name: name, runs: runs, release: contents.releasePages) }
        }
        datasets = try result.get()
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, name: String,
                             runs: TransportObservations.Runs,
                             release: @Sendable (Range<Int>) -> Int) throws(TrialReportError) -> [TransportDataset] {
        let records = TransportRecords(bytes, file: name)
        var problems: [Diagnostic] = []
        if records.isHeader(at: 0, named: "LIBV8") {
            throw TrialReportError(.invalidInput, at: records.location(0), Message.transportVersion8)
        }
        guard records.isHeader(at: 0, named: "LIBRARY") else {
            throw TrialReportError(.invalidInput, at: records.location(0), Message.transportNotXPT)
        }
        if records.bytes.count < bytes.count {
            problems.append(Diagnostic(at: records.location(records.bytes.count),
                                       Message.transportCutShort(bytes.count - records.bytes.count)))
        }
        var datasets: [TransportDataset] = []
        var offset = 3 * TransportRecords.length
        repeat {
            guard let member = MemberLayout(records, at: offset, &problems) else { break }
            if let dataset = TransportObservations.dataset(records, member, &problems, runs: runs, release: release) {
                datasets.append(dataset)
            }
            offset = member.observationEnd
        } while offset < records.bytes.count
        guard problems.isEmpty else { throw TrialReportError(.invalidInput, problems) }
        return datasets
    }
}

/// Where the parts of one member are: its name and label, its variables and the range of its
/// observation bytes.
struct MemberLayout {
    let name: String
    let label: String
    let variables: [Namestr]
    let observationLength: Int
    /// The observation bytes: from after the OBS header to the next member or the end.
    let observationStart: Int
    let observationEnd: Int

    /// The member whose header record is at `offset`, or `nil` with the problems in `problems`.
    init?(_ records: TransportRecords, at offset: Int, _ problems: inout [Diagnostic]) {
        let record = TransportRecords.length
        func expectHeader(_ name: String, at offset: Int) -> Bool {
            if records.isHeader(at: offset, named: name) { return true }
            let message = offset >= records.bytes.count
                ? Message.transportEndsBefore("the \(name) header record") : Message.transportMissingHeader(name)
            problems.append(Diagnostic(at: records.location(min(offset, max(records.bytes.count - record, 0))), message))
            return false
        }
        guard expectHeader("MEMBER", at: offset), expectHeader("DSCRPTR", at: offset + record) else { return nil }
        let namestrSize = records.decimal((offset + 74)..<(offset + 78)) ?? 0
        guard namestrSize == 140 || namestrSize == 136 else {
            problems.append(Diagnostic(at: records.location(offset + 74),
                                       Message.transportNamestrSize(records.text((offset + 74)..<(offset + 78)))))
            return nil
        }
        guard expectHeader("NAMESTR", at: offset + 4 * record) else { return nil }
        let descriptor = offset + 2 * record
        name = records.text((descriptor + 8)..<(descriptor + 16))
        label = records.text((descriptor + record + 32)..<(descriptor + record + 72))
        let countRange = (offset + 4 * record + 48)..<(offset + 4 * record + 58)
        guard let count = records.decimal(countRange) else {
            problems.append(Diagnostic(at: records.location(countRange.lowerBound),
                                       Message.transportVariableCount(records.text(countRange))))
            return nil
        }
        guard count > 0 else {
            problems.append(Diagnostic(at: records.location(countRange.lowerBound), Message.transportNoVariables))
            return nil
        }
        let namestrStart = offset + 5 * record
        let namestrEnd = namestrStart + (count * namestrSize + record - 1) / record * record
        guard namestrEnd <= records.bytes.count else {
            problems.append(Diagnostic(at: records.location(namestrStart), Message.transportEndsBefore("the last NAMESTR record")))
            return nil
        }
        guard let (variables, observationLength) = Namestr.all(records, at: namestrStart, count: count, size: namestrSize, &problems),
              expectHeader("OBS", at: namestrEnd) else { return nil }
        self.variables = variables
        self.observationLength = observationLength
        observationStart = namestrEnd + record
        var end = observationStart
        while end < records.bytes.count, !(records.isAnyHeader(at: end) && records.isHeader(at: end, named: "MEMBER")) {
            end += record
        }
        observationEnd = end
    }
}
