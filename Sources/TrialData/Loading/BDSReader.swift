/// Reads an ADaM Basic Data Structure dataset (ADLB, ADQS…) into a `BDSTable`.
///
/// Checks: USUBJID, PARAMCD, AVAL and AVISITN exist; AVAL and AVISITN are numeric; USUBJID in
/// ADSL; PARAMCD present; ABLFL and each ANLzzFL `Y` or blank (`N` accepted); at most one
/// baseline record per participant and parameter. BASE, CHG and PCHG, when present, are compared
/// with the values they derive from: BASE with the AVAL of the ABLFL record, CHG with AVAL − BASE,
/// PCHG with CHG / BASE × 100; a disagreement beyond rounding is one warning per variable at its
/// first record, with the count. A missing variable does not stop the checks of the others.
struct BDSReader {
    /// Relative disagreement beyond which a derived value is reported: well above the rounding
    /// of a stored double, well below any displayed digit.
    static let tolerance = 1e-6

    private(set) var table: BDSTable

    init(_ data: DataTable, participants: ParticipantTable, subjects: String, _ log: inout DiagnosticLog) {
        table = BDSTable(file: data.file)
        let required = ["USUBJID", "PARAMCD", "AVAL", "AVISITN"]
        let optional = ["PARAM", "AVALU", "AVISIT", "ABLFL", "BASE", "CHG", "PCHG", "ATPTN", "DTYPE"]
        let names = data.columns.map(\.name).filter { !required.contains($0) && !optional.contains($0) }
        for name in required where data.columnIndex(named: name) == nil {
            log.add(.error, data.headerLocation, Message.missingVariable(name, suggestion: ClosestKey.suggestion(for: name, among: names)))
        }
        var problems: [(row: Int, column: Int, message: String)] = []
        func numbers(_ name: String) -> [Double]? {
            guard let index = data.columnIndex(named: name) else { return nil }
            guard let numbers = data.columns[index].numbers else {
                log.add(.error, data.headerLocation, Message.notNumericVariable(name))
                return nil
            }
            return numbers
        }
        let id = data.columnIndex(named: "USUBJID"), code = data.columnIndex(named: "PARAMCD")
        let value = numbers("AVAL"), visit = numbers("AVISITN")
        let label = data.column(named: "PARAM"), unit = data.column(named: "AVALU"), visitLabel = data.column(named: "AVISIT")
        table.base = numbers("BASE")
        table.change = numbers("CHG")
        table.percentChange = numbers("PCHG")
        table.timePoint = numbers("ATPTN")
        let derivation = data.column(named: "DTYPE")
        let flagColumns = data.columns.indices.filter { index in
            let name = data.columns[index].name
            return name == "ABLFL" || (name.hasPrefix("ANL") && name.hasSuffix("FL") && name.count == 7)
        }
        guard let id, let code, let value, let visit else {
            log.addErrors(problems, locate: { data.locations(of: $0.map { ($0.row, $0.column) }) }, message: \.message)
            return
        }
        var flags = [String: [Bool]]()
        for column in flagColumns {
            let name = data.columns[column].name
            let (codes, levels) = data.columns[column].codedTexts
            let isValid = levels.map { $0 == "Y" || $0 == "N" }, isYes = levels.map { $0 == "Y" }
            flags[name] = codes.enumerated().map { row, level in
                guard level >= 0 else { return false }
                if !isValid[Int(level)] {
                    problems.append((row, column, Message.notOneOf(name, levels[Int(level)], allowed: ["Y", "N"], orBlank: true)))
                }
                return isYes[Int(level)]
            }
        }
        // USUBJID and PARAMCD are looked up once per distinct value, not per record.
        let (subjectCodes, subjectLevels) = data.columns[id].codedTexts
        let participantOfLevel = subjectLevels.map { participants.index(of: $0) }
        let (parameterCodeOfRow, parameterLevels) = data.columns[code].codedTexts
        var parameterOfLevel = [Int?](repeating: nil, count: parameterLevels.count)
        let baselineFlags = flags["ABLFL"]
        var visitLabels: [Double: String] = [:]
        var lastVisit = Double.nan
        // The first visits met (a dataset usually has a handful), compared before the dictionary is
        // asked: sorted records change visit at nearly every record.
        var firstVisits: [Double] = []
        // One baseline per participant and parameter, or per time point within a visit (ATPTN) when timed.
        // The columns and the table of baselines are sized once (growing them copied each several times).
        var baselineRecord = BaselineRecords(capacity: baselineFlags?.lazy.filter { $0 }.count ?? 0,
                                             participantCount: participants.count)
        // AVISITN, AVAL and ABLFL are the dataset's columns themselves (every record is kept, or
        // none when one has a problem): only the participants and parameters are coded here.
        table.participant.reserveCapacity(data.rowCount)
        table.parameter.reserveCapacity(data.rowCount)
        for row in 0..<data.rowCount {
            let subjectLevel = Int(subjectCodes[row])
            guard subjectLevel >= 0 else {
                problems.append((row, id, Message.missingValue("USUBJID")))
                continue
            }
            guard let participant = participantOfLevel[subjectLevel] else {
                problems.append((row, id, Message.unknownParticipant(subjectLevels[subjectLevel], subjects: subjects)))
                continue
            }
            let parameterLevel = Int(parameterCodeOfRow[row])
            guard parameterLevel >= 0 else {
                problems.append((row, code, Message.missingValue("PARAMCD")))
                continue
            }
            let parameter: Int
            if let known = parameterOfLevel[parameterLevel] {
                parameter = known
            } else {
                parameter = table.parameterCodes.insert(parameterLevels[parameterLevel]).index
                parameterOfLevel[parameterLevel] = parameter
                let description = label?.text(at: row) ?? ""
                table.parameterLabels.append(description)
                table.units.append(unit?.text(at: row) ?? Self.unit(inParameter: description))
            }
            let isBaseline = baselineFlags?[row] ?? false
            if isBaseline {
                if let first = baselineRecord.insert(participant: Int32(participant), parameter: Int32(parameter),
                                                     timePoint: Self.timePoint(table, row), row: row) {
                    problems.append((row, flagColumns.first { data.columns[$0].name == "ABLFL" } ?? code,
                                     Message.secondBaseline(parameterLevels[parameterLevel], subjectLevels[subjectLevel],
                                                            firstRecord: first + 1)))
                }
            }
            // A visit's label is its first record's: asked of the dictionary only when the visit changes.
            if !visit[row].isNaN, visit[row] != lastVisit {
                lastVisit = visit[row]
                if !firstVisits.contains(lastVisit) {
                    if visitLabels[lastVisit] == nil { visitLabels[lastVisit] = visitLabel?.text(at: row) ?? "" }
                    if firstVisits.count < 16 { firstVisits.append(lastVisit) }
                }
            }
            table.participant.append(Int32(participant))
            table.parameter.append(Int32(parameter))
        }
        log.addErrors(problems, locate: { data.locations(of: $0.map { ($0.row, $0.column) }) }, message: \.message)
        guard problems.isEmpty else {
            table.participant = []
            table.parameter = []
            return
        }
        table.visitNumber = visit
        table.value = value
        table.isBaseline = baselineFlags ?? Array(repeating: false, count: data.rowCount)
        table.analysisFlags = flags.filter { $0.key != "ABLFL" }
        table.derivationType = derivation.map { column in
            let (codes, levels) = column.codedTexts
            return codes.map { $0 < 0 ? nil : levels[Int($0)] }
        }
        table.visits = visitLabels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        Self.checkDerivedValues(table, data, baselineRecord, &log)
    }

    /// The ATPTN of `row`, or `nil` when the table has none or the record is not timed.
    static func timePoint(_ table: BDSTable, _ row: Int) -> Double? {
        guard let value = table.timePoint?[row], !value.isNaN else { return nil }
        return value
    }

    /// The unit in brackets at the end of a PARAM ("Sodium (mmol/L)" → "mmol/L"), or `""`.
    static func unit(inParameter description: String) -> String {
        guard description.hasSuffix(")"), let open = description.lastIndex(of: "(") else { return "" }
        return String(description[description.index(after: open)..<description.index(before: description.endIndex)])
    }

    /// BASE against the baseline record's AVAL, CHG against AVAL − BASE, PCHG against CHG / BASE × 100:
    /// one warning per variable that disagrees anywhere, at its first such record.
    /// - Complexity: O(*n*): one pass over the records, the baseline looked up once per run of
    ///   records of one participant, parameter and time point (the rows usually follow each other so).
    private static func checkDerivedValues(_ table: BDSTable, _ data: DataTable, _ baselineRecord: BaselineRecords,
                                           _ log: inout DiagnosticLog) {
        guard let base = table.base else { return }
        let change = table.change, percent = change == nil ? nil : table.percentChange
        let (participants, parameters, values) = (table.participant, table.parameter, table.value)
        var baseDisagreements = DerivedValueDisagreements(), changeDisagreements = DerivedValueDisagreements()
        var percentDisagreements = DerivedValueDisagreements()
        var lastKey: (participant: Int32, parameter: Int32, timePoint: Double?)?, lastBaseline: Int?
        for row in 0..<table.count {
            let key = (participant: participants[row], parameter: parameters[row], timePoint: Self.timePoint(table, row))
            if lastKey.map({ $0 != key }) ?? true {
                (lastKey, lastBaseline) = (key, baselineRecord.row(participant: key.participant, parameter: key.parameter,
                                                                   timePoint: key.timePoint))
            }
            if let baseline = lastBaseline { baseDisagreements.check(row, stated: base[row], derived: values[baseline]) }
            guard let change else { continue }
            changeDisagreements.check(row, stated: change[row], derived: values[row] - base[row])
            if let percent, base[row] != 0 {
                percentDisagreements.check(row, stated: percent[row], derived: change[row] / base[row] * 100)
            }
        }
        for (name, expected, disagreements) in [("BASE", "the AVAL of the baseline record (ABLFL = Y)", baseDisagreements),
                                                ("CHG", "AVAL − BASE", changeDisagreements),
                                                ("PCHG", "CHG / BASE × 100", percentDisagreements)] {
            guard let first = disagreements.first, let column = data.columnIndex(named: name) else { continue }
            log.add(.warning, data.locations(of: [(first, column)])[0],
                    Message.derivedValueDisagrees(name, expected: expected, count: disagreements.count))
        }
    }
}

/// The records whose stated derived value (BASE, CHG or PCHG) disagrees with the value derived
/// from the others beyond rounding (`BDSReader.tolerance`, relative): how many, and the first.
private struct DerivedValueDisagreements {
    private(set) var count = 0
    private(set) var first: Int?

    /// Counts `row` when both values are present and differ by more than the tolerance.
    mutating func check(_ row: Int, stated: Double, derived: Double) {
        guard !stated.isNaN, !derived.isNaN, abs(stated - derived) > BDSReader.tolerance * max(1, abs(derived)) else { return }
        count += 1
        if first == nil { first = row }
    }
}
