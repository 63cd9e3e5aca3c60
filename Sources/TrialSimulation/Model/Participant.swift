/// Onset group: diagnosed at 18 or older (adult) or before (juvenile).
enum Onset: Sendable {
    case adult
    case juvenile
}

/// One simulated participant: everything written for them to the four CSV files.
struct Participant: Sendable {
    /// 1-based number; the USUBJID is `P` followed by it, zero-padded.
    var number: Int
    var baseline: BaselineCharacteristics
    /// Month of last follow-up (LASTMO).
    var lastMonth: Int
    var measurements: [Measurement]
    var adverseEvents: [AdverseEvent]
    var insulinFreeEpisode: InsulinFreeEpisode?
}

/// One adlb row. A `nil` value is written as an empty AVAL (a value recorded as missing).
struct Measurement: Sendable {
    var parameter: LaboratoryParameter
    var visit: Int
    var value: Double?
}

/// The four default parameters of SPEC.md §1, with their units and the decimals written.
enum LaboratoryParameter: CaseIterable, Sendable {
    case fastingCPeptide
    case postprandialCPeptide
    case hbA1c
    case insulinDose

    var code: String {
        switch self {
        case .fastingCPeptide: "CPEPF"
        case .postprandialCPeptide: "CPEPP"
        case .hbA1c: "HBA1C"
        case .insulinDose: "INSDOSE"
        }
    }

    /// The name written in PARAM (before the unit) in CDISC ADaM output.
    var name: String {
        switch self {
        case .fastingCPeptide: "Fasting C-peptide"
        case .postprandialCPeptide: "Postprandial C-peptide"
        case .hbA1c: "HbA1c"
        case .insulinDose: "Insulin dose"
        }
    }

    var unit: String {
        switch self {
        case .fastingCPeptide, .postprandialCPeptide: "pmol/L"
        case .hbA1c: "%"
        case .insulinDose: "IU/kg/day"
        }
    }

    var decimals: Int {
        switch self {
        case .fastingCPeptide, .postprandialCPeptide, .hbA1c: 1
        case .insulinDose: 2
        }
    }
}

/// A period without insulin (adii.csv): stopped at `startMonth`, resumed at `endMonth`, or
/// still insulin-free at last follow-up when `endMonth` is `nil`.
struct InsulinFreeEpisode: Sendable {
    var startMonth: Int
    var endMonth: Int?

    /// Whether the participant takes no insulin at `visit`.
    func covers(_ visit: Int) -> Bool {
        visit >= startMonth && visit < (endMonth ?? Int.max)
    }
}
