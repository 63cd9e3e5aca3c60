import TrialData

/// The CONSORT 2010 flow (`ConsortFlow`) of a CDISC ADaM study whose subject-level data hold the
/// disposition table's status and reason variables: every participant randomised, by planned arm;
/// who received the allocated intervention (actual treatment equal to the planned); who was lost
/// to follow-up and who discontinued for another reason, with the reasons (the disposition
/// table's rules, `DispositionAnalysis`, over all randomised); and per analysis set who was
/// analysed and who was excluded. The enrolment counts come from the plan.
struct ConsortFlowAnalysis {
    let plan: AnalysisPlan
    let participants: ParticipantTable
    /// The members of the plan's analysis sets.
    let sets: [AnalysisSetMembers]

    /// The reason value that means lost to follow-up, compared by its letters alone and ignoring
    /// case: CDISC's NCOMPLT term "LOST TO FOLLOW-UP", or "Lost to Follow-up".
    static let lostToFollowUp = "losttofollowup"

    /// The flow, or `nil` when the plan has no `disposition` or the data lack its status or reason
    /// variable (the disposition table's notes say so); a note when the plan's enrolment counts
    /// do not add up to the participants randomised.
    /// - Complexity: O(*s* · *n* + *r* log *r*) for *s* sets, *n* participants and *r* reasons.
    func run(_ log: inout NoteLog) -> ConsortFlow? {
        guard let disposition = plan.disposition else { return nil }
        var everyone = disposition
        everyone.set = nil
        everyone.test = .none
        var planForEveryone = plan
        planForEveryone.disposition = everyone
        var scratch = NoteLog(section: log.section)
        guard let table = DispositionAnalysis(plan: planForEveryone, participants: participants).run(&scratch),
              table.reasonVariable != nil else { return nil }
        let members = AnalysisSetMembers.byArm(of: nil, plan: plan, participants: participants)
        let received = receivedAllocated(members)
        let lost = table.reasons.filter { Self.letters($0.value ?? "") == Self.lostToFollowUp }
        let arms = members.indices.map { column in
            let lostInArm = lost.reduce(0) { $0 + $1.byArm[column] }
            let reasons = (table.reasons.filter { row in !lost.contains { $0.value == row.value } }
                           + [table.missingReason].compactMap { $0 })
                .filter { $0.byArm[column] > 0 }
                .map { ConsortCount(reason: $0.value == nil ? "No reason given" : $0.label, n: $0.byArm[column]) }
            return ConsortArm(
                arm: table.arms[column].arm, allocated: members[column].count, received: received?[column],
                lostToFollowUp: lostInArm, discontinued: table.discontinued.byArm[column] - lostInArm, reasons: reasons,
                analysis: analysis(members[column], column: column))
        }
        let flow = ConsortFlow(assessed: disposition.assessed,
                               excluded: disposition.excluded.map { ConsortCount(reason: $0.reason, n: $0.n) },
                               randomised: table.total, arms: arms)
        let excluded = flow.excluded.reduce(0) { $0 + $1.n }
        if let assessed = flow.assessed, assessed - excluded != flow.randomised {
            log.record("CONSORT flow", "the plan's \(assessed) assessed for eligibility less the \(excluded) "
                       + "excluded are not the \(flow.randomised) participants randomised in the subject-level data")
        }
        return flow
    }

    /// Per arm, the participants whose actual treatment is the arm they were allocated to, or
    /// `nil` without an actual-treatment variable.
    private func receivedAllocated(_ members: [[Int32]]) -> [Int]? {
        guard case .adam(let layout) = plan.data, let variable = layout.actualTreatment,
              let actual = participants.column(named: variable) else { return nil }
        return members.enumerated().map { arm, participants in
            participants.reduce(0) { $0 + (actual.text(at: Int($1)) == self.participants.arms[arm] ? 1 : 0) }
        }
    }

    /// Each analysis set in one arm: its members there, and the participants allocated to the
    /// arm without its flag.
    private func analysis(_ allocated: [Int32], column: Int) -> [ConsortAnalysis] {
        zip(plan.sets, sets).map { set, members in
            let flag = participants.column(named: set.flag)
            let excluded = allocated.reduce(0) { $0 + (flag?.text(at: Int($1)) == "Y" ? 0 : 1) }
            return ConsortAnalysis(set: set.name, analysed: members.byArm[column].count, excluded: excluded, flag: set.flag)
        }
    }

    /// The letters of `text`, lowercased: "Lost to Follow-up" → "losttofollowup".
    static func letters(_ text: String) -> String {
        String(text.lowercased().filter(\.isLetter))
    }
}

extension ConsortFlow {
    /// The CONSORT 2010 flow of a study's participants under `plan`, with a note when the plan's
    /// enrolment counts do not add up (section `consortFlow`).
    /// - Returns: `nil` for the flow when the plan has no `disposition` or the data lack its
    ///   status or reason variable.
    /// - Complexity: O(*s* · *n* + *r* log *r*) for *s* sets, *n* participants and *r* reasons.
    public static func analyse(_ plan: AnalysisPlan, participants: ParticipantTable) -> (flow: ConsortFlow?, notes: [AnalysisNote]) {
        var log = NoteLog(section: "consortFlow")
        let sets = AnalysisSetMembers.all(of: plan, in: participants)
        let flow = ConsortFlowAnalysis(plan: plan, participants: participants, sets: sets).run(&log)
        return (flow, log.notes)
    }
}
