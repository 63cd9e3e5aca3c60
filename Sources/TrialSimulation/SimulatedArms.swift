/// The arms of a random study: the seed study's two arms, or k arms written as
/// `--arms "Placebo:0,Low:54,High:81"` (labels in order, the first the reference, each with an
/// optional dose).
///
/// An arm's effect on remission is a share of the UC-MSC effect on the log-odds: with doses, its
/// dose over the highest dose (an arm of dose 0 is a control arm); without doses, none for the
/// reference and the full effect for every other arm.
public struct SimulatedArms: Sendable, Hashable {
    /// The ARM labels, in order.
    public let labels: [String]
    /// The doses, one per arm, or `nil` when the arms have none.
    public let doses: [Double]?
    /// The position of the reference (control) arm in `labels`.
    public let referenceIndex: Int

    /// The most arms a study may have (as in a plan's `arms`).
    public static let limit = 12

    /// The seed study's arms, UC-MSC and Control (the reference), each participant in either with
    /// probability 1/2: the arms of a random study without `--arms`.
    public static let seedStudy = SimulatedArms(labels: ["UC-MSC", "Control"], doses: nil, referenceIndex: 1)

    private init(labels: [String], doses: [Double]?, referenceIndex: Int) {
        self.labels = labels
        self.doses = doses
        self.referenceIndex = referenceIndex
    }

    /// Arms from their description: labels separated by commas, each optionally followed by `:`
    /// and its dose (a number, 0 or more; every arm or none), the first arm the reference.
    /// - Throws: `SimulatedArms.Problem` saying what is wrong.
    public init(parsing description: String) throws(Problem) {
        let parts = description.split(separator: ",", omittingEmptySubsequences: false).map { part in
            part.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        }
        guard (2...Self.limit).contains(parts.count) else {
            throw Problem("give 2 to \(Self.limit) arms separated by commas, not \(parts.count)")
        }
        var labels: [String] = [], doses: [Double] = []
        for part in parts {
            guard part.count <= 2 else { throw Problem("'\(part.joined(separator: ":"))': write an arm as LABEL or LABEL:DOSE") }
            let label = part[0]
            guard !label.isEmpty else { throw Problem("an arm has no label") }
            guard !label.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\\" || $0.properties.generalCategory == .control }) else {
                throw Problem("'\(label)': a label cannot hold quotes, backslashes or control characters")
            }
            guard !labels.contains(label) else { throw Problem("arm '\(label)' is given twice") }
            labels.append(label)
            if part.count == 2 {
                guard let dose = Double(part[1]), dose.isFinite, dose >= 0 else {
                    throw Problem("'\(part[1])', the dose of '\(label)', must be a number, 0 or more")
                }
                doses.append(dose)
            }
        }
        guard doses.isEmpty || doses.count == labels.count else { throw Problem("give a dose to every arm or to none") }
        self.init(labels: labels, doses: doses.isEmpty ? nil : doses, referenceIndex: 0)
    }

    /// Why `init(parsing:)` refused a description.
    public struct Problem: Error, CustomStringConvertible {
        /// What is wrong.
        public let description: String

        init(_ description: String) {
            self.description = description
        }
    }

    /// The arm at `index`, with its share of the UC-MSC effect.
    func arm(_ index: Int) -> Arm {
        let effect: Double
        if let doses {
            let highest = doses.max() ?? 0
            effect = highest > 0 ? doses[index] / highest : 0
        } else {
            effect = index == referenceIndex ? 0 : 1
        }
        return Arm(label: labels[index], effect: effect)
    }

    /// A participant's arm: each arm equally likely. The seed study's arms draw one Bernoulli
    /// variate, as they always have (the same seed gives the same study as before k arms).
    func draw(using generator: inout Xoshiro256StarStar) -> Arm {
        if self == .seedStudy {
            return generator.bernoulli(StudyModel.treatmentProbability) ? .ucMSC : .control
        }
        return arm(generator.integer(in: 0...(labels.count - 1)))
    }
}

private extension Substring {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
