/// A subgroup split: participants whose ADSL `variable` is at least `cut` form the first level,
/// the others the second (SPEC.md §2). Participants missing the variable belong to neither.
public struct SubgroupDefinition: Sendable, Hashable {
    /// The subgroup's name in results and report, e.g. "Onset".
    public var name: String
    /// The numeric ADSL column that is split, e.g. `AGEDX`.
    public var variable: String
    /// Values `>= cut` belong to `labelAtOrAboveCut`, values below to `labelBelowCut`.
    public var cut: Double
    /// The level of values at or above the cut, e.g. "Adult-onset".
    public var labelAtOrAboveCut: String
    /// The level of values below the cut, e.g. "Juvenile-onset".
    public var labelBelowCut: String

    /// A subgroup definition.
    public init(name: String, variable: String, cut: Double, labelAtOrAboveCut: String, labelBelowCut: String) {
        self.name = name
        self.variable = variable
        self.cut = cut
        self.labelAtOrAboveCut = labelAtOrAboveCut
        self.labelBelowCut = labelBelowCut
    }

    /// The seed study's onset groups: diagnosed at 18 years or later is adult-onset.
    public static let onset = SubgroupDefinition(
        name: "Onset", variable: "AGEDX", cut: 18,
        labelAtOrAboveCut: "Adult-onset", labelBelowCut: "Juvenile-onset"
    )

    /// The two levels in result order, as `labels` in `study.yaml`.
    public var labels: [String] { [labelAtOrAboveCut, labelBelowCut] }

    /// The level of a participant with this value of `variable`, or `nil` when the value is missing.
    public func level(of value: Double?) -> String? {
        guard let value, value.isFinite else { return nil }
        return value >= cut ? labelAtOrAboveCut : labelBelowCut
    }
}
