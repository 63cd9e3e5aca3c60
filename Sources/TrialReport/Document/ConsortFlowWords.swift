import TrialAnalysis

extension ConsortFlow {
    /// The caption of the CONSORT 2010 flow diagram, built from its counts and the variables they
    /// come from:
    ///
    /// "CONSORT 2010 participant flow: 254 randomised (Placebo 86, Xanomeline Low Dose 84,
    /// Xanomeline High Dose 84), 254 of them received the allocated intervention (TRT01A);
    /// 2 lost to follow-up and 134 discontinued for other reasons (COMP24FL = N; reasons of
    /// DCSREAS); analysed per analysis set, excluded when the set's flag is not Y".
    /// - Parameters:
    ///   - disposition: the disposition table, whose status and reason variables the follow-up counts use.
    ///   - actualTreatment: the actual-treatment variable, when the data have one.
    func caption(disposition: DispositionTable?, actualTreatment: String?) -> String {
        var text = "CONSORT 2010 participant flow: "
        if let assessed {
            text += "\(Display.integer(assessed)) assessed for eligibility, "
                + "\(Display.integer(excluded.reduce(0) { $0 + $1.n })) excluded before randomisation; "
        }
        text += "\(Display.integer(randomised)) randomised ("
            + arms.map { "\($0.arm) \(Display.integer($0.allocated))" }.joined(separator: ", ") + ")"
        let received = arms.compactMap(\.received)
        if received.count == arms.count, let actualTreatment {
            text += ", \(Display.integer(received.reduce(0, +))) of them received the allocated intervention (\(actualTreatment))"
        }
        let lost = arms.reduce(0) { $0 + $1.lostToFollowUp }, discontinued = arms.reduce(0) { $0 + $1.discontinued }
        text += "; \(Display.integer(lost)) lost to follow-up and \(Display.integer(discontinued)) discontinued for other reasons"
        if let disposition {
            text += " (" + (disposition.discontinued.value.map { "\(disposition.statusVariable) = \($0)" } ?? disposition.statusVariable)
                + (disposition.reasonVariable.map { "; reasons of \($0)" } ?? "") + ")"
        }
        return text + "; analysed per analysis set, excluded when the set's flag is not Y"
    }
}
