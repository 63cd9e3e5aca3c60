import TrialData

/// A random study's participants as CDISC ADaM datasets in SAS transport files being built:
/// ADSL (one row per participant: planned and actual treatment, population flags, age, sex,
/// BMI), ADLB (a Basic Data Structure row per measurement, with AVISIT, BASE, CHG and ABLFL, and
/// the timed C-peptide samples of a mixed-meal test at each visit, with ATPTN) and
/// ADAE (treatment-emergent events, TRTEMFL = Y). The numbers are those the CSV files hold:
/// rounded to the same decimals.
struct AdamTransportTables: Sendable {
    /// The datasets, in the order of their files.
    static let members = [(file: "adsl.xpt", name: "ADSL", label: "Subject-Level Analysis Dataset"),
                          (file: "adlb.xpt", name: "ADLB", label: "Laboratory Analysis Dataset"),
                          (file: "adae.xpt", name: "ADAE", label: "Adverse Events Analysis Dataset")]

    /// The variables of each dataset, in `members`' order, for these arms and identifier width.
    static func variables(arms: SimulatedArms, identifierWidth: Int) -> [[TransportVariable]] {
        let subject = TransportVariable.text("USUBJID", label: "Unique Subject Identifier", length: identifierWidth + 1)
        let arm = arms.labels.map(\.utf8.count).max() ?? 1
        let terms = AdverseEventTerm.allCases
        return [
            [subject, .text("TRT01P", label: "Planned Treatment for Period 01", length: arm),
             .number("TRT01PN", label: "Planned Treatment for Period 01 (N)"),
             .text("TRT01A", label: "Actual Treatment for Period 01", length: arm),
             .number("TRT01AN", label: "Actual Treatment for Period 01 (N)"),
             .text("SAFFL", label: "Safety Population Flag", length: 1), .text("ITTFL", label: "Intent-To-Treat Population Flag", length: 1),
             .number("AGE", label: "Age"), .text("SEX", label: "Sex", length: 1), .number("BMIBL", label: "Baseline BMI (kg/m^2)")],
            [subject, .text("PARAMCD", label: "Parameter Code", length: 8),
             .text("PARAM", label: "Parameter",
                   length: (LaboratoryParameter.allCases.map(parameterText) + [MixedMealSamples.text]).map(\.utf8.count).max() ?? 1),
             .text("AVISIT", label: "Analysis Visit", length: visitText(StudyModel.visits.max() ?? 0).utf8.count),
             .number("AVISITN", label: "Analysis Visit (N)"), .number("AVAL", label: "Analysis Value"),
             .text("AVALU", label: "Analysis Value Unit", length: LaboratoryParameter.allCases.map(\.unit.utf8.count).max() ?? 1),
             .number("BASE", label: "Baseline Value"), .number("CHG", label: "Change from Baseline"),
             .text("ABLFL", label: "Baseline Record Flag", length: 1), .number("ATPTN", label: "Analysis Timepoint (N)")],
            [subject, .text("AEDECOD", label: "Dictionary-Derived Term", length: terms.map(\.term.utf8.count).max() ?? 1),
             .text("AEBODSYS", label: "Body System or Organ Class", length: terms.map(\.systemOrganClass.utf8.count).max() ?? 1),
             .text("AESEV", label: "Severity/Intensity", length: 8), .text("AESER", label: "Serious Event", length: 1),
             .text("AREL", label: "Analysis Causality", length: 1), .number("ASTDY", label: "Analysis Start Relative Day"),
             .text("TRTEMFL", label: "Treatment Emergent Analysis Flag", length: 1)],
        ]
    }

    let arms: SimulatedArms
    let identifierWidth: Int
    /// `variables(arms:identifierWidth:)`, kept for the fields' lengths.
    let variables: [[TransportVariable]]
    private(set) var files = [TransportObservationBuffer(), TransportObservationBuffer(), TransportObservationBuffer()]
    private(set) var summary = SimulationSummary()

    init(arms: SimulatedArms, identifierWidth: Int) {
        self.arms = arms
        self.identifierWidth = identifierWidth
        variables = Self.variables(arms: arms, identifierWidth: identifierWidth)
    }

    /// Appends every row of `participant`.
    /// - Complexity: O(rows of the participant).
    mutating func append(_ participant: Participant) {
        let baseline = participant.baseline
        let subject = "P" + String(repeating: "0", count: max(0, identifierWidth - String(participant.number).count))
            + String(participant.number)
        let armLength = variables[0][1].length
        let armNumber = Double((arms.labels.firstIndex(of: baseline.arm.label) ?? 0) + 1)
        files[0].append(text: subject, length: identifierWidth + 1)
        for _ in 0..<2 {
            files[0].append(text: baseline.arm.label, length: armLength)
            files[0].append(number: armNumber)
        }
        files[0].append(text: "Y", length: 1)
        files[0].append(text: "Y", length: 1)
        files[0].append(number: Double(baseline.age))
        files[0].append(text: baseline.isMale ? "M" : "F", length: 1)
        files[0].append(number: CSVBuffer.fixed(baseline.bmi, decimals: 1))
        summary.participants += 1

        let measurements = variables[1]
        for measurement in participant.measurements {
            let parameter = measurement.parameter
            let value = measurement.value.map { CSVBuffer.fixed($0, decimals: parameter.decimals) }
            let base = participant.measurements.first { $0.parameter == parameter && $0.visit == 0 }?.value
                .map { CSVBuffer.fixed($0, decimals: parameter.decimals) }
            files[1].append(text: subject, length: identifierWidth + 1)
            files[1].append(text: parameter.code, length: 8)
            files[1].append(text: Self.parameterText(parameter), length: measurements[2].length)
            files[1].append(text: Self.visitText(measurement.visit), length: measurements[3].length)
            files[1].append(number: Double(measurement.visit))
            files[1].append(number: value)
            files[1].append(text: parameter.unit, length: measurements[6].length)
            files[1].append(number: base)
            files[1].append(number: measurement.visit == 0 ? nil : value.flatMap { value in base.map { value - $0 } })
            files[1].append(text: measurement.visit == 0 ? "Y" : "", length: 1)
            files[1].append(number: nil)
        }
        summary.measurements += participant.measurements.count
        appendMixedMealTests(of: participant, subject: subject)

        let events = variables[2]
        for event in participant.adverseEvents {
            files[2].append(text: subject, length: identifierWidth + 1)
            files[2].append(text: event.term.term, length: events[1].length)
            files[2].append(text: event.term.systemOrganClass, length: events[2].length)
            files[2].append(text: event.isModerate ? "MODERATE" : "MILD", length: 8)
            files[2].append(text: "N", length: 1)
            files[2].append(text: event.isRelated ? "Y" : "N", length: 1)
            files[2].append(number: Double(event.studyDay))
            files[2].append(text: "Y", length: 1)
        }
        summary.adverseEvents += participant.adverseEvents.count
    }

    /// The mixed-meal test's timed C-peptide samples (`MixedMealSamples`, PARAMCD CPEP, ATPTN in
    /// minutes) at each visit with both a fasting and a 2-hour C-peptide value; the baseline visit's
    /// samples are the baseline records of their time points.
    private mutating func appendMixedMealTests(of participant: Participant, subject: String) {
        let measurements = variables[1]
        let decimals = LaboratoryParameter.fastingCPeptide.decimals
        func samples(at visit: Int) -> [Double]? {
            func value(_ parameter: LaboratoryParameter) -> Double? {
                participant.measurements.first { $0.parameter == parameter && $0.visit == visit }?.value
            }
            guard let fasting = value(.fastingCPeptide), let twoHour = value(.postprandialCPeptide) else { return nil }
            return MixedMealSamples.values(fasting: fasting, twoHour: twoHour).map { CSVBuffer.fixed($0, decimals: decimals) }
        }
        let base = samples(at: 0)
        let visits = participant.measurements.filter { $0.parameter == .fastingCPeptide }.map(\.visit)
        for visit in visits {
            guard let values = samples(at: visit) else { continue }
            for (index, minutes) in MixedMealSamples.minutes.enumerated() {
                files[1].append(text: subject, length: identifierWidth + 1)
                files[1].append(text: MixedMealSamples.code, length: 8)
                files[1].append(text: MixedMealSamples.text, length: measurements[2].length)
                files[1].append(text: Self.visitText(visit), length: measurements[3].length)
                files[1].append(number: Double(visit))
                files[1].append(number: values[index])
                files[1].append(text: LaboratoryParameter.fastingCPeptide.unit, length: measurements[6].length)
                files[1].append(number: base?[index])
                files[1].append(number: visit == 0 ? nil : base.map { values[index] - $0[index] })
                files[1].append(text: visit == 0 ? "Y" : "", length: 1)
                files[1].append(number: minutes)
            }
            summary.measurements += MixedMealSamples.minutes.count
        }
    }

    /// PARAM: "HbA1c (%)".
    static func parameterText(_ parameter: LaboratoryParameter) -> String {
        "\(parameter.name) (\(parameter.unit))"
    }

    /// AVISIT: "Baseline" at 0, else "Month N".
    static func visitText(_ month: Int) -> String {
        month == 0 ? "Baseline" : "Month \(month)"
    }
}
