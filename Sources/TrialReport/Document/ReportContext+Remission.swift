import TrialAnalysis

extension ReportContext {
    /// The primary endpoint: the overall comparison, one entry per subgroup level and interaction,
    /// and the definition of remission in words.
    func remissionValues(_ remission: RemissionResults, _ labels: ReportLabels) -> [String: Any] {
        let rule = plan.remission
        let parameters = rule.parameters.map { labels.parameterName($0).inSentence }
        let undefined = remission.overall.byArm.reduce(0) { $0 + $1.undefinedPercentChanges }
        let missingCounted = remission.overall.byArm.reduce(0) { $0 + $1.missingCountedAsNonResponders }
        let excluded = remission.overall.byArm.reduce(0) { $0 + $1.excluded }
        let missingBaseline = remission.overall.byArm.reduce(0) { $0 + $1.missingBaseline }
        let missingCounts = Self.missingCounts(baseline: missingBaseline, countedAsNonResponders: missingCounted, excluded: excluded)
        return comparisonValues(remission.overall).merging([
            "subgroups": remission.subgroups.map { level in
                comparisonValues(level.comparison).merging(["subgroup": level.subgroup, "level": level.level]) { $1 }
            },
            "interactions": remission.interactions.map { interaction in
                ["subgroup": interaction.subgroup, "p": Self.pStatement(interaction.pValue),
                 "test": interaction.test.displayName, "framing": Self.framing(interaction),
                 "levels": remission.subgroups.filter { $0.subgroup == interaction.subgroup }.map { level in
                     comparisonValues(level.comparison).merging(["subgroup": level.subgroup, "level": level.level]) { $1 }
                 }] as [String: Any]
            },
            "threshold": Display.planValue(rule.minPercentIncrease) + "%",
            "parameters": Self.prose(parameters, conjunction: rule.rule == .any ? "or" : "and"),
            "ruleWords": rule.rule == .any ? "at least one of" : "each of",
            "missingRule": rule.missing == .nonResponder
                ? "a remission parameter missing at baseline or at the primary visit cannot meet the rule, so a participant "
                    + "without the values the rule needs counts as not in remission"
                : "participants missing a remission parameter at baseline or at the primary visit are left out (complete cases)",
            "missingCounts": missingCounts, "hasMissingCounts": !missingCounts.isEmpty,
            "missingBaseline": Display.integer(missingBaseline),
            "hasMissingBaseline": missingBaseline > 0,
            "undefinedPercentChanges": Display.integer(undefined),
            "hasUndefinedPercentChanges": undefined > 0,
            "missingCountedAsNonResponders": Display.integer(missingCounted),
            "hasMissingCountedAsNonResponders": missingCounted > 0,
            "excluded": Display.integer(excluded),
            "hasExcluded": excluded > 0,
        ]) { $1 }
    }

    /// What the missing-data rule did, counted: "1 participant had no baseline value of a remission
    /// parameter; 2 participants were counted as not in remission because of a missing value." Empty
    /// when no value was missing.
    static func missingCounts(baseline: Int, countedAsNonResponders: Int, excluded: Int) -> String {
        func participants(_ count: Int, _ singular: String, _ plural: String) -> String {
            Display.integer(count) + (count == 1 ? " participant " + singular : " participants " + plural)
        }
        var parts: [String] = []
        if baseline > 0 { parts.append(participants(baseline, "had", "had") + " no baseline value of a remission parameter") }
        if countedAsNonResponders > 0 {
            parts.append(participants(countedAsNonResponders, "was", "were") + " counted as not in remission because of a missing value")
        }
        if excluded > 0 { parts.append(participants(excluded, "was", "were") + " left out") }
        return parts.isEmpty ? "" : parts.joined(separator: "; ") + "."
    }

    /// What a subgroup's interaction test (two-sided, at the 5% level) lets a reader say about its
    /// levels: "Treatment × Onset interaction: p = 0.248 (…); the data do not show that the effect
    /// differs between the onset groups, so the results within each group are descriptive."
    static func framing(_ interaction: SubgroupInteraction) -> String {
        let test = "Treatment × " + interaction.subgroup + " interaction: " + pStatement(interaction.pValue)
            + " (" + interaction.test.displayName + ")"
        let groups = "the " + interaction.subgroup.inSentence + " groups"
        guard let p = interaction.pValue, p < 0.05 else {
            return test + "; the data do not show that the effect differs between " + groups
                + ", so the results within each group are descriptive."
        }
        return test + "; the effect differs between " + groups + "."
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
                "ci": Display.percentageInterval(arm.ciLower, arm.ciUpper) + "%",
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
