/// A subgroup split of the participants by an ADSL variable (SPEC.md §2): at a `cut` — those whose
/// value is at least `cut` form the first level, the others the second — or, in CDISC ADaM studies,
/// by the variable's categories (e.g. `SEX`, `AGEGR1`). Participants missing the variable belong to
/// no level.
public struct SubgroupDefinition: Sendable, Hashable {
    /// The subgroup's name in results and report, e.g. "Onset".
    public var name: String
    /// The ADSL variable that is split, e.g. `AGEDX`.
    public var variable: String
    /// Values `>= cut` belong to `labelAtOrAboveCut`, values below to `labelBelowCut`; `nil` when
    /// the levels are the variable's categories.
    public var cut: Double?
    /// The level of values at or above the cut, e.g. "Adult-onset" (a split at a cut).
    public var labelAtOrAboveCut: String
    /// The level of values below the cut, e.g. "Juvenile-onset" (a split at a cut).
    public var labelBelowCut: String
    /// The categories in order, each with an optional label, or `nil`: the categories found,
    /// ordered by `orderBy` or else sorted (a split by categories).
    public var levels: [BaselineLevel]?
    /// A numeric variable ordering the categories (e.g. `AGEGR1N` for `AGEGR1`), or `nil`.
    public var orderBy: String?

    /// A split at a cut.
    public init(name: String, variable: String, cut: Double, labelAtOrAboveCut: String, labelBelowCut: String) {
        self.name = name
        self.variable = variable
        self.cut = cut
        self.labelAtOrAboveCut = labelAtOrAboveCut
        self.labelBelowCut = labelBelowCut
    }

    /// A split by the categories of `variable`.
    public init(name: String, variable: String, levels: [BaselineLevel]? = nil, orderBy: String? = nil) {
        self.name = name
        self.variable = variable
        labelAtOrAboveCut = ""
        labelBelowCut = ""
        self.levels = levels
        self.orderBy = orderBy
    }

    /// The seed study's onset groups: diagnosed at 18 years or later is adult-onset.
    public static let onset = SubgroupDefinition(
        name: "Onset", variable: "AGEDX", cut: 18,
        labelAtOrAboveCut: "Adult-onset", labelBelowCut: "Juvenile-onset"
    )

    /// The two levels of a split at a cut in result order, as `labels` in `study.yaml`.
    public var labels: [String] { [labelAtOrAboveCut, labelBelowCut] }

    /// The level of a participant with this value of `variable` in a split at a cut, or `nil` when
    /// the value is missing (or the split is by categories).
    public func level(of value: Double?) -> String? {
        guard let value, value.isFinite, let cut else { return nil }
        return value >= cut ? labelAtOrAboveCut : labelBelowCut
    }
}
