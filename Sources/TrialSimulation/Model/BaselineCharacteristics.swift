/// What is known of a participant at enrolment: the adsl.csv columns and the baseline laboratory values.
struct BaselineCharacteristics: Sendable {
    var arm: Arm
    var onset: Onset
    var age: Int
    var ageAtDiagnosis: Int
    var isMale: Bool
    var bmi: Double
    var diabetesDurationMonths: Int
    /// Total UC-MSC dose, 10^6 cells/kg (two infusions); `nil` in the control arm.
    var mscDose: Double?
    /// Fasting and postprandial C-peptide (pmol/L), HbA1c (%) and insulin dose (IU/kg/day),
    /// already rounded to the decimals written, so that percent changes are computed from the
    /// values a reader sees.
    var fastingCPeptide: Double
    var postprandialCPeptide: Double
    var hbA1c: Double
    var insulinDose: Double

    /// Draws a participant of the given arm and onset group from `StudyModel`'s distributions.
    static func draw(arm: Arm, onset: Onset, using generator: inout Xoshiro256StarStar) -> Self {
        let ageAtDiagnosis = generator.integer(
            in: onset == .adult ? StudyModel.adultAgeAtDiagnosis : StudyModel.juvenileAgeAtDiagnosis)
        let duration = generator.integer(in: StudyModel.diabetesDurationMonths)
        // A birthday falls within the months since diagnosis with probability duration / 12.
        let age = ageAtDiagnosis + (generator.bernoulli(Double(duration) / 12) ? 1 : 0)
        let isMale = generator.bernoulli(StudyModel.maleProbability)
        let bmi = generator.draw(onset == .adult ? StudyModel.adultBMI : StudyModel.juvenileBMI)
        let mscDose: Double? = arm.isTreated
            ? generator.draw(StudyModel.mscDosePerInfusion) + generator.draw(StudyModel.mscDosePerInfusion)
            : nil
        let fasting = generator.draw(StudyModel.fastingCPeptide)
        let postprandial = fasting * generator.draw(StudyModel.postprandialRatio)
        return Self(
            arm: arm, onset: onset, age: age, ageAtDiagnosis: ageAtDiagnosis, isMale: isMale,
            bmi: rounded(bmi, decimals: 1), diabetesDurationMonths: duration,
            mscDose: mscDose.map { rounded($0, decimals: 2) },
            fastingCPeptide: rounded(fasting, decimals: 1),
            postprandialCPeptide: rounded(postprandial, decimals: 1),
            hbA1c: rounded(generator.draw(StudyModel.baselineHbA1c), decimals: 1),
            insulinDose: rounded(generator.draw(StudyModel.baselineInsulinDose), decimals: 2))
    }

    /// The baseline value of `parameter`.
    func value(of parameter: LaboratoryParameter) -> Double {
        switch parameter {
        case .fastingCPeptide: fastingCPeptide
        case .postprandialCPeptide: postprandialCPeptide
        case .hbA1c: hbA1c
        case .insulinDose: insulinDose
        }
    }
}

/// `value` rounded half away from zero to `decimals` places: the number the CSV shows.
func rounded(_ value: Double, decimals: Int) -> Double {
    let scale = powerOfTen(decimals)
    return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
}

/// 10 raised to a small non-negative `exponent`, exactly.
func powerOfTen(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<exponent { result *= 10 }
    return result
}
