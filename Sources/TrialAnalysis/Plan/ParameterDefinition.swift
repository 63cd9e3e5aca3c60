/// A measured parameter of `adlb.csv` and how to show it.
public struct ParameterDefinition: Sendable, Hashable {
    /// The `PARAMCD` code, e.g. `CPEPF`.
    public var code: String
    /// The name shown in tables and figures, e.g. "Fasting C-peptide".
    public var label: String
    /// The unit of `AVAL`; `adlb.csv` `AVALU`, when present, must equal it. Empty when unitless.
    public var unit: String
    /// The number of decimals with which values are displayed (statistics keep full precision).
    public var decimals: Int

    /// A parameter definition.
    public init(code: String, label: String, unit: String, decimals: Int) {
        self.code = code
        self.label = label
        self.unit = unit
        self.decimals = decimals
    }

    /// The parameters of the seed study (SPEC.md §1).
    public static let seedStudy: [ParameterDefinition] = [
        ParameterDefinition(code: "CPEPF", label: "Fasting C-peptide", unit: "pmol/L", decimals: 1),
        ParameterDefinition(code: "CPEPP", label: "Postprandial C-peptide", unit: "pmol/L", decimals: 1),
        ParameterDefinition(code: "HBA1C", label: "HbA1c", unit: "%", decimals: 1),
        ParameterDefinition(code: "INSDOSE", label: "Daily insulin dose", unit: "IU/kg/day", decimals: 2),
    ]
}
