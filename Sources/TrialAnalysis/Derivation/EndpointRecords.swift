import Foundation
import TrialData

/// The records of an endpoint: for each participant the value analysed at the visit (from the
/// record selected by the record flag when the plan names one) and the parameter's baseline, read
/// from a BDS dataset or from per-participant values (`EndpointRecordSource`).
struct EndpointRecords {
    /// Each participant's value modelled (see `response(of:)`), NaN without a record.
    private var responses: [Double]
    /// Each participant's baseline: BASE of the record, else the AVAL of the baseline record (ABLFL = Y).
    private var baselineValues: [Double]
    private let measure: ModelEndpoint.Measure
    /// The offset of a log-scale analysis (`ModelEndpoint.logOffset`), or `nil`.
    private let logOffset: Double?
    /// The parameter's description (PARAM), or `""`.
    let parameterLabel: String
    /// The visit's label (AVISIT), or `""`.
    let visitLabel: String
    /// Participants with more than one record at the visit.
    private(set) var duplicates = 0

    /// The records of `endpoint` at `visit` (by default the endpoint's visit) in the first of `datasets`
    /// that has its parameter, for participants `0..<participantCount`; with `observedOnly` (by default
    /// the endpoint's), records with a DTYPE (derived, e.g. LOCF) are left out.
    /// - Complexity: O(records of the dataset + participants).
    init(_ endpoint: ModelEndpoint, datasets: [BDSTable], participantCount count: Int, visit: Double? = nil,
         observedOnly: Bool? = nil) {
        self = Self.atVisits(endpoint, datasets: datasets, participantCount: count, visits: [visit ?? endpoint.visit],
                             observedOnly: observedOnly)[0]
    }

    /// The records of `endpoint` at each of `visits`, as `init(_:datasets:participantCount:visit:observedOnly:)`
    /// makes them one at a time, from one pass over the dataset.
    /// - Complexity: O(records of the dataset · distinct visits + participants · visits).
    static func atVisits(_ endpoint: ModelEndpoint, datasets: [BDSTable], participantCount count: Int, visits: [Double],
                         observedOnly: Bool? = nil) -> [EndpointRecords] {
        let observedOnly = observedOnly ?? endpoint.observedOnly
        let table = datasets.first { $0.parameterCodes.index(of: endpoint.parameter) != nil }
        let index = table?.parameterCodes.index(of: endpoint.parameter)
        let parameterLabel = index.map { table?.parameterLabels[$0] ?? "" } ?? ""
        let distinct = visits.reduce(into: [Double]()) { if !$0.contains($1) { $0.append($1) } }
        var baselines = [Double](repeating: .nan, count: count)
        var records = Array(repeating: [Int32](), count: distinct.count)
        var duplicated = Array(repeating: Set<Int>(), count: distinct.count)
        if let table, let parameter = index.map(Int32.init) {
            records = Array(repeating: [Int32](repeating: -1, count: count), count: distinct.count)
            let flag = endpoint.recordFlag.flatMap { table.analysisFlags[$0] }
            for row in 0..<table.count where table.parameter[row] == parameter {
                let participant = Int(table.participant[row])
                if table.isBaseline[row] { baselines[participant] = table.value[row] }
                guard let slot = distinct.firstIndex(of: table.visitNumber[row]), flag?[row] ?? true,
                      !observedOnly || table.derivationType?[row] == nil else { continue }
                if records[slot][participant] < 0 { records[slot][participant] = Int32(row) } else { duplicated[slot].insert(participant) }
            }
        }
        return visits.map { visit in
            let slot = distinct.firstIndex(of: visit)!
            return EndpointRecords(endpoint, table: table, records: records[slot], baselines: baselines, duplicates: duplicated[slot].count,
                                   parameterLabel: parameterLabel, visitLabel: table?.visits.first { $0.number == visit }?.label ?? "")
        }
    }

    /// The records of `endpoint` whose row in `table` at the visit is `records[participant]` (−1: none;
    /// no table: none at all), each participant's baseline being `baselines` unless its record has BASE.
    private init(_ endpoint: ModelEndpoint, table: BDSTable?, records: [Int32], baselines: [Double], duplicates: Int,
                 parameterLabel: String, visitLabel: String) {
        measure = endpoint.measure
        logOffset = endpoint.logOffset
        self.parameterLabel = parameterLabel
        self.visitLabel = visitLabel
        self.duplicates = duplicates
        baselineValues = baselines
        responses = Array(repeating: .nan, count: baselines.count)
        guard let table else { return }
        for participant in records.indices where records[participant] >= 0 {
            let row = Int(records[participant])
            if let base = table.base { baselineValues[participant] = base[row] }
            responses[participant] = response(value: table.value[row], baseline: baselineValues[participant],
                                              change: table.change?[row], percentChange: table.percentChange?[row])
        }
    }

    /// The records of `endpoint` from each participant's value at the visit and at baseline (NaN
    /// where there is none: no record), as a BDS dataset without BASE, CHG or PCHG gives them.
    /// - Complexity: O(participants).
    init(_ endpoint: ModelEndpoint, values: UnsafeBufferPointer<Double>, baselines: UnsafeBufferPointer<Double>,
         parameterLabel: String, visitLabel: String) {
        measure = endpoint.measure
        logOffset = endpoint.logOffset
        self.parameterLabel = parameterLabel
        self.visitLabel = visitLabel
        baselineValues = Array(baselines)
        responses = []
        responses = values.indices.map { participant in
            values[participant].isNaN ? .nan
                : response(value: values[participant], baseline: baselines[participant], change: nil, percentChange: nil)
        }
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
        transform(baselineValues[participant])
    }

    /// The value modelled for the participant: AVAL (log(AVAL + c) on the log scale), CHG (else
    /// AVAL − baseline) or PCHG (else the change over the baseline × 100); NaN without a record.
    func response(of participant: Int) -> Double {
        responses[participant]
    }

    /// The value modelled of a record: see `response(of:)`; `change` and `percentChange` are the
    /// record's CHG and PCHG when the dataset has them.
    private func response(value: Double, baseline: Double, change: Double?, percentChange: Double?) -> Double {
        switch measure {
        case .value:
            transform(value)
        case .change:
            change ?? value - baseline
        case .percentChange:
            percentChange ?? (value - baseline) / baseline * 100
        }
    }

    /// log(`value` + c) on the log scale (NaN at or below −c), else `value`.
    private func transform(_ value: Double) -> Double {
        guard let logOffset else { return value }
        return value + logOffset > 0 ? Foundation.log(value + logOffset) : .nan
    }
}
