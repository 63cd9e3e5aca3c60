import TrialAnalysis

extension ReportTables {
    /// The most rows of a listing the documents show (about three pages); its CSV file has all.
    public static let listingDocumentRows = 100

    /// The listing of insulin-independence episodes: participant, arm, start and end month,
    /// duration, and whether the episode was ongoing at the last follow-up. The documents show
    /// the first `listingDocumentRows` episodes.
    public func insulinIndependence(_ insulin: InsulinIndependenceResults) -> ReportTable {
        var table = ReportTable(
            name: "insulin-independence", caption: "Insulin-independence episodes",
            headerRows: [[.init("Participant", alignment: .left), .init("Arm", alignment: .left), .init("Start (month)"),
                          .init("End (month)"), .init("Duration (months)"), .init("Ongoing")]],
            documentRowLimit: Self.listingDocumentRows)
        let ongoing = table.addFootnote("Still insulin-free at the last follow-up; duration to the last follow-up.")
        table.groups = [ReportTable.RowGroup(insulin.episodes.map { episode in
            ReportTable.Row([
                .init(episode.usubjid), .init(episode.arm),
                .number(episode.startMonth, decimals: 1, name: "start_month"),
                .number(episode.endMonth, decimals: 1, name: "end_month"),
                .number(episode.durationMonths, decimals: 1, name: "duration_months"),
                .init(episode.ongoing ? "Yes" : "No", alignment: .center, footnotes: episode.ongoing ? [ongoing] : []),
            ], context: ReportTable.Context(group: episode.arm))
        }, keepTogether: false)]
        return table
    }

    /// Predictors of remission: each covariate's odds ratio with 95% CI and p, alone (univariable)
    /// and in the multivariable model; the method and the population in the footnotes.
    public func predictors(_ logistic: LogisticResults) -> ReportTable {
        var table = ReportTable(
            name: "predictors", caption: "Predictors of remission: logistic regression",
            headerRows: [
                [.init(""), .init("Univariable", columnSpan: 2, group: "Univariable model"),
                 .init("Multivariable", columnSpan: 2, group: "Multivariable model")],
                [.init("Covariate", alignment: .left), .init("OR (95% CI)"), .init("p"), .init("OR (95% CI)"), .init("p")],
            ])
        let multivariableNote = table.addFootnote(LogisticMethodWords.note(logistic.method) + " " + Self.populationNote(logistic))
        table.headerRows[0][2].footnotes = [multivariableNote]
        let univariableMethods = logistic.univariable.map(\.method).reduce(into: [LogisticFitMethod]()) { methods, method in
            if !methods.contains(method) { methods.append(method) }
        }
        if univariableMethods.count == 1 {
            table.headerRows[0][1].footnotes = [table.addFootnote(LogisticMethodWords.note(univariableMethods[0]))]
        }
        let covariates = logistic.terms.map(\.term).filter { $0 != "(Intercept)" }
        table.groups = [ReportTable.RowGroup(covariates.map { covariate in
            let single = logistic.univariable.first { $0.covariate == covariate }
            let multiple = logistic.terms.first { $0.term == covariate }
            let per = (multiple ?? single?.term).flatMap { ShownOddsRatio($0).per }
            let label = labels.covariate(covariate, per: per)
            var cells: [ReportTable.Cell] = [.init(label)]
            for term in [single?.term, multiple] {
                let shown = term.map(ShownOddsRatio.init)
                var cell = ReportTable.Cell.number(shown?.text() ?? Display.missing, statistics: shown?.statistics() ?? [])
                if shown?.hasLimitNotEstablished == true { cell.footnotes = [table.addFootnote(ShownOddsRatio.notEstablishedNote)] }
                cells.append(cell)
                cells.append(.pValue(term?.pValue))
            }
            if univariableMethods.count > 1, let single {
                cells[1].footnotes = [table.addFootnote(LogisticMethodWords.note(single.method))]
            }
            return ReportTable.Row(cells, context: ReportTable.Context(parameter: label))
        })]
        return table
    }

    private static func populationNote(_ logistic: LogisticResults) -> String {
        let who = logistic.population == .treatment ? "treatment arm" : "all participants"
        return "Multivariable model in the " + who + ": " + Display.integer(logistic.n) + " participants, "
            + Display.integer(logistic.events) + " in remission."
    }
}
