/// The data of a repeated-measures model, checked and reduced: each participant's responses
/// over the visits (missing visits allowed), participant-level variables, and the fixed-effect
/// design with R's column names, where the visit is a factor that terms may use
/// (`TRT * VISIT + BASE * VISIT` is `TRT`, `VISIT`, `BASE`, `TRT:VISIT`, `VISIT:BASE`).
///
/// Every variable other than the visit is constant within a participant, so the design row of
/// participant i at visit j is a selection from a short participant vector wᵢ (1, arm
/// indicators, baseline, …). The frame keeps, per pattern of observed visits, the sums
/// Σwᵢwᵢᵀ, Σwᵢyᵢₖ and Σyᵢⱼyᵢₖ: a likelihood evaluation then costs O(patterns·T²·q² + T²·p²),
/// independent of the number of participants.
///
/// ```swift
/// let frame = try RepeatedMeasuresFrame(
///     responses: [week8, week16, week24],            // [visit][participant], NaN = missing
///     visits: ["Week 8", "Week 16", "Week 24"],
///     variables: ["TRT": .factor(arm, levels: ["0", "54", "81"]), "BASE": .numeric(baseline)],
///     terms: [ModelTerm("TRT"), ModelTerm("VISIT"), ModelTerm("BASE"),
///             ModelTerm("TRT", "VISIT"), ModelTerm("VISIT", "BASE")])
/// ```
public struct RepeatedMeasuresFrame: Sendable {
    /// The visits in order; the first is the reference level of the visit factor.
    public let visits: [String]
    /// The name terms use for the visit factor.
    public let visitVariable: String
    /// The terms in R's order (by degree).
    public let terms: [ModelTerm]
    /// R's names of the design columns: "(Intercept)", "TRT54", "VISITWeek 16", "TRT54:VISITWeek 16", …
    public let columnNames: [String]
    /// Each factor's levels present (the visit's included), reference first.
    public let factorLevels: [String: [String]]
    /// The participants analysed: at least one observed visit and no missing variable.
    public let participantCount: Int
    /// The observed (participant, visit) responses analysed.
    public let observationCount: Int
    /// Participants left out for a missing variable or no observed visit.
    public let droppedParticipantCount: Int
    /// The participant-level variables on the analysed participants.
    let participants: ModelFrame
    /// How many visits each analysed participant has observed (their rows in the model).
    let observedVisitCounts: [Double]
    /// How each design column is made.
    let columns: [DesignColumn]
    /// Each column's visit level, `nil` when the column applies at every visit.
    let columnVisit: [Int?]
    /// Each column's participant part: its index into w.
    let columnPart: [Int]
    /// The length q of the participant vectors w.
    let partCount: Int
    /// The sufficient statistics of each pattern of observed visits.
    let patterns: [VisitPattern]

    /// The number of visits T.
    public var visitCount: Int { visits.count }

    /// Checks the data, drops participants with a missing variable or no observed visit, and
    /// gathers the sums the likelihood needs.
    /// - Parameters:
    ///   - responses: `responses[j][i]` is participant i's response at visit j (NaN = missing).
    ///   - visits: the visit labels in order, one per row of `responses`.
    ///   - variables: participant-level variables, one value per participant.
    ///   - terms: the fixed effects; `visitVariable` names the visit factor in them.
    /// - Throws: ``MixedModelError`` for a malformed frame (see its cases), or a
    ///   ``LinearModelError`` about the variables, wrapped.
    /// - Complexity: O(n·(q² + T·q + T²)) for n participants.
    public init(
        responses: [[Double]], visits: [String], variables: [String: ModelVariable], terms: [ModelTerm],
        visitVariable: String = "VISIT"
    ) throws(MixedModelError) {
        guard !visits.isEmpty, responses.count == visits.count else {
            throw .visitCount(responses: responses.count, visits: visits.count)
        }
        guard Set(visits).count == visits.count else { throw .repeatedVisit }
        guard visits.count <= 20 else { throw .tooManyVisits(visits.count) }
        guard variables[visitVariable] == nil else { throw .visitVariableGiven(visitVariable) }
        let n = responses[0].count
        for row in responses where row.count != n {
            throw .model(.lengthMismatch(variable: visitVariable, count: row.count, expected: n))
        }
        guard terms.contains(where: { $0.variables.contains(visitVariable) }) else { throw .noVisitTerm(visitVariable) }

        let participantNames = Array(Set(terms.flatMap(\.variables)).subtracting([visitVariable])).sorted()
        let anyObserved = responses.withBuffers { visits in (0..<n).map { i in visits.contains { $0[i].isFinite } ? 0.0 : .nan } }
        let participants: ModelFrame
        do {
            participants = try ModelFrame(
                response: anyObserved, variables: variables, terms: participantNames.map { ModelTerm($0) })
        } catch { throw .model(error) }
        let kept = participants.completeRows

        let ordered = ModelFrame.ordered(terms)
        var levels = participants.factorLevels
        levels[visitVariable] = visits
        let columns = ModelFrame.designColumns(ordered, levels: levels)
        var partIndex: [String: Int] = [:]
        var parts: [DesignColumn] = []
        var columnVisit: [Int?] = []
        var columnPart: [Int] = []
        for column in columns {
            columnVisit.append(column.levels.first { $0.variable == visitVariable }?.level)
            let part = DesignColumn(
                levels: column.levels.filter { $0.variable != visitVariable }, numerics: column.numerics, term: nil)
            let key = part.levels.map { "\($0.variable)=\($0.level)" }.joined(separator: ",") + "|"
                + part.numerics.joined(separator: ",")
            if partIndex[key] == nil {
                partIndex[key] = parts.count
                parts.append(part)
            }
            columnPart.append(partIndex[key]!)
        }
        let w = parts.map { part in Self.values(of: part, in: participants) }

        self.visits = visits
        self.visitVariable = visitVariable
        self.terms = ordered
        columnNames = columns.map { ModelFrame.name(of: $0, levels: levels, variablesOf: ordered) }
        factorLevels = levels
        self.participants = participants
        self.columns = columns
        self.columnVisit = columnVisit
        self.columnPart = columnPart
        partCount = parts.count
        let gathered = VisitPattern.gather(responses: responses, rows: kept, parts: w)
        patterns = gathered.patterns
        observedVisitCounts = gathered.masks.map { Double($0.nonzeroBitCount) }
        participantCount = kept.count
        observationCount = gathered.masks.reduce(0) { $0 + $1.nonzeroBitCount }
        droppedParticipantCount = n - kept.count
        for (visit, label) in visits.enumerated() where !patterns.contains(where: { $0.visits.contains(visit) }) {
            throw .visitWithoutObservations(label)
        }
    }

    /// A participant-level column's values on the analysed participants.
    private static func values(of part: DesignColumn, in frame: ModelFrame) -> [Double] {
        var values = [Double](repeating: 1, count: frame.observationCount)
        for (variable, level) in part.levels {
            let codes = frame.factorCodes[variable]!
            for row in values.indices where codes[row] != level { values[row] = 0 }
        }
        for name in part.numerics {
            let numbers = frame.numericValues[name]!
            for row in values.indices { values[row] *= numbers[row] }
        }
        return values
    }

    /// Whether design column `column` applies at visit `visit`.
    @inline(__always)
    func applies(_ column: Int, at visit: Int) -> Bool {
        columnVisit[column].map { $0 == visit } ?? true
    }

    /// The design row at visit `visit` and a point of the participant-level variables.
    func designRow(visit: Int, levelOf: (String) -> Int, numericValue: (String) -> Double) -> [Double] {
        columns.map { column in
            column.value(levelOf: { $0 == visitVariable ? visit : levelOf($0) }, numericValue: numericValue)
        }
    }
}

/// The participants who share one pattern of observed visits, summarised.
struct VisitPattern: Sendable {
    /// The observed visits (indices into the frame's visits), ascending.
    let visits: [Int]
    /// The number of participants.
    var count: Int
    /// Σ wᵢwᵢᵀ, row-major q × q.
    var crossProducts: [Double]
    /// Σ wᵢ yᵢₖ for each observed visit k (in `visits` order), row-major m × q.
    var responseProducts: [Double]
    /// Σ yᵢⱼ yᵢₖ, row-major m × m over the observed visits.
    var responseCrossProducts: [Double]

    /// The patterns of `rows` (participants) in order of first appearance, and each row's observed visits (bit j for visit j).
    ///
    /// Two passes: the first finds each row's pattern (most rows share the one before), the second
    /// adds each row to its pattern's sums, in the rows' order, reading the columns through their
    /// buffers (no reference count or copy check per value).
    static func gather(
        responses: [[Double]], rows: [Int], parts w: [[Double]]
    ) -> (patterns: [VisitPattern], masks: [Int]) {
        let q = w.count, t = responses.count
        return responses.withBuffers { responses in
            w.withBuffers { w in
                var index: [Int: Int] = [:]
                var patterns: [VisitPattern] = []
                var masks = [Int](repeating: 0, count: rows.count), patternOfRow = [Int32](repeating: 0, count: rows.count)
                var last = (mask: -1, pattern: 0)
                for (position, row) in rows.enumerated() {
                    var mask = 0
                    for j in 0..<t where responses[j][row].isFinite { mask |= 1 << j }
                    masks[position] = mask
                    if mask != last.mask {
                        if let known = index[mask] {
                            last = (mask, known)
                        } else {
                            last = (mask, patterns.count)
                            index[mask] = patterns.count
                            let m = mask.nonzeroBitCount
                            patterns.append(VisitPattern(
                                visits: (0..<t).filter { mask & (1 << $0) != 0 }, count: 0,
                                crossProducts: [Double](repeating: 0, count: q * q),
                                responseProducts: [Double](repeating: 0, count: m * q),
                                responseCrossProducts: [Double](repeating: 0, count: m * m)))
                        }
                    }
                    patternOfRow[position] = Int32(last.pattern)
                }
                var vector = [Double](repeating: 0, count: q), observed = [Double](repeating: 0, count: t)
                patterns.withUnsafeMutableBufferPointer { patterns in
                    vector.withUnsafeMutableBufferPointer { vector in
                        observed.withUnsafeMutableBufferPointer { observed in
                            for (position, row) in rows.enumerated() {
                                var m = 0
                                for j in 0..<t where responses[j][row].isFinite {
                                    observed[m] = responses[j][row]
                                    m += 1
                                }
                                for a in 0..<q { vector[a] = w[a][position] }
                                patterns[Int(patternOfRow[position])].add(
                                    UnsafeBufferPointer(vector), observed: UnsafeBufferPointer(rebasing: observed[..<m]))
                            }
                        }
                    }
                }
                for p in patterns.indices { patterns[p].symmetrise(q: q) }
                return (patterns, masks)
            }
        }
    }

    /// Adds one participant (upper triangles only; ``symmetrise(q:)`` fills the rest): its row `w`
    /// of the design and its responses `y` at the pattern's visits.
    private mutating func add(_ w: UnsafeBufferPointer<Double>, observed y: UnsafeBufferPointer<Double>) {
        let q = w.count, m = y.count
        count += 1
        crossProducts.withUnsafeMutableBufferPointer { s in
            for a in 0..<q where w[a] != 0 {
                for b in a..<q { s[a * q + b] += w[a] * w[b] }
            }
        }
        responseCrossProducts.withUnsafeMutableBufferPointer { products in
            responseProducts.withUnsafeMutableBufferPointer { sums in
                for k in 0..<m {
                    for a in 0..<q { sums[k * q + a] += w[a] * y[k] }
                    for l in k..<m { products[k * m + l] += y[k] * y[l] }
                }
            }
        }
    }

    private mutating func symmetrise(q: Int) {
        for a in 0..<q { for b in 0..<a { crossProducts[a * q + b] = crossProducts[b * q + a] } }
        let m = visits.count
        for k in 0..<m { for l in 0..<k { responseCrossProducts[k * m + l] = responseCrossProducts[l * m + k] } }
    }
}
