import TrialStats

extension ModelVariable {
    /// The arm factor of an endpoint's model: each row's arm (a position in `arms`, the arms'
    /// labels), the levels the arms with `reference` first (the level the others are compared
    /// with), given as each row's level rather than its label (a million rows need no strings).
    static func arm(_ rows: [Int], of arms: [String], reference: String) -> ModelVariable {
        let levels = [reference] + arms.filter { $0 != reference }
        // Every arm is a level: the reference or one of the rest.
        let level = arms.map { Int32(levels.firstIndex(of: $0)!) }
        return .coded(rows.map { level[$0] }, levels: levels)
    }
}
