import TrialAnalysis

/// Results of every shape, for the encoding and schema tests. The numbers are illustrative
/// (not computed from data); what matters here is where each lands in results.json.
enum ResultsSamples {
    static func descriptives(_ n: Int, _ mean: Double?) -> Descriptives {
        Descriptives(n: n, mean: mean, sd: n > 1 ? 12.5 : nil, sem: n > 1 ? 2.4 : nil, median: mean, q1: mean.map { $0 - 5 },
                     q3: mean.map { $0 + 5 }, min: mean.map { $0 - 20 }, max: mean.map { $0 + 20 })
    }

    static func remissionArm(_ arm: String, _ n: Int, _ responders: Int) -> RemissionArm {
        RemissionArm(arm: arm, n: n, responders: responders, rate: Double(responders) / Double(n),
                     ciLower: 0.2, ciUpper: 0.6, excluded: 0, missingCountedAsNonResponders: 1, missingBaseline: 0, undefinedPercentChanges: 0)
    }

    static func comparison(_ treatment: (Int, Int), _ control: (Int, Int)) -> RemissionComparison {
        RemissionComparison(
            byArm: [remissionArm("UC-MSC", treatment.0, treatment.1), remissionArm("Control", control.0, control.1)],
            difference: ProportionDifference(estimate: 0.29, ciLower: 0.05, ciUpper: 0.5),
            test: .fisherExact, pValue: 0.0123456789012345
        )
    }

    static func endpoint(_ parameter: String, subgroup: String?, level: String?) -> EndpointResult {
        let arms = ["UC-MSC", "Control"].map { arm in
            EndpointArm(arm: arm, value: descriptives(27, 310.25), change: descriptives(25, 30.5),
                        percentChange: descriptives(25, 12.75), withinTest: .wilcoxon, withinPValue: 0.04)
        }
        return EndpointResult(parameter: parameter, visit: 12, subgroup: subgroup, level: level, byArm: arms,
                              between: BetweenArmComparison(measure: .percentChange, test: .mannWhitney, pValue: 0.021))
    }

    static func term(_ name: String) -> LogisticTerm {
        LogisticTerm(term: name, estimate: -0.012, standardError: 0.005, oddsRatio: 0.988, ciLower: 0.978, ciUpper: 0.998, pValue: 0.018)
    }

    static func counts(_ treatment: (Int, Int), _ control: (Int, Int)) -> [AdverseEventCount] {
        [AdverseEventCount(arm: "UC-MSC", subjects: treatment.0, events: treatment.1),
         AdverseEventCount(arm: "Control", subjects: control.0, events: control.1)]
    }

    static func baselineRow(_ variable: String) -> BaselineRow {
        BaselineRow(variable: variable, byArm: [
            BaselineArm(arm: "UC-MSC", n: 27, missing: 0, descriptives: descriptives(27, 24.5), levels: []),
            BaselineArm(arm: "Control", n: 25, missing: 1, descriptives: descriptives(25, 23.9), levels: []),
        ], test: .mannWhitney, pValue: 0.61)
    }

    static let sexRow = BaselineRow(variable: "SEX", byArm: [
        BaselineArm(arm: "UC-MSC", n: 27, missing: 0, descriptives: nil,
                    levels: [LevelCount(level: "F", n: 12, proportion: 12.0 / 27), LevelCount(level: "M", n: 15, proportion: 15.0 / 27)]),
        BaselineArm(arm: "Control", n: 26, missing: 0, descriptives: nil,
                    levels: [LevelCount(level: "F", n: 13, proportion: 0.5), LevelCount(level: "M", n: 13, proportion: 0.5)]),
    ], test: .fisherExact, pValue: 0.79)

    /// Results with every kind of entry present.
    static let full = Results(
        inputs: [
            InputFile(file: "adsl.csv", sha256: String(repeating: "ab", count: 32), bytes: 4096, rows: 53),
            InputFile(file: "study.yaml", sha256: String(repeating: "0f", count: 32), bytes: 812, rows: nil),
        ],
        arms: [ArmSize(arm: "UC-MSC", n: 27), ArmSize(arm: "Control", n: 26)],
        remission: RemissionResults(
            overall: comparison((27, 11), (26, 3)),
            subgroups: [
                SubgroupRemission(subgroup: "Onset", level: "Adult-onset", comparison: comparison((17, 8), (16, 2))),
                SubgroupRemission(subgroup: "Onset", level: "Juvenile-onset", comparison: comparison((10, 3), (10, 1))),
            ],
            interactions: [SubgroupInteraction(subgroup: "Onset", test: .logisticWald, pValue: 0.47)]
        ),
        endpoints: [endpoint("CPEPP", subgroup: nil, level: nil), endpoint("CPEPP", subgroup: "Onset", level: "Adult-onset")],
        logistic: LogisticResults(
            method: .firth, population: .treatment, n: 27, events: 11,
            terms: [term("(Intercept)"), term("CPEPF.BASE"), term("MSCDOSE")],
            methodReason: .fewEventsPerCovariate, eventsPerCovariate: 5.5, separation: false,
            univariable: [UnivariableFit(covariate: "CPEPF.BASE", method: .firth, methodReason: .fewEventsPerCovariate, n: 27, events: 11, term: term("CPEPF.BASE"))]
        ),
        insulinIndependence: InsulinIndependenceResults(
            byArm: [InsulinIndependenceArm(arm: "UC-MSC", subjects: 3, n: 27, episodes: 3),
                    InsulinIndependenceArm(arm: "Control", subjects: 0, n: 26, episodes: 0)],
            episodes: [
                InsulinIndependenceEpisode(usubjid: "UCMSC-007", arm: "UC-MSC", startMonth: 3, endMonth: 6, durationMonths: 3, ongoing: false),
                InsulinIndependenceEpisode(usubjid: "UCMSC-012", arm: "UC-MSC", startMonth: 0.5, endMonth: nil, durationMonths: 11.5, ongoing: true),
            ],
            test: .fisherExact, pValue: 0.2353
        ),
        adverseEvents: AdverseEventResults(
            byTerm: [AdverseEventTerm(term: "Fever", soc: "General disorders", byArm: counts((4, 5), (0, 0)),
                                      difference: ProportionDifference(estimate: 0.148, ciLower: 0.01, ciUpper: 0.33))],
            bySystemOrganClass: [AdverseEventClass(soc: "General disorders", byArm: counts((4, 5), (0, 0)))],
            bySeverity: [AdverseEventSeverity(severity: "MILD", byArm: counts((4, 5), (0, 0)))],
            anyEvent: AdverseEventIncidence(byArm: counts((4, 5), (0, 0)), test: .fisherExact, pValue: 0.11),
            serious: AdverseEventIncidence(byArm: counts((0, 0), (0, 0)), test: .fisherExact, pValue: 1),
            related: AdverseEventIncidence(byArm: counts((4, 5), (0, 0)), test: .fisherExact, pValue: 0.11)
        ),
        baseline: BaselineResults(
            rows: [baselineRow("AGE"), sexRow, baselineRow("CPEPF.BASE")],
            subgroups: [BaselineSubgroup(subgroup: "Onset", level: "Adult-onset", rows: [baselineRow("AGE"), sexRow])]
        ),
        participantFlow: ParticipantFlow(enrolled: 53, byArm: [
            ParticipantFlowArm(arm: "UC-MSC", allocated: 27, secondInfusion: 27, completedPrimaryVisit: 26, analysed: 27),
            ParticipantFlowArm(arm: "Control", allocated: 26, secondInfusion: nil, completedPrimaryVisit: 25, analysed: 26),
        ]),
        plan: PlanAsUsed(AnalysisPlan())
    )

    /// `full` with statistics that cannot be computed: undefined rates, a NaN p-value, an
    /// infinite odds ratio, an arm with one value.
    static var sparse: Results {
        var results = full
        results.remission?.overall = RemissionComparison(
            byArm: [RemissionArm(arm: "UC-MSC", n: 0, responders: 0, rate: .nan, ciLower: nil, ciUpper: nil,
                                 excluded: 27, missingCountedAsNonResponders: 0, missingBaseline: 0, undefinedPercentChanges: 2)],
            difference: ProportionDifference(estimate: nil, ciLower: -.infinity, ciUpper: .infinity),
            test: .fisherExact, pValue: .nan
        )
        results.logistic?.terms = [LogisticTerm(term: "MSCDOSE", estimate: 40, standardError: nil, oddsRatio: .infinity,
                                               ciLower: nil, ciUpper: nil, pValue: nil)]
        results.endpoints = [EndpointResult(parameter: "HBA1C", visit: 1.5, subgroup: nil, level: nil, byArm: [
            EndpointArm(arm: "UC-MSC", value: descriptives(1, 7.2), change: .empty, percentChange: .empty, withinTest: .pairedT, withinPValue: nil),
        ], between: BetweenArmComparison(measure: .change, test: .welchT, pValue: nil))]
        return results
    }
}
