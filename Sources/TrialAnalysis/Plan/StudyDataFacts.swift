/// What the plan checks need to know about a study's data, as plain facts, so that the plan can
/// be checked without loading the data in this module.
public struct StudyDataFacts: Sendable, Hashable {
    /// The distinct values of `adsl.csv` `ARM`.
    public var armLabels: Set<String>
    /// The column names of `adsl.csv`.
    public var adslColumns: Set<String>
    /// The columns of `adsl.csv` that hold numbers (every non-missing cell a number).
    public var numericADSLColumns: Set<String>
    /// The distinct values of `PARAMCD` in `adlb.csv` or in the BDS datasets of an ADaM study.
    public var parameterCodes: Set<String>
    /// The record-level analysis flags (ANLzzFL) of the BDS datasets of an ADaM study.
    public var recordFlags: Set<String> = []

    /// Facts about a study's data; `numericADSLColumns` defaults to every column.
    public init(armLabels: Set<String>, adslColumns: Set<String>, numericADSLColumns: Set<String>? = nil,
                parameterCodes: Set<String>) {
        self.armLabels = armLabels
        self.adslColumns = adslColumns
        self.numericADSLColumns = numericADSLColumns ?? adslColumns
        self.parameterCodes = parameterCodes
    }
}
