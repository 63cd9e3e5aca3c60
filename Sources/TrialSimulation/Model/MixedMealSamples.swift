/// The C-peptide of a 2-hour mixed-meal tolerance test at one visit, drawn through a participant's
/// simulated fasting and 2-hour values: samples at 0, 30, 60, 90 and 120 minutes rising from the
/// fasting value to a peak 10% of the rise above the 2-hour value at 90 minutes. Computed from values
/// already simulated, so that writing them changes no other number of the study.
enum MixedMealSamples {
    /// The parameter's code (PARAMCD).
    static let code = "CPEP"
    /// Its description (PARAM), with the unit of the C-peptide values.
    static let text = "C-peptide, mixed-meal test (\(LaboratoryParameter.fastingCPeptide.unit))"
    /// The sampling times (ATPTN), in minutes from the meal.
    static let minutes: [Double] = [0, 30, 60, 90, 120]
    /// Each sample's share of the rise from the fasting to the 2-hour value.
    private static let shape = [0, 0.6, 1.0, 1.1, 1.0]

    /// The samples' values, at `minutes`.
    static func values(fasting: Double, twoHour: Double) -> [Double] {
        shape.map { fasting + $0 * (twoHour - fasting) }
    }
}
