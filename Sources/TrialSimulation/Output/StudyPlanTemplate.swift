/// The study.yaml written with a simulated study: with the example study, SPEC.md §2's default
/// plan spelled out in full, with comments, as a template for users' own studies; with a random
/// study of other arms than the seed study's, those arms.
enum StudyPlanTemplate {
    /// The plan of a random study with `arms`: the list form of `arms` (the first the reference,
    /// the doses when given); every other key takes the built-in plan's value.
    static func text(arms: SimulatedArms) -> String {
        var lines = [
            "# The analysis plan of a random study written by trialreport simulate --arms.",
            "# Every key not given takes the built-in plan's value (the seed study's).",
            "",
            "# The arms in report order; the reference arm is the comparator of every pairwise comparison.",
            "arms:",
        ]
        for (index, label) in arms.labels.enumerated() {
            var fields = ["label: \"\(label)\""]
            if index == arms.referenceIndex { fields.append("reference: true") }
            if let dose = arms.doses?[index] { fields.append("dose: \(number(dose))") }
            lines.append("  - {\(fields.joined(separator: ", "))}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The plan of a random study written as CDISC ADaM transport files (`simulate --format xpt`):
    /// the datasets, `arms` as `text(arms:)` writes them, the analysis sets of the population
    /// flags, an ANCOVA endpoint and a responder endpoint at the last visit, the baseline table and
    /// the treatment-emergent adverse events.
    static func adamText(arms: SimulatedArms) -> String {
        let armLines = text(arms: arms).split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.hasPrefix("# The arms") }.joined(separator: "\n")
        let last = StudyModel.visits.max() ?? 0
        return """
            # The analysis plan of a random study written by trialreport simulate --format xpt: CDISC ADaM
            # datasets as SAS transport files. Every key is described in Guides/Plan.md and Guides/ADaMStudies.md.
            title: "A simulated study"

            data:
              format: adam
              subjects: adsl.xpt
              events: adae.xpt
              measurements: [adlb.xpt]
              treatment: TRT01P
              actualTreatment: TRT01A

            \(armLines)
            sets:
              - {name: Safety, flag: SAFFL, byActualTreatment: true}
              - {name: Intent-to-treat, flag: ITTFL}

            derivedParameters:           # the mixed-meal test's C-peptide AUC / 120 min from its timed samples
              - code: CPEPAUC
                label: C-peptide mean AUC over the mixed-meal test
                unit: pmol/L
                auc: {parameter: CPEP, mean: true}

            endpoints:
              - name: HbA1c change from baseline to month \(last)
                parameter: HBA1C
                visit: \(last)
                measure: change
                set: Intent-to-treat
              - name: Fasting C-peptide up by 10% or more at month \(last)
                parameter: CPEPF
                visit: \(last)
                measure: percentChange
                set: Intent-to-treat
                responder: {threshold: 10, better: higher, missing: nonResponder}
              - name: C-peptide mean AUC change from baseline to month \(last)
                parameter: CPEPAUC
                visit: \(last)
                measure: change
                set: Intent-to-treat

            baseline:
              set: Intent-to-treat
              variables:
                - {variable: AGE, label: "Age (y)"}
                - {variable: SEX, levels: {F: Female, M: Male}}
                - {variable: BMIBL, label: "Baseline BMI (kg/m²)"}

            safety:
              set: Safety

            """
    }

    /// A dose as written: whole numbers without a decimal point.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }


    static let text = """
        # The statistical analysis plan of the study in this folder (SPEC.md §2).
        # Every key is optional: a missing key takes the value shown here, which is the
        # built-in plan of the seed study (UC-MSC in recent-onset type 1 diabetes).
        # Copy this file next to your own adsl.csv and adlb.csv and edit it.

        title: "UC-MSC in recent-onset type 1 diabetes"

        # ARM labels in adsl.csv: the treatment arm and the control arm.
        arms: {treatment: "UC-MSC", control: "Control"}

        # Visits, months since the first infusion (AVISITN in adlb.csv); 0 is baseline.
        visits: [0, 3, 6, 9, 12]
        # The visit of the primary endpoint.
        primaryVisit: 12

        # Primary endpoint: clinical remission at the primary visit.
        remission:
          parameters: [CPEPF, CPEPP]   # fasting and 2-hour postprandial C-peptide (PARAMCD)
          rule: any                    # any: at least one parameter meets the threshold; all: every one
          minPercentIncrease: 10       # percent change from baseline >= 10 (exactly 10 counts)
          missing: nonResponder        # nonResponder: a missing value is no remission;
                                       # completeCase: leave such participants out

        # Subgroups: each participant falls into one level by an adsl.csv column.
        subgroups:
          - name: Onset
            variable: AGEDX            # age at diagnosis, years
            cut: 18                    # value >= cut -> labels[0], else labels[1]
            labels: ["Adult-onset", "Juvenile-onset"]

        continuousTest: mann-whitney   # between arms: mann-whitney | welch-t
        pairedTest: wilcoxon           # within an arm, visit against baseline: wilcoxon | paired-t

        # Predictors of remission.
        logistic:
          population: treatment        # treatment: the treatment arm only; all: both arms
          covariates: [CPEPF.BASE, MSCDOSE]  # adsl.csv columns, or PARAMCD.BASE for a baseline value
          method: auto                 # ml | firth | auto (Firth on separation or < 10 events per covariate)
          oddsRatioPer: {CPEPF.BASE: 100}  # odds ratios also per 100 pmol/L ({} = per unit only)

        """
}
