import RealModule

/// The network algorithm of Mehta & Patel (1983) for the exact p-value of an r×c table
/// with fixed margins, without their approximations: every table is accounted for.
///
/// A table is built one category (stage) at a time; a node is the multiset of arm
/// totals not yet used (sorted, since the rest of the network depends only on the
/// multiset). A path from the first node to the last is a table, its length the sum of
/// the stages' −Σ log nᵢⱼ!, and P(table) = exp(length + constant). At each node the
/// longest and shortest remaining path and the total mass of all completions (a closed
/// form) are known, so a partial table whose every completion is at most as likely as
/// the observed one is counted whole, and one whose every completion is more likely is
/// dropped; only the others travel on. Nodes two stages from the end find their
/// longest and shortest completion directly (``lastTwoStagesExtremes(_:total:)``); the
/// partial tables reaching them undecided are settled against the sorted list of their
/// completions in one merge pass. Partial tables reaching a node with lengths within 1e-9 of
/// each other are merged (their probability mass is kept exactly).
struct ContingencyNetwork {
    /// A (partial) table: its path length and its mass relative to exp(length).
    private struct Partial {
        var length: Double
        var mass: Double
    }

    /// The completions of a node: the longest, the shortest, log Σ exp(completion).
    private struct Completions {
        let longest: Double
        let shortest: Double
        let logTotal: Double
    }

    /// Every completion of a node two stages from the end, sorted by length, and the
    /// log of their cumulative mass.
    private struct CompletionList {
        let sorted: [Partial]
        let prefixLogMass: [Double]
    }

    private let stageTotals: [Int]
    private let armTotals: [Int]
    /// log P(table) − length: Σ log Rᵤ! + Σ log Cᵢ! − log N!.
    private let logConstant: Double
    /// log k! for k = 0…N.
    let logFactorials: [Double]
    /// Σ log(stage total)! over the stages from each index on.
    private let logFactorialsFrom: [Double]
    private let radix: Int
    private let workLimit: Int
    private var completions: [[Int: Completions]]
    private var completionLists = [Int: CompletionList]()
    /// One buffer per stage for the arm totals of a child node, so that looking a node
    /// up allocates nothing.
    private var childBuffers: [[Int]]
    /// Log factorials computed, node expansions and partial tables handled so far (see
    /// ``workLimit``).
    private(set) var work = 0

    /// The layer whose nodes have two stages left (the last one forced).
    private var settlingStage: Int { stageTotals.count - 2 }

    /// - Parameters:
    ///   - stageTotals: the totals of the categories built one at a time (the longer
    ///     side of the table, at least 2), each positive.
    ///   - armTotals: the totals of the other side, each positive, with the same sum.
    /// - Throws: ``StatisticsError/exactTestTooLarge(work:limit:)`` when the nodes
    ///   cannot even be numbered in an `Int`.
    init(stageTotals: [Int], armTotals: [Int], workLimit: Int) throws(StatisticsError) {
        self.stageTotals = Self.cheapestOrder(of: stageTotals, arms: armTotals.count)
        let total = stageTotals.reduce(0, +)
        // Each from log Γ(k + 1) directly: a running sum of logs would carry its
        // rounding into every later entry (4e-8 relative in P at N = 400,000).
        let logFactorials = (0...total).map { Double.logGamma(Double($0) + 1) }
        self.logFactorials = logFactorials
        var from = Array(repeating: 0.0, count: stageTotals.count + 1)
        for index in stride(from: stageTotals.count - 1, through: 0, by: -1) {
            from[index] = from[index + 1] + logFactorials[self.stageTotals[index]]
        }
        logFactorialsFrom = from
        self.armTotals = armTotals.sorted()
        logConstant = from[0] + armTotals.reduce(0.0) { $0 + logFactorials[$1] } - logFactorials[total]
        radix = (armTotals.max() ?? 0) + 1
        var capacity = 1
        for _ in armTotals {
            let (product, overflow) = capacity.multipliedReportingOverflow(by: radix)
            if overflow { throw .exactTestTooLarge(work: 0, limit: workLimit) }
            capacity = product
        }
        self.workLimit = workLimit
        work = total
        completions = Array(repeating: [:], count: stageTotals.count)
        childBuffers = Array(repeating: self.armTotals, count: stageTotals.count)
    }

    /// The probability of a table of these margins whose cells have Σ −log nᵢⱼ! = `length`.
    func probability(length: Double) -> Double { Double.exp(length + logConstant) }

    /// Σ P(table) over the tables of these margins with length ≤ `observedLength` +
    /// `tolerance`, i.e. P ≤ P(observed)·exp(tolerance).
    ///
    /// - Throws: ``StatisticsError/exactTestTooLarge(work:limit:)`` as soon as the work
    ///   exceeds the limit.
    mutating func pValue(observedLength: Double, tolerance: Double) throws(StatisticsError) -> Double {
        let threshold = observedLength + tolerance
        let start = [Partial(length: 0, mass: 1)]
        if settlingStage == 0 {
            let list = try completionList(armTotals, key: nodeKey(armTotals))
            return settled(start[...], shift: 0, threshold: threshold, against: list)
        }
        var layer: [(arms: [Int], partials: [Partial])] = [(armTotals, start)]
        var pValue = 0.0
        for stage in 0..<settlingStage {
            var nextIndex = [Int: Int]()
            var next = [(arms: [Int], partials: [Partial])]()
            for node in layer {
                let partials = Self.merged(node.partials)
                let prefixLogMass = Self.prefixLogMasses(partials)
                guard var splits = TableSplits(total: stageTotals[stage], caps: node.arms) else { continue }
                repeat {
                    try count(1)
                    let childKey = makeChild(node.arms, minus: splits.cells, stage: stage)
                    let length = -splits.cells.reduce(0.0) { $0 + logFactorials[$1] }
                    let rest = try completionsOf(childBuffers[stage], key: childKey, stage: stage + 1)
                    let counted = Self.countAtMost(threshold - length - rest.longest, in: partials)
                    if counted > 0 {
                        pValue += Double.exp(prefixLogMass[counted - 1] + length + rest.logTotal + logConstant)
                    }
                    let kept = Self.countAtMost(threshold - length - rest.shortest, in: partials)
                    guard kept > counted else { continue }
                    try count(kept - counted)
                    if stage + 1 == settlingStage {
                        let list = try completionList(childBuffers[stage], key: childKey)
                        pValue += settled(partials[counted..<kept], shift: length, threshold: threshold, against: list)
                        continue
                    }
                    let carried = partials[counted..<kept].map { Partial(length: $0.length + length, mass: $0.mass) }
                    if let index = nextIndex[childKey] {
                        next[index].partials.append(contentsOf: carried)
                    } else {
                        nextIndex[childKey] = next.count
                        next.append((childBuffers[stage], carried))
                    }
                } while splits.advance()
            }
            layer = next
        }
        return pValue
    }

    /// Σ P(table) over the completions in `list` of the partial tables `band`
    /// (sorted by length, each lengthened by `shift`) with total length ≤ `threshold`:
    /// as the partial length grows the admissible completions shrink, so one merge pass.
    private func settled(
        _ band: ArraySlice<Partial>, shift: Double, threshold: Double, against list: CompletionList
    ) -> Double {
        guard let first = band.first else { return 0 }
        var admitted = Self.countAtMost(threshold - shift - first.length, in: list.sorted[...])
        var sum = 0.0
        for partial in band {
            let limit = threshold - shift - partial.length
            while admitted > 0, list.sorted[admitted - 1].length > limit { admitted -= 1 }
            if admitted == 0 { break }
            sum += partial.mass * Double.exp(partial.length + shift + list.prefixLogMass[admitted - 1] + logConstant)
        }
        return sum
    }

    /// The completions of the node `arms` before `stage`; their total mass is
    /// D!/(Π over stages from `stage` on Rᵤ! · Π armsᵢ!), D = Σ arms.
    private mutating func completionsOf(_ arms: [Int], key: Int, stage: Int) throws(StatisticsError) -> Completions {
        if let known = completions[stage][key] { return known }
        let logTotal = logFactorials[arms.reduce(0, +)] - logFactorialsFrom[stage]
            - arms.reduce(0.0) { $0 + logFactorials[$1] }
        var longest = -Double.infinity, shortest = Double.infinity
        if stage == settlingStage {
            try count(arms.count << (arms.count - 1) + stageTotals[stage] * arms.count)
            (longest, shortest) = lastTwoStagesExtremes(arms, total: stageTotals[stage])
        } else if var splits = TableSplits(total: stageTotals[stage], caps: arms) {
            repeat {
                try count(1)
                let length = -splits.cells.reduce(0.0) { $0 + logFactorials[$1] }
                let childKey = makeChild(arms, minus: splits.cells, stage: stage)
                let rest = try completionsOf(childBuffers[stage], key: childKey, stage: stage + 1)
                longest = Swift.max(longest, length + rest.longest)
                shortest = Swift.min(shortest, length + rest.shortest)
            } while splits.advance()
        }
        let result = Completions(longest: longest, shortest: shortest, logTotal: logTotal)
        completions[stage][key] = result
        return result
    }

    /// Every completion of the node `arms` two stages from the end, sorted: built only
    /// for the nodes that partial tables actually reach undecided.
    private mutating func completionList(_ arms: [Int], key: Int) throws(StatisticsError) -> CompletionList {
        if let known = completionLists[key] { return known }
        var all = [Partial]()
        if var splits = TableSplits(total: stageTotals[settlingStage], caps: arms) {
            repeat {
                try count(1)
                all.append(Partial(length: length(arms, splits.cells), mass: 1))
            } while splits.advance()
        }
        all.sort { $0.length < $1.length }
        let list = CompletionList(sorted: all, prefixLogMass: Self.prefixLogMasses(all))
        completionLists[key] = list
        return list
    }

    /// Puts the arm totals left after `cells`, sorted, in `childBuffers[stage]` and
    /// returns their key.
    private mutating func makeChild(_ arms: [Int], minus cells: [Int], stage: Int) -> Int {
        for index in arms.indices {
            var position = index
            let value = arms[index] - cells[index]
            while position > 0, childBuffers[stage][position - 1] > value {
                childBuffers[stage][position] = childBuffers[stage][position - 1]
                position -= 1
            }
            childBuffers[stage][position] = value
        }
        return nodeKey(childBuffers[stage])
    }

    /// The node's number: its sorted totals as digits in base `radix`.
    private func nodeKey(_ arms: [Int]) -> Int { arms.reduce(0) { $0 * radix + $1 } }

    private mutating func count(_ steps: Int) throws(StatisticsError) {
        work += steps
        if work > workLimit { throw .exactTestTooLarge(work: work, limit: workLimit) }
    }

    /// The partial tables sorted by length, those within 1e-9 of a run's first merged
    /// into it with their masses rescaled to its length.
    private static func merged(_ partials: [Partial]) -> [Partial] {
        let sorted = partials.sorted { $0.length < $1.length }
        var result = [Partial]()
        result.reserveCapacity(sorted.count)
        for partial in sorted {
            if let last = result.last, partial.length - last.length <= 1e-9 {
                result[result.count - 1].mass += partial.mass * Double.exp(partial.length - last.length)
            } else {
                result.append(partial)
            }
        }
        return result
    }

    /// log Σ mass·exp(length) over each prefix of `partials` (sorted by length), summed
    /// in the scale of the prefix's longest member so nothing overflows or underflows.
    private static func prefixLogMasses(_ partials: [Partial]) -> [Double] {
        var result = [Double]()
        result.reserveCapacity(partials.count)
        var scaled = 0.0, scale = 0.0
        for (index, partial) in partials.enumerated() {
            scaled = index == 0 ? partial.mass : scaled * Double.exp(scale - partial.length) + partial.mass
            scale = partial.length
            result.append(scale + Double.log(scaled))
        }
        return result
    }

    /// The number of entries of `sorted` (ascending by length) with length ≤ `limit`.
    private static func countAtMost(_ limit: Double, in sorted: ArraySlice<Partial>) -> Int {
        var low = sorted.startIndex, high = sorted.endIndex
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].length <= limit { low = middle + 1 } else { high = middle }
        }
        return low - sorted.startIndex
    }

    private static func countAtMost(_ limit: Double, in sorted: [Partial]) -> Int {
        countAtMost(limit, in: sorted[...])
    }
}
