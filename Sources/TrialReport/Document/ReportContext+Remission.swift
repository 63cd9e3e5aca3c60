import TrialAnalysis

extension ReportContext {
    /// The primary endpoint: the overall comparison, one entry per subgroup level and interaction,
    /// and the definition of remission in words.
    func remissionValues(_ labels: ReportLabels) -> [String: Any] {
        let remission = results.remission
        let rule = plan.remission
        let parameters = rule.parameters.map { labels.parameterName($0).inSentence }
        let undefined = remission.overall.byArm.reduce(0) { $0 + $1.undefinedPercentChanges }
        let missingCounted = remission.overall.byArm.reduce(0) { $0 + $1.missingCountedAsNonResponders }
        let excluded = remission.overall.byArm.reduce(0) { $0 + $1.excluded }
        return comparisonValues(remission.overall).merging([
            "subgroups": remission.subgroups.map { level in
                comparisonValues(level.comparison).merging(["subgroup": level.subgroup, "level": level.level]) { $1 }
            },
            "interactions": remission.interactions.map { interaction in
                ["subgroup": interaction.subgroup, "p": Self.pStatement(interaction.pValue),
                 "test": interaction.test.displayName] as [String: Any]
            },
            "threshold": Display.number(rule.minPercentIncrease, decimals: rule.minPercentIncrease.rounded() == rule.minPercentIncrease ? 0 : 1) + "%",
            "parameters": Self.prose(parameters, conjunction: rule.rule == .any ? "or" : "and"),
            "ruleWords": rule.rule == .any ? "at least one of" : "each of",
            "missingRule": rule.missing == .nonResponder
                ? "a participant missing a value at baseline or at the primary visit counts as not in remission"
                : "participants missing a value at baseline or at the primary visit are left out (complete cases)",
            "undefinedPercentChanges": Display.integer(undefined),
            "hasUndefinedPercentChanges": undefined > 0,
            "missingCountedAsNonResponders": Display.integer(missingCounted),
            "hasMissingCountedAsNonResponders": missingCounted > 0,
            "excluded": Display.integer(excluded),
            "hasExcluded": excluded > 0,
        ]) { $1 }
    }

    /// One comparison: `treatment` and `control` ({arm, responders, n, rate, ci, fraction}),
    /// `difference`, `differenceCI`, `p`, `test`.
    private func comparisonValues(_ comparison: RemissionComparison) -> [String: Any] {
        func arm(_ index: Int) -> [String: Any] {
            guard index < comparison.byArm.count else { return [:] }
            let arm = comparison.byArm[index]
            return [
                "arm": arm.arm, "responders": Display.integer(arm.responders), "n": Display.integer(arm.n),
                "rate": Display.percentage(arm.rate), "fraction": ReportTables.responders(arm),
                "ci": Display.interval(arm.ciLower.map { $0 * 100 }, arm.ciUpper.map { $0 * 100 }, decimals: 1) + "%",
            ]
        }
        let difference = comparison.difference
        return [
            "treatment": arm(0), "control": arm(1),
            "difference": Display.percentagePoints(difference.estimate),
            "differenceCI": Display.percentagePoints(difference.ciLower) + Display.intervalSeparator
                + Display.percentagePoints(difference.ciUpper),
            "p": Self.pStatement(comparison.pValue), "pValue": Display.pValue(comparison.pValue),
            "test": comparison.test.displayName,
        ]
    }
}
