import TrialAnalysis

/// The data the report templates show, as a tree of dictionaries, lists, strings and booleans for
/// Mustache. Every number is already text (`Display`): templates never see a raw `Double`.
/// Guides/Report.md lists the keys.
public struct ReportContext {
    /// The results shown.
    public var results: Results
    /// The plan as used.
    public var plan: AnalysisPlan
    /// Date, lock, versions, warnings.
    public var provenance: ReportProvenance
    /// The tables by name, with their numbers once `ReportNumbering` has assigned them.
    public var tables: [ReportTable]
    /// The figures that exist, by name (e.g. "remission-rates"), in plan order.
    public var figureNames: [String]
    /// The numbers of figures by name, once `ReportNumbering` has assigned them.
    public var figureNumbers: [String: Int]

    /// A context; numbers are filled in by `numbered(by:)`.
    public init(results: Results, plan: AnalysisPlan, provenance: ReportProvenance, tables: [ReportTable],
                figureNames: [String]) {
        self.results = results
        self.plan = plan
        self.provenance = provenance
        self.tables = tables
        self.figureNames = figureNames
        self.figureNumbers = [:]
    }

    /// This context with the numbers of `numbering` given to tables and figures.
    public func numbered(by numbering: ReportNumbering) -> ReportContext {
        var context = self
        for index in context.tables.indices {
            context.tables[index].number = numbering.tables[context.tables[index].name]
        }
        context.figureNumbers = numbering.figures
        return context
    }

    /// The Mustache context: see Guides/Report.md for the keys.
    /// - Complexity: O(size of the results).
    public func values() -> [String: Any] {
        let labels = ReportLabels(plan: plan)
        let seed = results.seedStudySections
        var values: [String: Any] = [
            "title": plan.title,
            "date": provenance.date.day,
            "lock": ["locked": provenance.lockHash != nil, "hash": provenance.lockStatus,
                     "changed": provenance.lockChanged, "warning": ReportProvenance.changedWarning],
            "tool": ["name": "TrialReport", "version": provenance.toolVersion],
            "arms": armsValues(enrolled: seed?.participantFlow.enrolled),
            "sets": setValues(),
            "modelEndpoints": modelEndpointValues(),
            "responderEndpoints": responderEndpointValues(),
            "repeatedMeasuresEndpoints": repeatedMeasuresValues(),
            "efficacyFigures": efficacyFigureValues(),
            "characteristics": characteristicsValues() as Any? ?? false,
            "emergentEvents": emergentEventValues() as Any? ?? false,
            "disposition": dispositionValues() as Any? ?? false,
            "has": sectionsPresent(seed),
            "appendix": appendixValues(),
            "tables": Dictionary(uniqueKeysWithValues: tables.map { (Self.key($0.name), tableValues($0)) }),
            "figures": Dictionary(uniqueKeysWithValues: figureNames.map { (Self.key($0), figureValues($0)) }),
        ]
        if let seed {
            values.merge([
                "primaryVisit": labels.visit(plan.primaryVisit).lowercased(),
                "remission": remissionValues(seed.remission, labels),
                "methods": methodsValues(seed, labels),
                "flow": flowValues(seed.participantFlow),
                "baseline": baselineValues(),
                "primary": primaryValues(),
                "secondary": secondaryValues(labels),
                "insulinIndependence": insulinValues(seed.insulinIndependence),
                "predictors": predictorValues(seed.logistic, labels),
                "safety": safetyValues(seed.adverseEvents),
                "supportive": supportiveValues() as Any? ?? false,
            ]) { $1 }
        }
        return values
    }

    /// Which sections the results have, for templates to show only those:
    /// `{seedStudy, analysisSets, characteristics, modelEndpoints, responderEndpoints, efficacy (either),
    /// emergentEvents, disposition, supportive (the seed study's supportive analyses)}`; `seedStudy` covers the seed layout's sections (remission,
    /// endpoints, predictors, insulin independence, its baseline, flow and safety sections).
    private func sectionsPresent(_ seed: SeedStudySections?) -> [String: Bool] {
        ["seedStudy": seed != nil, "analysisSets": !results.analysisSets.isEmpty,
         "modelEndpoints": !results.modelEndpoints.isEmpty, "responderEndpoints": !results.responderEndpoints.isEmpty,
         "repeatedMeasuresEndpoints": !(results.repeatedMeasuresEndpoints ?? []).isEmpty,
         "efficacy": !results.modelEndpoints.isEmpty || !results.responderEndpoints.isEmpty,
         "emergentEvents": results.treatmentEmergentEvents != nil,
         "characteristics": results.baselineCharacteristics != nil, "disposition": results.disposition != nil,
         "supportive": results.supportiveAnalyses != nil]
    }

    /// A name as a context key: "primary-endpoint" → "primaryEndpoint".
    public static func key(_ name: String) -> String {
        let parts = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard let first = parts.first else { return name }
        return first.lowercased() + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
    }

    /// `{name, anchor, label}`: label "Table 2" (or "Table" before numbering).
    func tableValues(_ table: ReportTable) -> [String: Any] {
        ["name": table.name, "anchor": table.anchor, "label": "Table" + (table.number.map { " \($0)" } ?? "")]
    }

    /// `{name, anchor, label}` of a figure: label "Figure 3".
    func figureValues(_ name: String) -> [String: Any] {
        ["name": name, "anchor": "fig-" + SlugMaker.slug(name), "label": "Figure" + (figureNumbers[name].map { " \($0)" } ?? "")]
    }

    func table(_ name: String) -> [String: Any]? {
        tables.first { $0.name == name }.map(tableValues)
    }

    func figure(_ name: FigureName) -> [String: Any]? {
        figureNames.contains(name.rawValue) ? figureValues(name.rawValue) : nil
    }

    /// `{treatment, control, treatmentN, controlN}` (two arms), `total` (all participants), `count`,
    /// `summary` ("A (N = 27) and B (N = 26)"), `reference`, `hasDoses`, `doses` ("A 0, B 54") and
    /// `list` ({label, n, reference, dose}) in the plan's order.
    private func armsValues(enrolled: Int?) -> [String: Any] {
        let sizes = results.arms
        let arms = results.plan.arms
        let doses = arms.compactMap { arm in arm.dose.map { arm.label + " " + Display.planValue($0) } }
        return [
            "count": Display.integer(sizes.count), "reference": results.plan.referenceArm ?? "",
            "hasDoses": !doses.isEmpty, "doses": Self.prose(doses),
            "treatment": plan.arms.treatment, "control": plan.arms.control,
            "treatmentN": Display.integer(sizes.first?.n), "controlN": Display.integer(sizes.dropFirst().first?.n),
            "total": Display.integer(enrolled ?? sizes.reduce(0) { $0 + $1.n }),
            "summary": Self.prose(sizes.map { "\($0.arm) (N = \(Display.integer($0.n)))" }),
            "list": sizes.map { size in
                let arm = arms.first { $0.label == size.arm }
                return ["label": size.arm, "n": Display.integer(size.n), "reference": arm?.reference ?? false,
                        "dose": arm?.dose.map(Display.planValue) ?? ""] as [String: Any]
            },
        ]
    }

    /// The analysis sets in the plan's order: {name, flag, asTreated, total, byArm: [{arm, n}]}.
    private func setValues() -> [[String: Any]] {
        results.analysisSets.map { set in
            let planned = results.plan.sets.first { $0.name == set.name }
            return ["name": set.name, "flag": planned?.flag ?? "", "asTreated": planned?.byActualTreatment ?? false,
                    "total": Display.integer(set.total),
                    "byArm": set.byArm.map { ["arm": $0.arm, "n": Display.integer($0.n)] as [String: Any] }] as [String: Any]
        }
    }

    /// "p = 0.028", "p < 0.001", "p > 0.999", or "p not computed".
    static func pStatement(_ p: Double?) -> String {
        let text = Display.pValue(p)
        if text == Display.missing { return "p not computed" }
        if let first = text.first, first == "<" || first == ">" { return "p " + String(first) + " " + text.dropFirst() }
        return "p = " + text
    }

    /// A list joined for prose: "a", "a and b", "a, b and c".
    static func prose(_ items: [String], conjunction: String = "and") -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + conjunction + " " + items[items.count - 1]
    }
}
