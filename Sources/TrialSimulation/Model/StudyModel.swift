/// Every distribution and effect size of the simulated study, in one place (Guides/ExampleStudy.md
/// lists them with their sources).
///
/// Plausible ranges for recent-onset type 1 diabetes follow STUDY.md: fasting C-peptide roughly
/// 100–600 pmol/L, 2-hour postprandial 2–3 times fasting, declining over the first year without
/// effective therapy; HbA1c 9–12% at diagnosis falling towards 6.5–7.5% on intensive insulin;
/// insulin 0.3–0.8 IU/kg/day; UC-MSC doses of the order of 10^6 cells/kg per infusion.
enum StudyModel {
    /// Visits, months since the first infusion (0 = baseline).
    static let visits = [0, 3, 6, 9, 12]
    /// The primary visit, and the last month of follow-up for participants who complete.
    static let primaryVisit = 12
    /// Study days of the two infusions (baseline and the repeat course at month 3).
    static let infusionDays = [1, 91]

    // MARK: Participants

    static let treatmentProbability = 0.5
    /// 33 of 53 in the seed study were diagnosed at 18 or older.
    static let adultOnsetProbability = 0.62
    static let maleProbability = 0.55
    static let adultAgeAtDiagnosis = 18...40
    static let juvenileAgeAtDiagnosis = 8...17
    /// Diabetes duration at enrolment, whole months (recent onset).
    static let diabetesDurationMonths = 1...12
    static let adultBMI = TruncatedDistribution.normal(mean: 22.0, standardDeviation: 2.8, in: 16...32)
    static let juvenileBMI = TruncatedDistribution.normal(mean: 19.5, standardDeviation: 2.5, in: 14...30)
    /// UC-MSC dose per infusion, 10^6 cells/kg; MSCDOSE is the total of two infusions.
    static let mscDosePerInfusion = TruncatedDistribution.uniform(1.0...3.0)

    // MARK: Baseline measurements

    static let fastingCPeptide = TruncatedDistribution.logNormal(median: 260, logStandardDeviation: 0.35, in: 100...600)
    /// Postprandial C-peptide as a multiple of fasting.
    static let postprandialRatio = TruncatedDistribution.uniform(2.0...3.0)
    static let baselineHbA1c = TruncatedDistribution.normal(mean: 10.5, standardDeviation: 0.8, in: 9.0...12.0)
    static let baselineInsulinDose = TruncatedDistribution.normal(mean: 0.55, standardDeviation: 0.12, in: 0.30...0.80)

    // MARK: Remission (random studies)

    static let controlRemissionProbability = 0.08
    /// Log-odds of remission with UC-MSC at the reference fasting C-peptide and dose.
    static let adultRemissionLogOdds = 0.0
    static let juvenileRemissionLogOdds = -1.4
    /// Change in log-odds per 100 pmol/L of baseline fasting C-peptide above 260.
    static let remissionLogOddsPerFastingCPeptide = -0.8
    /// Change in log-odds per 10^6 cells/kg of total dose above 4.
    static let remissionLogOddsPerDose = 0.6
    /// How often a remitter meets the rule on postprandial only, on both, on fasting only.
    static let remissionKindWeights: [(RemissionKind, Double)] = [(.postprandialOnly, 0.45), (.both, 0.35), (.fastingOnly, 0.20)]

    // MARK: Percent change from baseline at month 12

    /// A C-peptide that meets the remission threshold rises by 12–60% (postprandial) or 12–45% (fasting).
    static let risingPostprandialChange = 12.0...60.0
    static let risingFastingChange = 12.0...45.0
    /// Without benefit (control, juvenile-onset UC-MSC): the natural first-year decline.
    static let decliningPostprandialChange = -45.0...6.0
    static let decliningFastingChange = -40.0...6.0
    /// Adult-onset UC-MSC participants who do not remit still decline less.
    static let preservedPostprandialChange = -25.0...8.0
    static let preservedFastingChange = -20.0...8.0
    /// Visit-to-visit noise around the linear path to month 12, percentage points.
    static let cPeptideVisitNoise = 4.0

    // MARK: HbA1c and insulin

    /// The HbA1c a participant settles at on intensive insulin, %.
    static let settledHbA1c = TruncatedDistribution.normal(mean: 7.0, standardDeviation: 0.3, in: 6.2...8.2)
    static let settledHbA1cInRemission = TruncatedDistribution.normal(mean: 6.6, standardDeviation: 0.3, in: 5.9...7.4)
    /// HbA1c approaches its settled value as exp(−month / this).
    static let hbA1cTimeConstantMonths = 2.5
    static let hbA1cVisitNoise = 0.2
    /// Insulin dose relative to baseline at each visit (honeymoon dip, then a slow rise).
    static let insulinPath = [1.0, 0.88, 0.92, 0.98, 1.05]
    static let insulinPathInRemission = [1.0, 0.80, 0.70, 0.65, 0.60]
    /// Relative visit-to-visit noise of the insulin dose.
    static let insulinVisitNoise = 0.06

    // MARK: Insulin independence, missing data (random studies)

    /// Probability that a UC-MSC remitter stops insulin (at month 3 or 6) for at least 3 months.
    static let insulinIndependenceProbability = 0.25
    static let ongoingEpisodeProbability = 0.5
    /// Probability of missing one follow-up visit (3, 6 or 9), each visit independently.
    static let missedVisitProbability = 0.03
    /// Probability of leaving the study after month 3, 6 or 9.
    static let dropoutProbability = 0.04

    // MARK: Adverse events

    /// Events related to an infusion (UC-MSC only): each term occurs after each infusion with its
    /// probability, within 0–2 days.
    static let infusionReactions: [(AdverseEventTerm, Double)] = [
        (.pyrexia, 0.20), (.headache, 0.12), (.fatigue, 0.10), (.chills, 0.06), (.rash, 0.05),
    ]
    static let infusionReactionDelayDays = 0...2
    /// Events unrelated to treatment, in both arms: a Poisson number over the year.
    static let backgroundEventsPerYear = 1.2
    static let backgroundEvents: [(AdverseEventTerm, Double)] = [
        (.hypoglycaemia, 0.40), (.upperRespiratoryTractInfection, 0.30), (.headache, 0.10),
        (.nausea, 0.10), (.fatigue, 0.10),
    ]
    static let moderateInfusionReactionProbability = 0.2
    static let moderateBackgroundEventProbability = 0.3
}
