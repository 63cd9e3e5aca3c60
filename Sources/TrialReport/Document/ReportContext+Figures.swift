import TrialAnalysis

extension ReportContext {
    /// `{name, anchor, label, caption}` of figure `name`, or `nil` when the report has no such figure.
    func captionedFigure(_ name: FigureName) -> [String: Any]? {
        figure(name).map { $0.merging(["caption": caption(name)]) { $1 } }
    }

    /// The efficacy section's figures (means by visit, differences from the reference), with captions.
    func efficacyFigureValues() -> [[String: Any]] {
        [FigureName.endpointMeans, .endpointForest, .subgroupForest].compactMap(captionedFigure)
    }

    /// The caption of a figure, without its number; a CDISC ADaM study's from its results (what is
    /// shown, the model, the set and its N).
    func caption(_ name: FigureName) -> String {
        switch name {
        case .cpeptideChange: "Percent change in C-peptide from baseline to the primary visit by arm, overall and by subgroup"
        case .cpeptideTrajectory: "Fasting and postprandial C-peptide over time, mean ± SEM by arm"
        case .hba1cTrajectory: "HbA1c over time, mean ± SEM by arm"
        case .insulinDoseTrajectory: "Daily insulin dose over time, mean ± SEM by arm"
        case .insulinIndependence: "Insulin-independence episodes per participant"
        case .remissionRates: "Remission rate with 95% CI by arm, overall and by subgroup"
        case .remissionForest: "Odds ratios of remission with 95% CI"
        case .consort: "Participant flow (CONSORT)"
        case .adverseEvents: "Participants with each adverse event, by arm"
        case .endpointMeans: endpointMeansCaption
        case .endpointForest: endpointForestCaption
        case .emergentEvents: emergentEventsCaption
        case .dispositionFlow: dispositionFlowCaption
        case .subgroupForest: subgroupForestCaption
        }
    }

    /// "Change from baseline of Adas-Cog(11) Subscore (ACTOT) by visit, mean with 95% CI by arm; the Efficacy set (N = 234)".
    private var endpointMeansCaption: String {
        let endpoints = results.modelEndpoints.filter { !$0.shownVisits.isEmpty }
        guard endpoints.count == 1, let endpoint = endpoints.first else {
            return "The modelled endpoints by visit, mean with 95% CI by arm; " + Self.prose(populations(of: endpoints))
        }
        return "\(endpoint.measureName) of \(endpoint.parameterPhrase) by visit, "
            + "mean with 95% CI by arm; \(endpoint.population(space: " "))"
    }

    /// "Least-squares mean differences from Placebo with 95% CI, analysis of covariance CHG ~ arm + SITEGR1 + BASE; the Efficacy set (N = 234)".
    private var endpointForestCaption: String {
        let endpoints = results.modelEndpoints.filter { $0.differences.contains { $0.difference?.estimate != nil } }
        let reference = endpoints.first?.differences.first?.reference ?? ""
        let model = endpoints.count == 1 ? endpoints[0].model : "of each endpoint"
        return "Least-squares mean differences from \(reference) with 95% CI, analysis of covariance \(model); "
            + Self.prose(populations(of: endpoints))
    }

    /// "Effects against Placebo within subgroups with 95% CI and the treatment × subgroup interaction p; the Efficacy set (N = 234)".
    private var subgroupForestCaption: String {
        let models = results.modelEndpoints.filter { $0.subgroups != nil }
        let responders = results.responderEndpoints.filter { $0.subgroups != nil }
        let reference = results.plan.referenceArm ?? ""
        return "Effects against \(reference) within the subgroups' levels with 95% CI and the treatment × subgroup interaction p; "
            + Self.prose((populations(of: models) + responders.map { $0.population(space: " ") })
                .reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
    }

    /// "The 20 most frequent treatment-emergent preferred terms, participants by arm (%); the Safety set (N = 254)".
    private var emergentEventsCaption: String {
        guard let events = results.treatmentEmergentEvents else { return "" }
        let terms = events.classes.reduce(0) { $0 + $1.terms.count }
        let shown = min(terms, EmergentEventsFigure.maximumTerms)
        let which = shown < terms ? "The \(Display.integer(shown)) most frequent" : "The"
        let total = "N = \(Display.integer(events.arms.reduce(0) { $0 + $1.n }))"
        return "\(which) treatment-emergent preferred terms, participants by arm (%); "
            + (events.set.map { "the \($0) set (\(total))" } ?? "all participants (\(total))")
    }

    /// "Participant flow by arm: the Intent-to-treat set (N = 254), Completed week 24, Discontinued before week 24 with
    /// the reasons (DCSREAS), and the analysis sets".
    private var dispositionFlowCaption: String {
        if let flow = results.consortFlow {
            guard case .adam(let layout) = plan.data else { return "" }
            return flow.caption(disposition: results.disposition, actualTreatment: layout.actualTreatment)
        }
        guard let disposition = results.disposition else { return "" }
        let population = disposition.set.map { "the \($0) set" } ?? "all participants"
        return "Participant flow by arm: \(population) (N = \(Display.integer(disposition.total))), \(disposition.completed.label), "
            + disposition.discontinued.label + (disposition.reasonVariable.map { " with the reasons (\($0))" } ?? "")
            + (results.analysisSets.isEmpty ? "" : ", and the analysis sets")
    }

    /// The distinct populations of `endpoints`, in order: "the Efficacy set (N = 234)".
    private func populations(of endpoints: [ModelEndpointResult]) -> [String] {
        endpoints.map { $0.population(space: " ") }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }
}
