import TrialData

extension AnalysisPlan {
    /// The plan as used, written out in full as `study.yaml` (defaults included; for a CDISC ADaM
    /// plan, the keys it can have), for the report's appendix. The text is deterministic: keys in a fixed order, every string double-quoted,
    /// whole numbers without a decimal point. Loading it gives back an equal plan.
    ///
    /// - Complexity: O(size of the plan).
    public var canonicalYAML: String {
        var lines: [String] = []
        func key(_ key: some RawRepresentable<String>, _ value: String, indent: String = "") {
            lines.append("\(indent)\(key.rawValue): \(value)")
        }
        key(PlanKey.title, Self.quoted(title))
        if case .adam(let layout) = data {
            lines.append("\(PlanKey.data.rawValue):")
            key(DataKey.format, PlanDataDecoder.Format.adam.rawValue, indent: "  ")
            key(DataKey.subjects, Self.quoted(layout.subjects), indent: "  ")
            if let events = layout.events { key(DataKey.events, Self.quoted(events), indent: "  ") }
            if !layout.measurements.isEmpty {
                key(DataKey.measurements, Self.flow(layout.measurements.map(Self.quoted)), indent: "  ")
            }
            key(DataKey.treatment, Self.quoted(layout.treatment), indent: "  ")
            if let actual = layout.actualTreatment { key(DataKey.actualTreatment, Self.quoted(actual), indent: "  ") }
            key(DataKey.emergentFlag, Self.quoted(layout.emergentFlag), indent: "  ")
            if let related = layout.relatedValues {
                key(DataKey.related, Self.flow(related.map(Self.quoted)), indent: "  ")
                key(DataKey.notRelated, Self.flow(layout.unrelatedValues.map(Self.quoted)), indent: "  ")
            }
        }
        lines.append("\(PlanKey.arms.rawValue):")
        if arms.isShorthand {
            key(ArmKey.treatment, Self.quoted(arms.treatment), indent: "  ")
            key(ArmKey.control, Self.quoted(arms.control), indent: "  ")
        } else {
            for (index, arm) in arms.list.enumerated() {
                var fields = ["\(ArmListKey.label.rawValue): \(Self.quoted(arm.label))"]
                if index == arms.referenceIndex { fields.append("\(ArmListKey.reference.rawValue): true") }
                if let dose = arm.dose { fields.append("\(ArmListKey.dose.rawValue): \(PlanNumber.text(dose))") }
                lines.append("  - {\(fields.joined(separator: ", "))}")
            }
        }
        if !sets.isEmpty {
            lines.append("\(PlanKey.sets.rawValue):")
            for set in sets {
                lines.append("  - {\(SetKey.name.rawValue): \(Self.quoted(set.name)), \(SetKey.flag.rawValue): \(Self.quoted(set.flag)), "
                    + "\(SetKey.byActualTreatment.rawValue): \(set.byActualTreatment)}")
            }
        }
        if !derivedParameters.isEmpty {
            lines.append("\(PlanKey.derivedParameters.rawValue):")
            for parameter in derivedParameters {
                key(DerivedParameterKey.code, Self.quoted(parameter.code), indent: "  - ")
                key(DerivedParameterKey.label, Self.quoted(parameter.label), indent: "    ")
                if !parameter.unit.isEmpty { key(DerivedParameterKey.unit, Self.quoted(parameter.unit), indent: "    ") }
                switch parameter.derivation {
                case .areaUnderCurve(let source, let mean):
                    key(DerivedParameterKey.auc, "{\(AreaUnderCurveKey.parameter.rawValue): \(Self.quoted(source)), "
                        + "\(AreaUnderCurveKey.mean.rawValue): \(mean)}", indent: "    ")
                case .expression(let expression):
                    key(DerivedParameterKey.expression, Self.quoted(expression.text), indent: "    ")
                }
            }
        }
        if !endpoints.isEmpty {
            lines.append("\(PlanKey.endpoints.rawValue):")
            for endpoint in endpoints {
                key(EndpointKey.name, Self.quoted(endpoint.name), indent: "  - ")
                key(EndpointKey.parameter, Self.quoted(endpoint.parameter), indent: "    ")
                if endpoint.model == .mmrm {
                    key(EndpointKey.model, endpoint.model.rawValue, indent: "    ")
                    key(EndpointKey.visits, Self.flow(endpoint.visits.map(PlanNumber.text)), indent: "    ")
                    key(EndpointKey.covariance, Self.flow(endpoint.covariance.map(\.rawValue)), indent: "    ")
                    key(EndpointKey.df, endpoint.degreesOfFreedom.rawValue, indent: "    ")
                } else {
                    key(EndpointKey.visit, PlanNumber.text(endpoint.visit), indent: "    ")
                }
                key(EndpointKey.measure, endpoint.measure.rawValue, indent: "    ")
                if let set = endpoint.set { key(EndpointKey.set, Self.quoted(set), indent: "    ") }
                if let flag = endpoint.recordFlag { key(EndpointKey.records, Self.quoted(flag), indent: "    ") }
                if endpoint.observedOnly { key(EndpointKey.observedOnly, "true", indent: "    ") }
                if let rule = endpoint.responder {
                    let fields = ["\(ResponderKey.threshold.rawValue): \(PlanNumber.text(rule.threshold))",
                                  "\(ResponderKey.better.rawValue): \(rule.better.rawValue)",
                                  "\(ResponderKey.missing.rawValue): \(rule.missing.rawValue)"]
                    key(EndpointKey.responder, "{" + fields.joined(separator: ", ") + "}", indent: "    ")
                } else {
                    key(EndpointKey.covariates, Self.flow(endpoint.covariates.map(Self.quoted)), indent: "    ")
                    key(EndpointKey.weights, endpoint.weights.rawValue, indent: "    ")
                }
                if let arms = endpoint.arms { key(EndpointKey.arms, Self.flow(arms.map(Self.quoted)), indent: "    ") }
                if let offset = endpoint.logOffset { key(EndpointKey.logOffset, PlanNumber.text(offset), indent: "    ") }
            }
        }
        // An ADaM plan cannot write the keys of the seed study's layout, whose defaults it does not use.
        if case .seedStudy = data {
            key(PlanKey.visits, Self.flow(visits.map(PlanNumber.text)))
            key(PlanKey.baselineVisit, PlanNumber.text(baselineVisit))
            key(PlanKey.primaryVisit, PlanNumber.text(primaryVisit))
            key(PlanKey.infusionMonths, Self.flow(infusionMonths.map(PlanNumber.text)))
            lines.append("\(PlanKey.parameters.rawValue):")
            for parameter in parameters {
                let fields = [
                    "\(ParameterKey.label.rawValue): \(Self.quoted(parameter.label))",
                    "\(ParameterKey.unit.rawValue): \(Self.quoted(parameter.unit))",
                    "\(ParameterKey.decimals.rawValue): \(parameter.decimals)",
                ]
                lines.append("  \(Self.quoted(parameter.code)): {\(fields.joined(separator: ", "))}")
            }
            lines.append("\(PlanKey.remission.rawValue):")
            key(RemissionKey.parameters, Self.flow(remission.parameters.map(Self.quoted)), indent: "  ")
            key(RemissionKey.rule, remission.rule.rawValue, indent: "  ")
            key(RemissionKey.minPercentIncrease, PlanNumber.text(remission.minPercentIncrease), indent: "  ")
            key(RemissionKey.missing, remission.missing.rawValue, indent: "  ")
            lines += Self.lines(of: subgroups)
            key(PlanKey.continuousTest, continuousTest.rawValue)
            key(PlanKey.pairedTest, pairedTest.rawValue)
            // Written where it applies or was changed, so that two-arm plans read as before.
            if multiplicity != .none || arms.list.count > 2 { key(PlanKey.multiplicity, multiplicity.rawValue) }
            lines.append("\(PlanKey.logistic.rawValue):")
            key(LogisticKey.population, logistic.population.rawValue, indent: "  ")
            key(LogisticKey.covariates, Self.flow(logistic.covariates.map(Self.quoted)), indent: "  ")
            key(LogisticKey.method, logistic.method.rawValue, indent: "  ")
            let units = logistic.oddsRatioPer.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            key(LogisticKey.oddsRatioPer, "{" + units.map { "\(Self.quoted($0.key)): \(PlanNumber.text($0.value))" }.joined(separator: ", ") + "}",
                indent: "  ")
            key(PlanKey.figures, Self.flow(figures.map(\.rawValue)))
        }
        if case .adam = data {
            // Written when the plan has subgroups, so that plans without them read as before.
            if !subgroups.isEmpty { lines += Self.lines(of: subgroups) }
            key(PlanKey.figures, Self.flow(figures.map(\.rawValue)))
        }
        if let safety {
            lines.append("\(PlanKey.safety.rawValue):")
            if let set = safety.set { key(SafetyKey.set, Self.quoted(set), indent: "  ") }
            key(SafetyKey.classOrder, safety.classOrder.rawValue, indent: "  ")
            key(SafetyKey.termOrder, safety.termOrder.rawValue, indent: "  ")
            if let percent = safety.minimumPercent { key(SafetyKey.minimumPercent, PlanNumber.text(percent), indent: "  ") }
            key(SafetyKey.tests, Self.flow(safety.tests.map(\.rawValue)), indent: "  ")
            key(SafetyKey.total, String(safety.total), indent: "  ")
        }
        if let baseline { lines += Self.lines(of: baseline) }
        // Written when changed, so that plans without it read as before.
        if tlf != TLFSettings() {
            lines.append("\(PlanKey.tlf.rawValue):")
            key(TLFKey.write, String(tlf.write), indent: "  ")
            key(TLFKey.titles, tlf.titles.rawValue, indent: "  ")
            let numbers = tlf.numbers.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            key(TLFKey.numbers, "{" + numbers.map { "\(Self.quoted($0.key)): \(Self.quoted($0.value))" }.joined(separator: ", ") + "}",
                indent: "  ")
            key(TLFKey.formats, Self.flow(tlf.formats.map(\.rawValue)), indent: "  ")
        }
        if let disposition { lines += Self.lines(of: disposition) }
        // Written when changed, so that plans without it read as before.
        if figureStyle != FigureStyle() {
            lines.append("\(PlanKey.figureStyle.rawValue):")
            key(FigureStyleKey.preset, figureStyle.preset.rawValue, indent: "  ")
            key(FigureStyleKey.panelLetters, String(figureStyle.panelLetters), indent: "  ")
            key(FigureStyleKey.notes, figureStyle.notes.rawValue, indent: "  ")
        }
        // Written when changed, so that plans without them read as before.
        if figureFormats != FigureFormat.standard { key(PlanKey.figureFormats, Self.flow(figureFormats.map(\.rawValue))) }
        if figureDpi != 300 { key(PlanKey.figureDpi, PlanNumber.text(figureDpi)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `subgroups:` and each subgroup's keys: `cut` and `labels` of a split at a cut, `levels` or
    /// `orderBy` (when given) of a split by categories.
    private static func lines(of subgroups: [SubgroupDefinition]) -> [String] {
        var lines = ["\(PlanKey.subgroups.rawValue):" + (subgroups.isEmpty ? " []" : "")]
        for subgroup in subgroups {
            lines.append("  - \(SubgroupKey.name.rawValue): \(quoted(subgroup.name))")
            lines.append("    \(SubgroupKey.variable.rawValue): \(quoted(subgroup.variable))")
            if let cut = subgroup.cut {
                lines.append("    \(SubgroupKey.cut.rawValue): \(PlanNumber.text(cut))")
                lines.append("    \(SubgroupKey.labels.rawValue): \(flow(subgroup.labels.map(quoted)))")
            }
            if let levels = subgroup.levels { lines.append("    \(SubgroupKey.levels.rawValue): " + Self.levels(levels)) }
            if let orderBy = subgroup.orderBy { lines.append("    \(SubgroupKey.orderBy.rawValue): \(quoted(orderBy))") }
        }
        return lines
    }

    /// `disposition:` and its keys; the variables and set only when given (their defaults depend on the data).
    private static func lines(of disposition: DispositionPlan) -> [String] {
        var lines = ["\(PlanKey.disposition.rawValue):"]
        if let set = disposition.set { lines.append("  \(DispositionKey.set.rawValue): \(quoted(set))") }
        if let status = disposition.status { lines.append("  \(DispositionKey.status.rawValue): \(quoted(status))") }
        lines.append("  \(DispositionKey.completedLabel.rawValue): \(quoted(disposition.completedLabel))")
        lines.append("  \(DispositionKey.discontinuedLabel.rawValue): \(quoted(disposition.discontinuedLabel))")
        if let reason = disposition.reason { lines.append("  \(DispositionKey.reason.rawValue): \(quoted(reason))") }
        if let reasons = disposition.reasons { lines.append("  \(DispositionKey.reasons.rawValue): " + levels(reasons)) }
        lines.append("  \(DispositionKey.test.rawValue): \(disposition.test.rawValue)")
        if let assessed = disposition.assessed { lines.append("  \(DispositionKey.assessed.rawValue): \(assessed)") }
        if !disposition.excluded.isEmpty {
            lines.append("  \(DispositionKey.excluded.rawValue): {"
                + disposition.excluded.map { "\(quoted($0.reason)): \($0.n)" }.joined(separator: ", ") + "}")
        }
        return lines
    }

    /// Categories as a flow list, or a flow mapping of values to labels when any has a label.
    private static func levels(_ levels: [BaselineLevel]) -> String {
        let labelled = levels.contains { $0.label != nil }
        let items = levels.map { labelled ? "\(quoted($0.value)): \(quoted($0.label ?? $0.value))" : quoted($0.value) }
        return labelled ? "{\(items.joined(separator: ", "))}" : flow(items)
    }

    /// `baseline:` and its keys; a variable's optional keys only when given.
    private static func lines(of baseline: BaselineCharacteristicsPlan) -> [String] {
        var lines = ["\(PlanKey.baseline.rawValue):"]
        if let set = baseline.set { lines.append("  \(BaselineKey.set.rawValue): \(quoted(set))") }
        lines.append("  \(BaselineKey.continuousTest.rawValue): \(baseline.continuousTest.rawValue)")
        lines.append("  \(BaselineKey.categoricalTest.rawValue): \(baseline.categoricalTest.rawValue)")
        lines.append("  \(BaselineKey.variables.rawValue):")
        for variable in baseline.variables {
            var fields = ["\(BaselineVariableKey.variable.rawValue): \(quoted(variable.variable))"]
            if let label = variable.label { fields.append("\(BaselineVariableKey.label.rawValue): \(quoted(label))") }
            if let kind = variable.kind { fields.append("\(BaselineVariableKey.kind.rawValue): \(kind.rawValue)") }
            fields.append("\(BaselineVariableKey.decimals.rawValue): \(variable.decimals)")
            if let levels = variable.levels { fields.append("\(BaselineVariableKey.levels.rawValue): " + Self.levels(levels)) }
            if let orderBy = variable.orderBy { fields.append("\(BaselineVariableKey.orderBy.rawValue): \(quoted(orderBy))") }
            lines.append("    - {\(fields.joined(separator: ", "))}")
        }
        return lines
    }

    /// `[a, b, c]`.
    private static func flow(_ items: [String]) -> String {
        "[\(items.joined(separator: ", "))]"
    }

    /// A YAML double-quoted scalar, written as the equivalent JSON string literal.
    private static func quoted(_ text: String) -> String {
        JSONValue.stringLiteral(text)
    }
}
