import TrialData

extension AnalysisPlan {
    /// What this plan expects of a study folder, for `StudyData.load(from:expecting:)`: the arm
    /// labels (treatment first), the parameters with their units, the remission parameters that
    /// need a baseline, the baseline visit, and the ADSL columns beyond SPEC.md's that the plan's
    /// subgroups and logistic covariates use (`PARAMCD.BASE` covariates are not columns).
    public var studyExpectations: StudyExpectations {
        let standard: Set<String> = ["USUBJID", "ARM", "AGE", "AGEDX", "SEX", "BMI", "DIABDUR", "MSCDOSE", "LASTMO"]
        let used = subgroups.map(\.variable)
            + logistic.covariates.filter { LogisticSpecification.baselineParameter(of: $0) == nil }
        var columns: [String] = []
        for name in used where !standard.contains(name) && !columns.contains(name) { columns.append(name) }
        var layout = data
        if case .adam(var adam) = layout {
            adam.flags = sets.map(\.flag)
            layout = .adam(adam)
        }
        return StudyExpectations(
            arms: arms.ordered,
            parameters: parameters.map { StudyExpectations.Parameter(code: $0.code, unit: $0.unit) },
            remissionParameters: remission.parameters,
            baselineVisit: baselineVisit,
            adslColumns: columns,
            layout: layout
        )
    }
}

extension StudyDataFacts {
    /// The facts the plan checks need, read off loaded data: the arm labels that occur, the
    /// columns of `adsl.csv` and the parameter codes that occur in `adlb.csv`.
    ///
    /// - Complexity: O(*n*) in the participants and measurements.
    public init(_ data: StudyData) {
        let participants = data.participants
        let armsSeen = Self.seen(participants.arm, among: participants.arms.count)
        var columns: Set<String> = ["USUBJID", "ARM"]
        columns.formUnion(participants.columns.map(\.name))
        let measurements = data.measurements
        let parametersSeen = Self.seen(measurements.parameter, among: measurements.parameterCodes.count)
        let codes = measurements.parameterCodes.strings.enumerated().filter { parametersSeen[$0.offset] }.map(\.element)
        self.init(armLabels: Set(participants.arms.indices.filter { armsSeen[$0] }.map { participants.arms[$0] }), adslColumns: columns,
                  numericADSLColumns: columns.filter { participants.numbers(named: $0) != nil },
                  parameterCodes: Set(codes + data.bdsTables.flatMap(\.parameterCodes.strings)))
        recordFlags = Set(data.bdsTables.flatMap(\.analysisFlags.keys))
    }

    /// Which of `count` indices occur in `indices`, read until every one has (in a large study
    /// usually within the first rows).
    private static func seen<Index: BinaryInteger>(_ indices: [Index], among count: Int) -> [Bool] {
        var seen = [Bool](repeating: false, count: count), unseen = count
        for index in indices where !seen[Int(index)] {
            seen[Int(index)] = true
            unseen -= 1
            if unseen == 0 { break }
        }
        return seen
    }
}
