import TrialData

extension MeasurementGrid {
    /// One parameter of the grid as a BDS table (`file` names it in messages), so that the analyses
    /// of modelled and responder endpoints read the seed study's measurements as they read CDISC
    /// ADaM datasets: a record per participant and visit with a value (visit by visit), the
    /// baseline visit's records flagged as baseline (ABLFL), no BASE, CHG or record flags; the
    /// visits are labelled as the seed study's layout counts them ("Baseline", "Month 3").
    ///
    /// - Complexity: O(*v* · *n*) for *v* visits and *n* participants.
    func records(of parameter: Int, as definition: ParameterDefinition, file: String) -> BDSTable {
        records(code: definition.code, label: definition.label, unit: definition.unit, file: file) { visit, atVisit in
            withValues(parameter: parameter, visit: visit) { values, _ in
                for participant in 0..<participantCount where !values[participant].isNaN { atVisit(participant, values[participant]) }
            }
        }
    }

    /// The parameter `derived` computes by `expression` from the grid's parameters (`codes`, the
    /// plan's parameter codes in grid order) at the same visit, as a BDS table, and the
    /// participant-visits with a value of some source parameter but none of the expression (a
    /// missing value or a division by zero), as `ParameterDerivation` counts them.
    func records(of derived: DerivedParameter, expression: ParameterExpression, codes: [String],
                 file: String) -> (table: BDSTable, skipped: Int) {
        var skipped = 0
        let sources = expression.parameters.compactMap { codes.firstIndex(of: $0) }
        let missing = [Double](repeating: .nan, count: participantCount)
        let table = records(code: derived.code, label: derived.label, unit: derived.unit, file: file) { visit, atVisit in
            let values = expression.evaluate(count: participantCount) { code in
                codes.firstIndex(of: code).map { index in
                    withValues(parameter: index, visit: visit) { values, _ in Array(values) }
                } ?? missing
            }
            for participant in 0..<participantCount {
                if values[participant].isFinite {
                    atVisit(participant, values[participant])
                } else if sources.contains(where: { !self.value(parameter: $0, visit: visit, participant: participant).isNaN }) {
                    skipped += 1
                }
            }
        }
        return (table, skipped)
    }

    /// A one-parameter BDS table whose records `visitRecords(visit, append)` appends visit by visit.
    private func records(code: String, label: String, unit: String, file: String,
                         _ visitRecords: (Int, (Int, Double) -> Void) -> Void) -> BDSTable {
        var table = BDSTable(file: file)
        let parameter = Int32(table.parameterCodes.insert(code).index)
        table.parameterLabels = [label]
        table.units = [unit]
        let capacity = visits.count * participantCount
        table.participant.reserveCapacity(capacity)
        table.parameter.reserveCapacity(capacity)
        table.visitNumber.reserveCapacity(capacity)
        table.value.reserveCapacity(capacity)
        table.isBaseline.reserveCapacity(capacity)
        table.visits = visits.indices.map { (visits[$0], $0 == baselineVisit ? "Baseline" : "Month " + PlanNumber.text(visits[$0])) }
        for visit in visits.indices {
            let number = visits[visit], isBaseline = visit == baselineVisit
            visitRecords(visit) { participant, value in
                table.participant.append(Int32(participant))
                table.parameter.append(parameter)
                table.visitNumber.append(number)
                table.value.append(value)
                table.isBaseline.append(isBaseline)
            }
        }
        return table
    }
}
