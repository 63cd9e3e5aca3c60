/// A random study of any size with the structure and effects of the seed study: arms about
/// even, onset about 62/38, remission more likely with UC-MSC (and more so in adult-onset, low
/// fasting C-peptide, high dose), some insulin independence, missed visits and dropouts, a few
/// adverse events per participant.
///
/// Participant `number` is drawn from its own generator stream, so participants can be made in
/// any order, or in parallel, and a study is the same bytes however it is split.
struct RandomStudy: Sendable {
    var participantCount: Int
    var seed: UInt64
    var arms: SimulatedArms = .seedStudy

    /// Participant `number` (1-based).
    /// - Complexity: O(1).
    func participant(_ number: Int) -> Participant {
        var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(number))
        let arm = arms.draw(using: &generator)
        let onset: Onset = generator.bernoulli(StudyModel.adultOnsetProbability) ? .adult : .juvenile
        let baseline = BaselineCharacteristics.draw(arm: arm, onset: onset, using: &generator)

        let remits = generator.bernoulli(remissionProbability(baseline))
        let kinds = StudyModel.remissionKindWeights
        let kind = remits ? kinds[generator.choice(weights: kinds.map(\.1))].0 : nil
        var plan = FollowUpPlan(
            remission: kind, arm: arm, onset: onset,
            fastingQuantile: generator.uniform(), postprandialQuantile: generator.uniform())
        if generator.bernoulli(StudyModel.dropoutProbability) {
            plan.lastMonth = [3, 6, 9][generator.integer(in: 0...2)]
        }
        plan.missedVisits = [3, 6, 9].filter { generator.bernoulli(StudyModel.missedVisitProbability) && $0 < plan.lastMonth }
        if arm.isTreated && remits && generator.bernoulli(StudyModel.insulinIndependenceProbability) {
            plan.insulinFreeEpisode = insulinFreeEpisode(lastMonth: plan.lastMonth, using: &generator)
        }
        return Participant(
            number: number, baseline: baseline, lastMonth: plan.lastMonth,
            measurements: measurements(for: baseline, following: plan, using: &generator),
            adverseEvents: adverseEvents(arm: arm, lastMonth: plan.lastMonth, using: &generator),
            insulinFreeEpisode: plan.insulinFreeEpisode)
    }

    /// The probability of remission: fixed in a control arm; with UC-MSC a logistic model in
    /// onset group, baseline fasting C-peptide and dose (`StudyModel`); in an arm with a share of
    /// the UC-MSC effect, that share of the way from the control log-odds to the UC-MSC log-odds
    /// (the full share gives the UC-MSC log-odds exactly).
    private func remissionProbability(_ baseline: BaselineCharacteristics) -> Double {
        guard let dose = baseline.mscDose else { return StudyModel.controlRemissionProbability }
        let treated = (baseline.onset == .adult ? StudyModel.adultRemissionLogOdds : StudyModel.juvenileRemissionLogOdds)
            + StudyModel.remissionLogOddsPerFastingCPeptide * (baseline.fastingCPeptide - 260) / 100
            + StudyModel.remissionLogOddsPerDose * (dose - 4)
        let control = PortableMath.log(StudyModel.controlRemissionProbability / (1 - StudyModel.controlRemissionProbability))
        let effect = baseline.arm.effect
        let logOdds = (1 - effect) * control + effect * treated
        return 1 / (1 + PortableMath.exp(-logOdds))
    }

    /// Insulin stopped at month 3 or 6 and resumed at a later visit, or still stopped at the end
    /// of follow-up; `nil` when the participant left before stopping.
    private func insulinFreeEpisode(lastMonth: Int, using generator: inout Xoshiro256StarStar) -> InsulinFreeEpisode? {
        let start = generator.bernoulli(0.5) ? 3 : 6
        guard start < lastMonth else { return nil }
        let resumptions = stride(from: start + 3, through: lastMonth, by: 3).map { $0 }
        let ongoing = generator.bernoulli(StudyModel.ongoingEpisodeProbability)
        return InsulinFreeEpisode(
            startMonth: start,
            endMonth: ongoing ? nil : resumptions[generator.integer(in: 0...(resumptions.count - 1))])
    }
}
