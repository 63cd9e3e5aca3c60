/// The four CSV files of a study folder (SPEC.md §1) being built, with their row counts.
struct StudyTables: Sendable {
    static let adslHeader = "USUBJID,ARM,AGE,AGEDX,SEX,BMI,DIABDUR,MSCDOSE,LASTMO"
    static let adlbHeader = "USUBJID,PARAMCD,AVISITN,AVAL,AVALU"
    static let adaeHeader = "USUBJID,AEDECOD,AEBODSYS,AESEV,AESER,AESTDY,AEREL"
    static let adiiHeader = "USUBJID,STARTMO,ENDMO"

    /// Digits of the participant number in USUBJID (`P001`, `P0000001`, …).
    let identifierWidth: Int
    private(set) var adsl: CSVBuffer
    private(set) var adlb: CSVBuffer
    private(set) var adae: CSVBuffer
    private(set) var adii = CSVBuffer()
    private(set) var summary = SimulationSummary()

    /// Empty tables, with room for about `expectedParticipants` participants.
    init(identifierWidth: Int, expectedParticipants: Int) {
        self.identifierWidth = identifierWidth
        adsl = CSVBuffer(reservingCapacity: expectedParticipants * 48)
        adlb = CSVBuffer(reservingCapacity: expectedParticipants * 20 * 32)
        adae = CSVBuffer(reservingCapacity: expectedParticipants * 2 * 64)
    }

    /// The number of digits USUBJID uses for a study of `participantCount` participants.
    static func identifierWidth(participantCount: Int) -> Int {
        max(3, String(participantCount).count)
    }

    /// Appends every row of `participant`.
    /// - Complexity: O(rows of the participant).
    mutating func append(_ participant: Participant) {
        let baseline = participant.baseline
        adsl.appendIdentifier(participant.number, width: identifierWidth)
        adsl.append(baseline.arm.label)
        adsl.appendComma()
        adsl.appendInteger(baseline.age)
        adsl.appendComma()
        adsl.appendInteger(baseline.ageAtDiagnosis)
        adsl.append(baseline.isMale ? ",M," : ",F,")
        adsl.appendFixed(baseline.bmi, decimals: 1)
        adsl.appendComma()
        adsl.appendInteger(baseline.diabetesDurationMonths)
        adsl.appendComma()
        if let dose = baseline.mscDose { adsl.appendFixed(dose, decimals: 2) }
        adsl.appendComma()
        adsl.appendInteger(participant.lastMonth)
        adsl.endRow()
        summary.participants += 1

        for measurement in participant.measurements {
            adlb.appendIdentifier(participant.number, width: identifierWidth)
            adlb.append(measurement.parameter.code)
            adlb.appendComma()
            adlb.appendInteger(measurement.visit)
            adlb.appendComma()
            if let value = measurement.value { adlb.appendFixed(value, decimals: measurement.parameter.decimals) }
            adlb.appendComma()
            adlb.append(measurement.parameter.unit)
            adlb.endRow()
        }
        summary.measurements += participant.measurements.count

        for event in participant.adverseEvents {
            adae.appendIdentifier(participant.number, width: identifierWidth)
            adae.append(event.term.term)
            adae.appendComma()
            adae.append(event.term.systemOrganClass)
            adae.append(event.isModerate ? ",MODERATE,N," : ",MILD,N,")
            adae.appendInteger(event.studyDay)
            adae.append(event.isRelated ? ",Y" : ",N")
            adae.endRow()
        }
        summary.adverseEvents += participant.adverseEvents.count

        if let episode = participant.insulinFreeEpisode {
            adii.appendIdentifier(participant.number, width: identifierWidth)
            adii.appendInteger(episode.startMonth)
            adii.appendComma()
            if let end = episode.endMonth { adii.appendInteger(end) }
            adii.endRow()
            summary.insulinFreeEpisodes += 1
        }
    }
}
