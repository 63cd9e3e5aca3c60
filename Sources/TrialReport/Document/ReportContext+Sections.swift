import TrialAnalysis

extension ReportContext {
    /// The participant flow: enrolled, and per arm allocated, second infusion, primary visit, analysed.
    func flowValues(_ flow: ParticipantFlow) -> [String: Any] {
        return [
            "enrolled": Display.integer(flow.enrolled),
            "byArm": flow.byArm.map { arm in
                [
                    "arm": arm.arm, "allocated": Display.integer(arm.allocated),
                    "secondInfusion": Display.integer(arm.secondInfusion), "hasSecondInfusion": arm.secondInfusion != nil,
                    "completedPrimaryVisit": Display.integer(arm.completedPrimaryVisit),
                    "analysed": Display.integer(arm.analysed),
                ] as [String: Any]
            },
            "figure": figure(.consort) as Any? ?? false,
        ]
    }

    /// The baseline tables: `table` (by arm) and `bySubgroup` ({subgroup, table}).
    func baselineValues() -> [String: Any] {
        [
            "table": table("baseline") as Any? ?? false,
            "bySubgroup": plan.subgroups.compactMap { subgroup in
                table(ReportTables.baselineName(subgroup: subgroup.name)).map {
                    ["subgroup": subgroup.name.lowercased(), "table": $0] as [String: Any]
                }
            },
        ]
    }

    /// One entry per parameter with a table: {parameter, code, table}; and the figures.
    func secondaryValues(_ labels: ReportLabels) -> [String: Any] {
        [
            "parameters": plan.parameters.compactMap { parameter in
                table(ReportTables.secondaryName(parameter: parameter.code)).map {
                    ["parameter": labels.parameter(parameter.code), "code": parameter.code, "table": $0] as [String: Any]
                }
            },
            "figures": [FigureName.cpeptideChange, .cpeptideTrajectory, .hba1cTrajectory, .insulinDoseTrajectory]
                .compactMap(captionedFigure),
            "withinArmTests": table(ReportTables.withinArmTestsName) as Any? ?? false,
        ]
    }

    /// Insulin independence per arm ({arm, subjects, episodes}), the test, the listing and the figure.
    func insulinValues(_ insulin: InsulinIndependenceResults) -> [String: Any] {
        return [
            "byArm": insulin.byArm.map { arm in
                ["arm": arm.arm, "subjects": Display.countWithPercentage(arm.subjects, of: arm.n),
                 "episodes": Display.integer(arm.episodes)] as [String: Any]
            },
            "p": Self.pStatement(insulin.pValue), "test": insulin.test.displayName,
            "hasEpisodes": !insulin.episodes.isEmpty,
            "table": table("insulin-independence") as Any? ?? false,
            "figure": figure(.insulinIndependence) as Any? ?? false,
        ]
    }

    /// The logistic model: n, events, and the table and forest plot.
    func predictorValues(_ logistic: LogisticResults, _ labels: ReportLabels) -> [String: Any] {
        return [
            "n": Display.integer(logistic.n), "events": Display.integer(logistic.events),
            "table": table("predictors") as Any? ?? false,
            "figure": figure(.remissionForest) as Any? ?? false,
            "terms": logistic.terms.filter { $0.term != "(Intercept)" }.map { term in
                ["covariate": labels.covariate(term.term, per: ShownOddsRatio(term).per),
                 "oddsRatio": ShownOddsRatio(term).text(),
                 "p": Self.pStatement(term.pValue)] as [String: Any]
            },
        ]
    }

    /// Adverse events: any, serious and related per arm with p, the table and the figure.
    func safetyValues(_ events: AdverseEventResults) -> [String: Any] {
        func incidence(_ incidence: AdverseEventIncidence) -> [String: Any] {
            [
                "byArm": incidence.byArm.map { count in
                    ["arm": count.arm,
                     "subjects": Display.countWithPercentage(count.subjects, of: results.arms.first { $0.arm == count.arm }?.n),
                     "events": Display.integer(count.events)] as [String: Any]
                },
                "p": Self.pStatement(incidence.pValue),
            ]
        }
        return [
            "any": incidence(events.anyEvent), "serious": incidence(events.serious), "related": incidence(events.related),
            "terms": Display.integer(events.byTerm.count),
            "table": table("adverse-events") as Any? ?? false,
            "figure": figure(.adverseEvents) as Any? ?? false,
        ]
    }

    /// The primary-endpoint table and figures.
    func primaryValues() -> [String: Any] {
        [
            "table": table("primary-endpoint") as Any? ?? false,
            "figure": figure(.remissionRates) as Any? ?? false,
        ]
    }

    /// Input files ({file, sha256, rows, bytes}), the plan as YAML, the validation warnings and the
    /// analysis notes ({section, context, message}).
    func appendixValues() -> [String: Any] {
        [
            "inputs": results.inputs.map { input in
                ["file": input.file, "sha256": input.sha256, "rows": Display.integer(input.rows),
                 "bytes": Display.integer(input.bytes)] as [String: Any]
            },
            "planYAML": provenance.planYAML,
            "planSource": provenance.planSource,
            "warnings": provenance.warnings,
            "hasWarnings": !provenance.warnings.isEmpty,
            "notes": results.notes.map { ["section": $0.section, "context": $0.context, "message": $0.message] },
            "hasNotes": !results.notes.isEmpty,
        ]
    }
}
