import Foundation
import TrialData

/// The records of an endpoint in its BDS dataset: for each participant the record of the parameter
/// at the visit (selected by the record flag when the plan names one) and the parameter's baseline.
struct EndpointRecords {
    /// The record analysed of each participant, or `-1`.
    private var record: [Int]
    /// Each participant's baseline: BASE of the record, else the AVAL of the baseline record (ABLFL = Y).
    private var baselineValue: [Double]
    private let table: BDSTable?
    private let measure: ModelEndpoint.Measure
    /// The offset of a log-scale analysis (`ModelEndpoint.logOffset`), or `nil`.
    private let logOffset: Double?
    /// The parameter's description (PARAM), or `""`.
    let parameterLabel: String
    /// The visit's label (AVISIT), or `""`.
    let visitLabel: String
    /// Participants with more than one record at the visit.
    private(set) var duplicates = 0

    /// The records of `endpoint` at `visit` (by default the endpoint's visit) in the first BDS dataset
    /// that has its parameter; with `observedOnly` (by default the endpoint's), records with a DTYPE
    /// (derived, e.g. LOCF) are left out.
    init(_ endpoint: ModelEndpoint, data: StudyData, visit: Double? = nil, observedOnly: Bool? = nil) {
        let visit = visit ?? endpoint.visit
        let observedOnly = observedOnly ?? endpoint.observedOnly
        let count = data.participants.count
        record = Array(repeating: -1, count: count)
        baselineValue = Array(repeating: .nan, count: count)
        measure = endpoint.measure
        logOffset = endpoint.logOffset
        let table = data.bdsTables.first { $0.parameterCodes.index(of: endpoint.parameter) != nil }
        self.table = table
        let index = table?.parameterCodes.index(of: endpoint.parameter)
        parameterLabel = index.map { table?.parameterLabels[$0] ?? "" } ?? ""
        visitLabel = table?.visits.first { $0.number == visit }?.label ?? ""
        guard let table, let parameter = index.map(Int32.init) else { return }
        let flag = endpoint.recordFlag.flatMap { table.analysisFlags[$0] }
        var duplicated: Set<Int> = []
        for row in 0..<table.count where table.parameter[row] == parameter {
            let participant = Int(table.participant[row])
            if table.isBaseline[row] { baselineValue[participant] = table.value[row] }
            guard table.visitNumber[row] == visit, flag?[row] ?? true,
                  !observedOnly || table.derivationType?[row] == nil else { continue }
            if record[participant] < 0 { record[participant] = row } else { duplicated.insert(participant) }
        }
        duplicates = duplicated.count
        if let base = table.base {
            for participant in 0..<count where record[participant] >= 0 { baselineValue[participant] = base[record[participant]] }
        }
    }

    /// The visits (AVISITN, ascending, with their AVISIT labels) at which `endpoint`'s parameter has a
    /// record the endpoint's record flag selects, in the first BDS dataset that has the parameter.
    /// - Complexity: O(records of the dataset).
    static func visits(of endpoint: ModelEndpoint, data: StudyData) -> [(number: Double, label: String)] {
        guard let table = data.bdsTables.first(where: { $0.parameterCodes.index(of: endpoint.parameter) != nil }),
              let parameter = table.parameterCodes.index(of: endpoint.parameter).map(Int32.init) else { return [] }
        let flag = endpoint.recordFlag.flatMap { table.analysisFlags[$0] }
        var numbers: Set<Double> = []
        for row in 0..<table.count where table.parameter[row] == parameter && (flag?[row] ?? true) && !table.visitNumber[row].isNaN {
            numbers.insert(table.visitNumber[row])
        }
        return table.visits.filter { numbers.contains($0.number) }
    }

    /// The variable modelled, as ADaM names it: AVAL, CHG or PCHG; `log(AVAL + c)` on the log scale.
    var responseName: String {
        let name = switch measure {
        case .value: "AVAL"
        case .change: "CHG"
        case .percentChange: "PCHG"
        }
        return Self.transformed(name, logOffset: logOffset)
    }

    /// `name`, or `log(name + c)` on the log scale (R's notation of the transformed variable).
    static func transformed(_ name: String, logOffset: Double?) -> String {
        logOffset.map { "log(\(name) + \(PlanNumber.text($0)))" } ?? name
    }

    /// The participant's baseline (log(baseline + c) on the log scale), NaN when none.
    func baseline(of participant: Int) -> Double {
        transform(baselineValue[participant])
    }

    /// log(`value` + c) on the log scale (NaN at or below −c), else `value`.
    private func transform(_ value: Double) -> Double {
        guard let logOffset else { return value }
        return value + logOffset > 0 ? Foundation.log(value + logOffset) : .nan
    }

    /// The value modelled for the participant: AVAL (log(AVAL + c) on the log scale), CHG (else
    /// AVAL − baseline) or PCHG (else the change over the baseline × 100); NaN without a record.
    func response(of participant: Int) -> Double {
        guard let table, record[participant] >= 0 else { return .nan }
        let row = record[participant]
        let value = table.value[row]
        switch measure {
        case .value:
            return transform(value)
        case .change:
            return table.change?[row] ?? value - baselineValue[participant]
        case .percentChange:
            return table.percentChange?[row] ?? (value - baselineValue[participant]) / baselineValue[participant] * 100
        }
    }
}
