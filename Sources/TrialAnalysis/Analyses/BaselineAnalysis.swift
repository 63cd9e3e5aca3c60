import TrialData

/// Baseline characteristics by arm (Table 1), in all participants and within each subgroup level.
struct BaselineAnalysis {
    let study: DerivedStudy

    /// The numeric ADSL variables summarised, in SPEC.md §5 order (absent optional columns are left out).
    private var adslVariables: [String] {
        ["AGE", "AGEDX", "BMI", "DIABDUR"].filter { study.data.participants.numbers(named: $0) != nil }
    }

    /// Baseline results, of each population's members per arm (`study.members`).
    func run(_ log: inout NoteLog) -> BaselineResults {
        let participants = study.members
        let variables = adslVariables.map { ($0, study.data.participants.numbers(named: $0)!) }
            + study.plan.parameters.indices.map { parameter in
                (study.plan.parameters[parameter].code + LogisticSpecification.baselineSuffix,
                 (0..<study.participantCount).map { study.grid.baseline(parameter: parameter, participant: $0) })
            }
        let sexIndex = adslVariables.count
        // Per variable, population and arm.
        let samples = variables.map { _, values in
            study.byPopulation(compute: { arm in Sample(arm.map { values[Int($0)] }.filter { !$0.isNaN }) }, combine: Sample.init(merging:))
        }
        var tables = study.populations.indices.map { population in
            var rows = variables.indices.map { variable in
                continuousRow(variables[variable].0, samples[variable][population], participants[population],
                              study.populations[population], &log)
            }
            rows.insert(sexRow(participants[population], study.populations[population], &log), at: sexIndex)
            return rows
        }
        let overall = tables.removeFirst()
        let subgroups = zip(study.populations.dropFirst(), tables).map { population, rows in
            BaselineSubgroup(subgroup: population.subgroup!, level: population.level!, rows: rows)
        }
        return BaselineResults(rows: overall, subgroups: subgroups)
    }

    /// A numeric variable, from its non-missing values per arm: descriptives per arm and the
    /// plan's between-arm test.
    private func continuousRow(_ name: String, _ samples: [Sample], _ members: [[Int32]], _ population: Population,
                               _ log: inout NoteLog) -> BaselineRow {
        let byArm = zip(study.armLabels, zip(samples, members)).map { label, sampleAndMembers in
            BaselineArm(arm: label, n: sampleAndMembers.0.count, missing: sampleAndMembers.1.count - sampleAndMembers.0.count,
                        descriptives: sampleAndMembers.0.descriptives, levels: [])
        }
        let test = study.plan.continuousTest
        let pValue = log.attempt("\(test.rawValue) test", "\(name), \(population.name)") {
            try BetweenArmTest(test, samples[0], samples[1]).pValue()
        }
        return BaselineRow(variable: name, byArm: byArm, test: TestName(test), pValue: pValue)
    }

    /// SEX: n (%) of F and M per arm, and Fisher's exact test.
    private func sexRow(_ members: [[Int32]], _ population: Population, _ log: inout NoteLog) -> BaselineRow {
        var isFemale = [Bool](repeating: false, count: study.participantCount)
        if case .text(let codes, let levels)? = study.data.participants.column(named: "SEX")?.values,
           let female = levels.index(of: "F") {
            isFemale = codes.map { $0 == Int32(female) }
        }
        let females = members.map { arm in arm.count { isFemale[Int($0)] } }
        let byArm = zip(study.armLabels, zip(members, females)).map { label, membersAndFemales in
            let (arm, female) = membersAndFemales
            let share = { (count: Int) in arm.isEmpty ? nil : Double(count) / Double(arm.count) }
            return BaselineArm(arm: label, n: arm.count, missing: 0, descriptives: nil, levels: [
                LevelCount(level: "F", n: female, proportion: share(female)),
                LevelCount(level: "M", n: arm.count - female, proportion: share(arm.count - female)),
            ])
        }
        let pValue = log.attempt("Fisher's exact test", "SEX, \(population.name)") {
            try PlannedTests.fisher((females[0], members[0].count), (females[1], members[1].count))
        }
        return BaselineRow(variable: "SEX", byArm: byArm, test: .fisherExact, pValue: pValue)
    }
}
