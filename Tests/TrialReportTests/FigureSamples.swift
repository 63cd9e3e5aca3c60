import Foundation
import TrialAnalysis
import TrialReport

/// Results shaped like the example study's and like a 1,000,000-participant study's, for the figure
/// tests. The numbers are made up (not computed from data) but plausible, and deterministic.
enum FigureSamples {
    static let plan = AnalysisPlan()
    static let arms = plan.arms.ordered

    /// The CDISC pilot (examples/cdisc-pilot: three arms, an ANCOVA endpoint, treatment-emergent
    /// events) analysed, and its plan: what a CDISC ADaM study's figures draw.
    static let pilot: (results: Results, plan: AnalysisPlan) = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/cdisc-pilot")
        do {
            let input = try StudyInput.load(from: folder)
            return (StudyAnalysis.run(data: input.data, plan: input.plan.plan), input.plan.plan)
        } catch {
            preconditionFailure("examples/cdisc-pilot cannot be analysed: \(error)")
        }
    }()

    /// The figures that can draw `name`: of the example-like results for a figure of the seed
    /// study's layout, of the CDISC pilot for a CDISC ADaM study's.
    static func figures(for name: FigureName) -> TrialFigures {
        FigureName.seedStudy.contains(name) ? TrialFigures(results: example, plan: plan)
            : TrialFigures(results: pilot.results, plan: pilot.plan)
    }

    /// A number in [0, 1) from `seed` (SplitMix64), so samples need no random generator.
    static func unit(_ seed: UInt64) -> Double {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(UInt64(1) << 53)
    }

    static func remissionArm(_ arm: String, n: Int, responders: Int, ci: (Double, Double)) -> RemissionArm {
        RemissionArm(arm: arm, n: n, responders: responders, rate: Double(responders) / Double(n), ciLower: ci.0,
                     ciUpper: ci.1, excluded: 0, missingCountedAsNonResponders: n / 27, missingBaseline: 0, undefinedPercentChanges: 0)
    }

    static func comparison(_ treatment: RemissionArm, _ control: RemissionArm, difference: Double, p: Double) -> RemissionComparison {
        RemissionComparison(byArm: [treatment, control],
                            difference: ProportionDifference(estimate: difference, ciLower: difference - 0.2, ciUpper: difference + 0.2),
                            test: .fisherExact, pValue: p)
    }

    static func term(_ name: String, _ oddsRatio: Double, _ lower: Double, _ upper: Double, _ p: Double) -> LogisticTerm {
        LogisticTerm(term: name, estimate: log(oddsRatio), standardError: 0.3, oddsRatio: oddsRatio, ciLower: lower, ciUpper: upper, pValue: p)
    }

    static func adverseEvent(_ term: String, soc: String, _ treatment: Int, _ control: Int, sizes: (Int, Int)) -> AdverseEventTerm {
        let difference = Double(treatment) / Double(sizes.0) - Double(control) / Double(sizes.1)
        let halfWidth = 1.8 * (0.25 / Double(sizes.0) + 0.25 / Double(sizes.1)).squareRoot()
        return AdverseEventTerm(term: term, soc: soc,
                                byArm: [AdverseEventCount(arm: arms[0], subjects: treatment, events: treatment + treatment / 3),
                                        AdverseEventCount(arm: arms[1], subjects: control, events: control + control / 4)],
                                difference: ProportionDifference(estimate: difference, ciLower: difference - halfWidth,
                                                                 ciUpper: difference + halfWidth))
    }

    static func incidence(_ treatment: Int, _ control: Int) -> AdverseEventIncidence {
        AdverseEventIncidence(byArm: [AdverseEventCount(arm: arms[0], subjects: treatment, events: treatment),
                                      AdverseEventCount(arm: arms[1], subjects: control, events: control)],
                              test: .fisherExact, pValue: 0.4)
    }

    static let populations: [(subgroup: String?, level: String?, n: Int)] = [(nil, nil, 27), ("Onset", "Adult-onset", 17), ("Onset", "Juvenile-onset", 10)]
    static let baselines = ["CPEPF": 280.0, "CPEPP": 700, "HBA1C": 10.5, "INSDOSE": 0.55]

    /// Mean ± SEM per visit: the treatment arm holds its baseline, the control arm declines.
    static func trajectories(n: Int) -> [Trajectory] {
        baselines.keys.sorted().flatMap { parameter in
            populations.map { population in
                Trajectory(parameter: parameter, subgroup: population.subgroup, level: population.level, byArm: arms.enumerated().map { armIndex, arm in
                    TrajectoryArm(arm: arm, points: plan.visits.map { visit in
                        let base = baselines[parameter]!
                        let trend = parameter == "HBA1C" ? -0.3 * min(visit, 6) / 6 : (armIndex == 0 ? 0.005 : -0.02) * visit
                        return TrajectoryPoint(visit: visit, n: n * population.n / 27, mean: base * (1 + trend),
                                               sem: base * 0.06 / Double(max(n / 27, 1)).squareRoot())
                    })
                })
            }
        }
    }

    /// Percent changes at month 12: every value for small arms, quartiles and outliers only for large ones.
    static func distributions(n: Int) -> [PercentChangeDistribution] {
        ["CPEPF", "CPEPP"].flatMap { parameter in
            populations.map { population in
                PercentChangeDistribution(parameter: parameter, visit: 12, subgroup: population.subgroup, level: population.level,
                                          byArm: arms.enumerated().map { armIndex, arm in
                    let size = n * population.n / 27
                    let centre = armIndex == 0 ? 5.0 : -15
                    let values = size <= BoxSummary.maximumPoints
                        ? (0..<size).map { centre + 60 * (unit(UInt64($0 * 7 + armIndex)) - 0.5) }.sorted() : nil
                    return BoxSummary(arm: arm, n: size, q1: centre - 15, median: centre, q3: centre + 15, whiskerLower: centre - 38,
                                      whiskerUpper: centre + 40, outliers: size > 1000 ? (0..<200).map { centre + 45 + 200 * unit(UInt64($0)) }.sorted() : [],
                                      outlierCount: size > 1000 ? size / 100 : 0, values: values)
                })
            }
        }
    }

    static func endpoints(_ pValues: [Double]) -> [EndpointResult] {
        ["CPEPF", "CPEPP"].flatMap { parameter in
            zip(populations, pValues).map { (population: (subgroup: String?, level: String?, n: Int), p: Double) in
                EndpointResult(parameter: parameter, visit: 12, subgroup: population.subgroup, level: population.level, byArm: [],
                               between: BetweenArmComparison(measure: .percentChange, test: .mannWhitney, pValue: p))
            }
        }
    }

    /// Results like the bundled example study's: 27 vs 26 participants, 3 insulin-independent, 8 AE terms.
    static let example: Results = {
        let sizes = (27, 26)
        let terms = [("Fever", "General disorders", 6, 1), ("Headache", "Nervous system disorders", 4, 3),
                     ("Fatigue", "General disorders", 3, 2), ("Upper respiratory tract infection", "Infections", 3, 4),
                     ("Hypoglycaemia", "Metabolism and nutrition disorders", 5, 6), ("Nausea", "Gastrointestinal disorders", 2, 1),
                     ("Rash", "Skin disorders", 1, 0), ("Injection-site reaction", "General disorders", 2, 0)]
        return Results(
            inputs: [],
            arms: [ArmSize(arm: arms[0], n: sizes.0), ArmSize(arm: arms[1], n: sizes.1)],
            remission: RemissionResults(
                overall: comparison(remissionArm(arms[0], n: 27, responders: 11, ci: (0.245, 0.593)),
                                    remissionArm(arms[1], n: 26, responders: 3, ci: (0.040, 0.290)), difference: 0.292, p: 0.0157),
                subgroups: [
                    SubgroupRemission(subgroup: "Onset", level: "Adult-onset", comparison: comparison(
                        remissionArm(arms[0], n: 17, responders: 8, ci: (0.262, 0.690)),
                        remissionArm(arms[1], n: 16, responders: 1, ci: (0.011, 0.283)), difference: 0.408, p: 0.0176)),
                    SubgroupRemission(subgroup: "Onset", level: "Juvenile-onset", comparison: comparison(
                        remissionArm(arms[0], n: 10, responders: 3, ci: (0.108, 0.603)),
                        remissionArm(arms[1], n: 10, responders: 2, ci: (0.057, 0.510)), difference: 0.1, p: 1)),
                ],
                interactions: [SubgroupInteraction(subgroup: "Onset", test: .logisticWald, pValue: 0.31)]),
            endpoints: endpoints([0.0084, 0.00091, 0.97]),
            logistic: LogisticResults(
                method: .firth, population: .treatment, n: 27, events: 11,
                terms: [term("(Intercept)", 1.9, 0.1, 30, 0.6), term("CPEPF.BASE", 0.9876, 0.9751, 0.9979, 0.0183),
                        term("MSCDOSE", 2.87, 1.12, 9.84, 0.0281)],
                methodReason: .fewEventsPerCovariate, eventsPerCovariate: 5.5, separation: false,
                univariable: [
                    UnivariableFit(covariate: "CPEPF.BASE", method: .firth, methodReason: .fewEventsPerCovariate, n: 27, events: 11, term: term("CPEPF.BASE", 0.9912, 0.9822, 0.9987, 0.0224)),
                    UnivariableFit(covariate: "MSCDOSE", method: .firth, methodReason: .fewEventsPerCovariate, n: 27, events: 11, term: term("MSCDOSE", 2.14, 0.95, 5.61, 0.0672)),
                ]),
            insulinIndependence: InsulinIndependenceResults(
                byArm: [InsulinIndependenceArm(arm: arms[0], subjects: 3, n: 27, episodes: 3),
                        InsulinIndependenceArm(arm: arms[1], subjects: 0, n: 26, episodes: 0)],
                episodes: [
                    InsulinIndependenceEpisode(usubjid: "UCMSC-007", arm: arms[0], startMonth: 3, endMonth: 6, durationMonths: 3, ongoing: false),
                    InsulinIndependenceEpisode(usubjid: "UCMSC-012", arm: arms[0], startMonth: 0.5, endMonth: nil, durationMonths: 11.5, ongoing: true),
                    InsulinIndependenceEpisode(usubjid: "UCMSC-019", arm: arms[0], startMonth: 4, endMonth: 11, durationMonths: 7, ongoing: false),
                ],
                test: .fisherExact, pValue: 0.2364),
            adverseEvents: AdverseEventResults(
                byTerm: terms.map { adverseEvent($0.0, soc: $0.1, $0.2, $0.3, sizes: sizes) },
                bySystemOrganClass: [], bySeverity: [], anyEvent: incidence(14, 11), serious: incidence(0, 0), related: incidence(8, 0)),
            baseline: BaselineResults(rows: [], subgroups: []),
            participantFlow: ParticipantFlow(enrolled: 53, byArm: [
                ParticipantFlowArm(arm: arms[0], allocated: 27, secondInfusion: 26, completedPrimaryVisit: 26, analysed: 27),
                ParticipantFlowArm(arm: arms[1], allocated: 26, secondInfusion: nil, completedPrimaryVisit: 25, analysed: 26),
            ]),
            figureData: FigureData(trajectories: trajectories(n: 27), percentChangeDistributions: distributions(n: 27)),
            plan: PlanAsUsed(AnalysisPlan()))
    }()

    /// Results like a 1,000,000-participant study's: 500,000 per arm, 300 AE terms, 4,000 episodes
    /// (some participants with two), CIs narrower than the symbols.
    static let large: Results = {
        var results = example
        let n = 500_000
        var (remission, logistic) = (results.remission!, results.logistic!)
        var (adverseEvents, insulinIndependence) = (results.adverseEvents!, results.insulinIndependence!)
        results.arms = [ArmSize(arm: arms[0], n: n), ArmSize(arm: arms[1], n: n)]
        remission.overall = comparison(remissionArm(arms[0], n: n, responders: 203_700, ci: (0.406, 0.409)),
                                               remissionArm(arms[1], n: n, responders: 57_500, ci: (0.114, 0.116)),
                                               difference: 0.292, p: 1e-300)
        remission.subgroups = remission.subgroups.map { subgroup in
            var subgroup = subgroup
            subgroup.byArm = subgroup.byArm.map { arm in
                remissionArm(arm.arm, n: n / 2, responders: Int(Double(n / 2) * (arm.rate ?? 0)),
                             ci: ((arm.rate ?? 0) - 0.002, (arm.rate ?? 0) + 0.002))
            }
            return subgroup
        }
        logistic.n = n
        logistic.events = 203_700
        logistic.method = .ml
        logistic.methodReason = .enoughEventsPerCovariate
        logistic.terms = [term("(Intercept)", 1.9, 1.8, 2.0, 1e-40), term("CPEPF.BASE", 0.98761, 0.98752, 0.98770, 1e-200),
                                  term("MSCDOSE", 2.871, 2.860, 2.882, 1e-250)]
        logistic.univariable = []
        let socs = ["General disorders", "Infections and infestations", "Nervous system disorders", "Gastrointestinal disorders"]
        adverseEvents.byTerm = (0..<300).map { index in
            let base = Int(Double(n) * 0.3 * unit(UInt64(index)) * unit(UInt64(index + 1000)))
            return adverseEvent("Preferred term number \(index + 1)", soc: socs[index % socs.count], base,
                                Int(Double(base) * (0.7 + 0.6 * unit(UInt64(index + 2000)))), sizes: (n, n))
        }
        insulinIndependence.byArm = [InsulinIndependenceArm(arm: arms[0], subjects: 3_000, n: n, episodes: 3_400),
                                             InsulinIndependenceArm(arm: arms[1], subjects: 600, n: n, episodes: 600)]
        insulinIndependence.episodes = (0..<4_000).map { index in
            let participant = index < 3_400 ? index % 3_000 : index
            let arm = index < 3_400 ? arms[0] : arms[1]
            // Participants 0..<400 have two episodes: the first ends by month 9, the second starts at 10.
            let second = index >= 3_000 && index < 3_400
            let start = second ? 10.0 : 12 * unit(UInt64(index)) * (index < 400 ? 0.6 : 0.8)
            let ongoing = unit(UInt64(index + 7_000)) < 0.3
            let latest = index < 400 ? 9.0 : 12
            let end = ongoing && index >= 400 ? latest : min(latest, start + 0.5 + 11 * unit(UInt64(index + 9_000)) * (1 - start / 12))
            return InsulinIndependenceEpisode(usubjid: String(format: "P-%07d", participant), arm: arm, startMonth: start,
                                              endMonth: ongoing && index >= 400 ? nil : end, durationMonths: end - start,
                                              ongoing: ongoing && index >= 400)
        }
        results.figureData = FigureData(trajectories: trajectories(n: n), percentChangeDistributions: distributions(n: n))
        results.endpoints = endpoints([1e-300, 1e-200, 0.43])
        results.participantFlow = ParticipantFlow(enrolled: 2 * n, byArm: [
            ParticipantFlowArm(arm: arms[0], allocated: n, secondInfusion: 481_233, completedPrimaryVisit: 470_112, analysed: n),
            ParticipantFlowArm(arm: arms[1], allocated: n, secondInfusion: nil, completedPrimaryVisit: 468_020, analysed: n),
        ])
        (results.remission, results.logistic) = (remission, logistic)
        (results.adverseEvents, results.insulinIndependence) = (adverseEvents, insulinIndependence)
        return results
    }()
}
