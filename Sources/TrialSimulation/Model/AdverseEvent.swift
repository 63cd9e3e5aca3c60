/// The adverse-event terms the simulation uses (MedDRA preferred terms and system organ classes).
enum AdverseEventTerm: CaseIterable, Sendable {
    case pyrexia
    case headache
    case fatigue
    case chills
    case rash
    case hypoglycaemia
    case upperRespiratoryTractInfection
    case nausea

    /// AEDECOD.
    var term: String {
        switch self {
        case .pyrexia: "Pyrexia"
        case .headache: "Headache"
        case .fatigue: "Fatigue"
        case .chills: "Chills"
        case .rash: "Rash"
        case .hypoglycaemia: "Hypoglycaemia"
        case .upperRespiratoryTractInfection: "Upper respiratory tract infection"
        case .nausea: "Nausea"
        }
    }

    /// AEBODSYS.
    var systemOrganClass: String {
        switch self {
        case .pyrexia, .fatigue, .chills: "General disorders and administration site conditions"
        case .headache: "Nervous system disorders"
        case .rash: "Skin and subcutaneous tissue disorders"
        case .hypoglycaemia: "Metabolism and nutrition disorders"
        case .upperRespiratoryTractInfection: "Infections and infestations"
        case .nausea: "Gastrointestinal disorders"
        }
    }
}

/// One adae row. Simulated events are never serious (AESER `N`) and at most moderate.
struct AdverseEvent: Sendable {
    var term: AdverseEventTerm
    var isModerate: Bool
    var studyDay: Int
    var isRelated: Bool
}

/// A participant's adverse events, in order of study day: reactions within days of each UC-MSC
/// infusion (related), and background events of type 1 diabetes and daily life in both arms
/// (unrelated), spread over the days of follow-up.
func adverseEvents(
    arm: Arm, lastMonth: Int, using generator: inout Xoshiro256StarStar
) -> [AdverseEvent] {
    var events: [AdverseEvent] = []
    if arm.isTreated {
        // Both infusions are given: participants leave the study after month 3 at the earliest.
        for infusionDay in StudyModel.infusionDays {
            for (term, probability) in StudyModel.infusionReactions where generator.bernoulli(probability) {
                events.append(AdverseEvent(
                    term: term,
                    isModerate: generator.bernoulli(StudyModel.moderateInfusionReactionProbability),
                    studyDay: infusionDay + generator.integer(in: StudyModel.infusionReactionDelayDays),
                    isRelated: true))
            }
        }
    }
    let followUpDays = max(1, lastMonth * 365 / 12)
    let backgroundCount = generator.poisson(mean: StudyModel.backgroundEventsPerYear * Double(followUpDays) / 365)
    let weights = StudyModel.backgroundEvents.map(\.1)
    for _ in 0..<backgroundCount {
        events.append(AdverseEvent(
            term: StudyModel.backgroundEvents[generator.choice(weights: weights)].0,
            isModerate: generator.bernoulli(StudyModel.moderateBackgroundEventProbability),
            studyDay: generator.integer(in: 1...followUpDays),
            isRelated: false))
    }
    // Stable: events on the same day keep the order they were drawn in.
    return events.enumerated().sorted { ($0.element.studyDay, $0.offset) < ($1.element.studyDay, $1.offset) }.map(\.element)
}
