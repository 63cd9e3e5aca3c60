import TrialData

/// The categories of a categorical baseline variable and each participant's category: the plan's
/// `levels` in their order (categories found but not listed after them, sorted), else the
/// categories found, ordered by the smallest value of the `orderBy` variable among their
/// participants or else sorted. A number is a category in the plan's notation (`1`, `2.5`).
struct BaselineCategories {
    /// The categories in table order.
    let values: [String]
    /// Each participant's category, an index into `values`; `-1` when missing.
    let codes: [Int32]
    /// The categories found in the data that the plan's `levels` do not list, sorted.
    let unlisted: [String]
    /// The categories whose participants have more than one value of `orderBy`, with those values.
    let conflictingOrder: [(category: String, orders: [Double])]
    /// The number of distinct categories found in the data.
    let foundCount: Int

    /// - Parameters:
    ///   - column: the variable's values.
    ///   - levels: the plan's categories, or `nil`.
    ///   - orderBy: the values of the ordering variable (`NaN` where missing), or `nil`.
    /// - Complexity: O(*n* + *c* log *c*) for *n* participants and *c* categories.
    init(_ column: DataColumn, levels: [BaselineLevel]?, orderBy: [Double]?) {
        var found: [String] = []
        var foundIndex: [String: Int32] = [:]
        func code(of value: String) -> Int32 {
            if let index = foundIndex[value] { return index }
            let index = Int32(found.count)
            found.append(value)
            foundIndex[value] = index
            return index
        }
        let rawCodes: [Int32]
        switch column.values {
        case .numbers(let numbers):
            rawCodes = numbers.map { $0.isNaN ? -1 : code(of: PlanNumber.text($0)) }
        case .text(let codes, let strings):
            var byTextCode: [Int32: Int32] = [:]
            rawCodes = codes.map { text in
                guard text >= 0 else { return -1 }
                if let known = byTextCode[text] { return known }
                let index = code(of: strings[Int(text)])
                byTextCode[text] = index
                return index
            }
        }
        foundCount = found.count
        var orders = [Set<Double>](repeating: [], count: found.count)
        if let orderBy {
            for (row, category) in rawCodes.enumerated() where category >= 0 && !orderBy[row].isNaN {
                orders[Int(category)].insert(orderBy[row])
            }
        }
        conflictingOrder = found.indices.filter { orders[$0].count > 1 }.map { (found[$0], orders[$0].sorted()) }
        if let levels {
            let listed = Set(levels.map(\.value))
            unlisted = found.filter { !listed.contains($0) }.sorted()
            values = levels.map(\.value) + unlisted
        } else {
            unlisted = []
            values = found.indices.sorted { first, second in
                let a = orders[first].min() ?? .infinity, b = orders[second].min() ?? .infinity
                return a != b ? a < b : found[first] < found[second]
            }.map { found[$0] }
        }
        let position = Dictionary(values.enumerated().map { ($0.element, Int32($0.offset)) }, uniquingKeysWith: { first, _ in first })
        codes = rawCodes.map { $0 < 0 ? -1 : position[found[Int($0)]]! }
    }
}
