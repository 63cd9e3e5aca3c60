import Yams

/// Turns a composed `study.yaml` into an `AnalysisPlan`: every key present overrides the
/// default, every key absent keeps it. Problems go to the reader; a wrong value keeps its default
/// so that the rest of the plan is still checked.
enum PlanDecoder {
    /// The plan written in `root`.
    static func plan(from root: Node, with reader: inout PlanNodeReader) -> AnalysisPlan {
        var plan = AnalysisPlan()
        reader.readEntries(of: root, at: "", keys: PlanKey.self) { reader, key, node, path in
            read(key, from: node, at: path, into: &plan, with: &reader)
        }
        // The default figures are the layout's own: the seed study's draw sections an ADaM study does not have.
        if case .adam = plan.data, !reader.locations.contains(PlanKey.figures.rawValue) { plan.figures = FigureName.adam }
        // The seed study's onset subgroup is its own: an ADaM study has the subgroups it lists.
        if case .adam = plan.data, !reader.locations.contains(PlanKey.subgroups.rawValue) { plan.subgroups = [] }
        return plan
    }

    private static func read(_ key: PlanKey, from node: Node, at path: String, into plan: inout AnalysisPlan, with reader: inout PlanNodeReader) {
        switch key {
        case .title:
            plan.title = reader.text(node, at: path) ?? plan.title
        case .data:
            plan.data = PlanDataDecoder.layout(from: node, at: path, with: &reader) ?? plan.data
        case .arms:
            plan.arms = node.sequence == nil ? arms(from: node, at: path, default: plan.arms, with: &reader)
                : PlanDataDecoder.armList(from: node, at: path, with: &reader) ?? plan.arms
        case .sets:
            plan.sets = PlanDataDecoder.sets(from: node, at: path, with: &reader) ?? plan.sets
        case .derivedParameters:
            plan.derivedParameters = PlanDerivedParameterDecoder.parameters(from: node, at: path, with: &reader) ?? plan.derivedParameters
        case .endpoints:
            plan.endpoints = PlanEndpointDecoder.endpoints(from: node, at: path, with: &reader) ?? plan.endpoints
        case .visits:
            guard reader.isWithin(.visits, node, at: path),
                  let visits = months(from: node, at: path, named: "visit", with: &reader) else { return }
            if visits.isEmpty { reader.report("at least one visit is needed", at: node, path: path) }
            plan.visits = visits.sorted()
        case .baselineVisit:
            plan.baselineVisit = reader.number(node, at: path) ?? plan.baselineVisit
        case .primaryVisit:
            plan.primaryVisit = reader.number(node, at: path) ?? plan.primaryVisit
        case .infusionMonths:
            guard reader.isWithin(.infusionMonths, node, at: path),
                  let months = months(from: node, at: path, named: "month", with: &reader) else { return }
            plan.infusionMonths = months.sorted()
        case .parameters:
            plan.parameters = parameters(from: node, at: path, with: &reader) ?? plan.parameters
        case .remission:
            plan.remission = remission(from: node, at: path, default: plan.remission, with: &reader)
        case .subgroups:
            plan.subgroups = PlanSubgroupDecoder.subgroups(from: node, at: path, with: &reader) ?? plan.subgroups
        case .continuousTest:
            plan.continuousTest = reader.choice(node, at: path) ?? plan.continuousTest
        case .pairedTest:
            plan.pairedTest = reader.choice(node, at: path) ?? plan.pairedTest
        case .multiplicity:
            plan.multiplicity = reader.choice(node, at: path) ?? plan.multiplicity
        case .logistic:
            plan.logistic = logistic(from: node, at: path, default: plan.logistic, with: &reader)
        case .baseline:
            plan.baseline = PlanBaselineDecoder.characteristics(from: node, at: path, with: &reader)
        case .figures:
            let figures: [FigureName]? = reader.uniqueList(node, at: path, describe: { "figure '\($0.rawValue)'" }) {
                $0.choice($1, at: $2)
            }
            plan.figures = figures ?? plan.figures
        case .safety:
            plan.safety = PlanSafetyDecoder.specification(from: node, at: path, with: &reader) ?? plan.safety
        case .tlf:
            plan.tlf = PlanTLFDecoder.settings(from: node, at: path, with: &reader) ?? plan.tlf
        case .figureStyle:
            plan.figureStyle = PlanFigureStyleDecoder.style(from: node, at: path, with: &reader) ?? plan.figureStyle
        case .disposition:
            plan.disposition = PlanDispositionDecoder.disposition(from: node, at: path, with: &reader)
        case .figureFormats:
            let formats: [FigureFormat]? = reader.uniqueList(node, at: path, describe: { "format '\($0.rawValue)'" }) {
                $0.choice($1, at: $2)
            }
            if formats?.isEmpty == true { reader.report("at least one format is needed", at: node, path: path) }
            plan.figureFormats = formats.flatMap { $0.isEmpty ? nil : $0 } ?? plan.figureFormats
        case .figureDpi:
            guard let dpi = reader.number(node, at: path) else { return }
            guard FigureFormat.dpiRange.contains(dpi) else {
                reader.report("expected a resolution from 72 to 1200 dots per inch, got \(PlanNumber.text(dpi))", at: node, path: path)
                return
            }
            plan.figureDpi = dpi
        }
    }

    // MARK: Sections

    /// A list of distinct months, each element named `noun` in messages.
    private static func months(from node: Node, at path: String, named noun: String, with reader: inout PlanNodeReader) -> [Double]? {
        reader.uniqueList(node, at: path, describe: { "\(noun) \(PlanNumber.text($0))" }) { $0.number($1, at: $2) }
    }

    /// A list of distinct texts, each element named `noun` in messages.
    private static func texts(from node: Node, at path: String, named noun: String, with reader: inout PlanNodeReader) -> [String]? {
        reader.uniqueList(node, at: path, describe: { "\(noun) '\($0)'" }) { $0.text($1, at: $2) }
    }

    private static func arms(from node: Node, at path: String, default arms: ArmLabels, with reader: inout PlanNodeReader) -> ArmLabels {
        var arms = arms
        let written = reader.readEntries(of: node, at: path, keys: ArmKey.self) { reader, key, value, fieldPath in
            guard let label = reader.text(value, at: fieldPath) else { return }
            switch key {
            case .treatment: arms.treatment = label
            case .control: arms.control = label
            }
        }
        if arms.treatment == arms.control {
            let written = written.contains(.control) ? ArmKey.control : ArmKey.treatment
            reader.report("the treatment and control arms must have different labels, both are '\(arms.control)'",
                          atPath: PlanPath.child(path, written.rawValue))
        }
        return arms
    }

    private static func parameters(from node: Node, at path: String, with reader: inout PlanNodeReader) -> [ParameterDefinition]? {
        guard reader.isWithin(.parameters, node, at: path), let entries = reader.freeEntries(of: node, at: path) else { return nil }
        if entries.isEmpty { reader.report("at least one parameter is needed", at: node, path: path) }
        var parameters: [ParameterDefinition] = []
        for (code, keyNode, value) in entries {
            let parameterPath = PlanPath.child(path, code)
            guard code.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }) else {
                reader.report("'\(code)' is not a PARAMCD code (letters, digits and '_')", at: keyNode, path: parameterPath)
                continue
            }
            var parameter = ParameterDefinition(code: code, label: code, unit: "", decimals: 2)
            reader.readEntries(of: value, at: parameterPath, keys: ParameterKey.self) { reader, key, field, fieldPath in
                switch key {
                case .label: parameter.label = reader.text(field, at: fieldPath) ?? parameter.label
                case .unit: parameter.unit = reader.text(field, at: fieldPath, allowEmpty: true) ?? parameter.unit
                case .decimals: parameter.decimals = reader.integer(field, at: fieldPath, in: 0...10) ?? parameter.decimals
                }
            }
            parameters.append(parameter)
        }
        return parameters
    }

    private static func remission(from node: Node, at path: String, default rule: RemissionRule, with reader: inout PlanNodeReader) -> RemissionRule {
        var rule = rule
        reader.readEntries(of: node, at: path, keys: RemissionKey.self) { reader, key, value, fieldPath in
            switch key {
            case .parameters:
                guard reader.isWithin(.remissionParameters, value, at: fieldPath),
                      let codes = texts(from: value, at: fieldPath, named: "parameter", with: &reader) else { return }
                if codes.isEmpty { reader.report("at least one parameter is needed", at: value, path: fieldPath) }
                rule.parameters = codes
            case .rule:
                rule.rule = reader.choice(value, at: fieldPath) ?? rule.rule
            case .minPercentIncrease:
                rule.minPercentIncrease = reader.number(value, at: fieldPath) ?? rule.minPercentIncrease
            case .missing:
                rule.missing = reader.choice(value, at: fieldPath) ?? rule.missing
            }
        }
        return rule
    }

    private static func logistic(
        from node: Node, at path: String, default specification: LogisticSpecification, with reader: inout PlanNodeReader
    ) -> LogisticSpecification {
        var specification = specification
        var oddsRatioPer: [(covariate: String, per: Double)]?
        reader.readEntries(of: node, at: path, keys: LogisticKey.self) { reader, key, value, fieldPath in
            switch key {
            case .population:
                specification.population = reader.choice(value, at: fieldPath) ?? specification.population
            case .covariates:
                guard reader.isWithin(.covariates, value, at: fieldPath),
                      let covariates = texts(from: value, at: fieldPath, named: "covariate", with: &reader) else { return }
                if covariates.isEmpty { reader.report("at least one covariate is needed", at: value, path: fieldPath) }
                specification.covariates = covariates
            case .method:
                specification.method = reader.choice(value, at: fieldPath) ?? specification.method
            case .oddsRatioPer:
                oddsRatioPer = units(from: value, at: fieldPath, with: &reader)
            }
        }
        let covariatesPath = PlanPath.child(path, LogisticKey.covariates.rawValue)
        if let oddsRatioPer, !reader.hasFailed(covariatesPath) {
            let perPath = PlanPath.child(path, LogisticKey.oddsRatioPer.rawValue)
            for (covariate, _) in oddsRatioPer where !specification.covariates.contains(covariate) {
                reader.report("'\(covariate)' is not one of the model's covariates (\(specification.covariates.joined(separator: ", ")))",
                              atPath: PlanPath.child(perPath, covariate))
            }
        }
        return LogisticSpecification(
            population: specification.population, covariates: specification.covariates, method: specification.method,
            oddsRatioPer: oddsRatioPer.map { Dictionary($0, uniquingKeysWith: { first, _ in first }) } ?? specification.oddsRatioPer)
    }

    /// `oddsRatioPer`: covariate names mapped to a number of units greater than 0.
    private static func units(from node: Node, at path: String, with reader: inout PlanNodeReader) -> [(covariate: String, per: Double)]? {
        guard reader.isWithin(.covariates, node, at: path), let entries = reader.freeEntries(of: node, at: path) else { return nil }
        return entries.compactMap { entry in
            let entryPath = PlanPath.child(path, entry.key)
            guard let per = reader.number(entry.value, at: entryPath) else { return nil }
            guard per > 0 else {
                reader.report("must be greater than 0, got \(PlanNumber.text(per))", at: entry.value, path: entryPath)
                return nil
            }
            return (entry.key, per)
        }
    }
}
