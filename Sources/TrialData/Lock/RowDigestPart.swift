/// A part of a study file whose row digests (`RowDigests`) can be computed on its own: a run of
/// a CSV file's records (`CSVFile.sections`), or a SAS transport file's observations.
struct RowDigestPart: Sendable {
    private enum Source: Sendable {
        case csv(CSVFile, CSVFileSection, keyIndex: Int, columnSeeds: [UInt64])
        case transport(FileContents, keyColumn: String)
    }

    private let file: String
    private let source: Source

    /// The parts of a file: up to `count` sections of a CSV file (`CSVFile.sections`; one for a
    /// file under twice `minimumSectionSize` bytes), or a transport file (by its extension,
    /// `.xpt`) as one.
    /// - Returns: the parts, or why the file's rows cannot be compared (it has no `keyColumn`).
    static func parts(of bytes: FileContents, file: String, keyColumn: String, count: Int,
                      minimumSectionSize: Int = 1 << 24) -> Result<[RowDigestPart], RowDigestProblem> {
        if file.lowercased().hasSuffix(".xpt") {
            return .success([RowDigestPart(file: file, source: .transport(bytes, keyColumn: keyColumn))])
        }
        let csv = CSVFile(name: file, contents: bytes)
        guard let keyIndex = csv.header.firstIndex(of: keyColumn) else { return .failure(.missingColumn(keyColumn)) }
        let seeds = csv.header.map(RowHash.seed(ofColumn:))
        return .success(csv.sections(count: count, minimumSectionSize: minimumSectionSize).map {
            RowDigestPart(file: file, source: .csv(csv, $0, keyIndex: keyIndex, columnSeeds: seeds))
        })
    }

    /// The digests of the part's rows kept by the participants of `known` (`KeyedRowDigests`;
    /// with an empty table, by the part's own ids); those of a transport file that cannot be
    /// read: none.
    func digests(keyedBy known: StringTable) -> Result<KeyedRowDigests, RowDigestProblem> {
        var table = KeyedRowDigests(file: file, keyColumn: keyColumn, known: known)
        return forEachRow { table.add($0, digest: $1, line: $2) }.map { table }
    }

    /// The name of the key column.
    private var keyColumn: String {
        switch source {
        case .csv(let csv, _, let keyIndex, _): csv.header[keyIndex]
        case .transport(_, let keyColumn): keyColumn
        }
    }

    /// Calls `body` with each row's key, digest and line (for a transport file, 80-byte record).
    /// - Returns: why a transport file's rows cannot be read, if they cannot.
    private func forEachRow(_ body: (UnsafeBufferPointer<UInt8>, UInt64, Int) -> Void) -> Result<Void, RowDigestProblem> {
        switch source {
        case .csv(let csv, let section, let keyIndex, let seeds):
            Self.forEachRow(csv, section, keyIndex: keyIndex, seeds: seeds, body)
            return .success(())
        case .transport(let bytes, let keyColumn):
            return bytes.withBytes { Self.forEachTransportRow($0, file: file, keyColumn: keyColumn, body) }
        }
    }

    /// Calls `body` with each row's key (empty when the row has no such field), digest and line.
    private static func forEachRow(_ csv: CSVFile, _ section: CSVFileSection, keyIndex: Int, seeds: [UInt64],
                                   _ body: (UnsafeBufferPointer<UInt8>, UInt64, Int) -> Void) {
        var sum: UInt64 = 0
        seeds.withUnsafeBufferPointer { seeds in
            csv.forEachField(in: section, keyColumn: keyIndex, { column, value in
                if column < seeds.count { sum &+= RowHash.hash(value, seed: seeds[column]) }
            }, recordEnd: { key, line in
                body(key, RowHash.mix(sum), line)
                sum = 0
            })
        }
    }

    private static func forEachTransportRow(_ bytes: UnsafeBufferPointer<UInt8>, file: String, keyColumn: String,
                                            _ body: (UnsafeBufferPointer<UInt8>, UInt64, Int) -> Void) -> Result<Void, RowDigestProblem> {
        let records = TransportRecords(bytes, file: file)
        var problems: [Diagnostic] = []
        guard records.isHeader(at: 0, named: "LIBRARY"),
              let member = MemberLayout(records, at: 3 * TransportRecords.length, &problems),
              let rowCount = TransportObservations.rowCount(records, member, &problems) else {
            return .failure(RowDigestProblem(message: "its rows cannot be compared: "
                                             + (problems.first?.message ?? "it is not a SAS transport file")))
        }
        guard let key = member.variables.first(where: { $0.name == keyColumn }) else { return .failure(.missingColumn(keyColumn)) }
        let seeds = member.variables.map { RowHash.seed(ofColumn: $0.name) }
        let length = member.observationLength
        for row in 0..<rowCount {
            let start = member.observationStart + row * length
            var sum: UInt64 = 0
            for (variable, seed) in zip(member.variables, seeds) {
                sum &+= RowHash.hash(UnsafeBufferPointer(rebasing: bytes[(start + variable.position)..<(start + variable.position + variable.length)]),
                                     seed: seed)
            }
            let id = TransportText.trimmed(UnsafeBufferPointer(rebasing: bytes[(start + key.position)..<(start + key.position + key.length)]))
            let line = TransportRecords.location(file, offset: start + key.position).line ?? 0
            TransportText.withUTF8(id) { body($0, RowHash.mix(sum), line) }
        }
        return .success(())
    }
}

extension RowDigestProblem {
    /// The file has no key column.
    static func missingColumn(_ name: String) -> RowDigestProblem {
        RowDigestProblem(message: "its rows cannot be compared: column \(name) is missing")
    }
}
