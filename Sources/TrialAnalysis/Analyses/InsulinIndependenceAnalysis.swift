/// Insulin independence (`adii.csv`): participants and episodes per arm, each episode's duration.
struct InsulinIndependenceAnalysis {
    let study: StudyBasis

    /// Episodes by arm, then participant (adsl.csv order), then start month. An episode without
    /// `ENDMO` is ongoing and lasts to the participant's last follow-up (`LASTMO`, else the plan's
    /// last visit). Fisher's exact test compares the proportions of participants with an episode.
    func run(_ log: inout NoteLog) -> InsulinIndependenceResults {
        let table = study.data.insulinIndependence
        let order = (0..<table.count).sorted { first, second in
            let a = Int(table.participant[first]), b = Int(table.participant[second])
            return (study.arm[a], a, table.startMonth[first]) < (study.arm[b], b, table.startMonth[second])
        }
        let ids = study.data.participants.ids
        let episodes = order.map { row in
            let participant = Int(table.participant[row])
            let start = table.startMonth[row], end = table.endMonth[row]
            let ongoing = end.isNaN
            let duration = (ongoing ? study.lastFollowUpMonth(of: participant) : end) - start
            return InsulinIndependenceEpisode(usubjid: ids[participant], arm: study.armLabels[Int(study.arm[participant])],
                                              startMonth: start, endMonth: ongoing ? nil : end,
                                              durationMonths: duration, ongoing: ongoing)
        }
        var subjects = [0, 0], episodeCounts = [0, 0], sizes = [0, 0]
        for arm in study.arm { sizes[Int(arm)] += 1 }
        var previous = -1
        for row in order {
            let participant = Int(table.participant[row]), arm = Int(study.arm[participant])
            episodeCounts[arm] += 1
            if participant != previous { subjects[arm] += 1 }
            previous = participant
        }
        let byArm = study.armLabels.indices.map { arm in
            InsulinIndependenceArm(arm: study.armLabels[arm], subjects: subjects[arm], n: sizes[arm], episodes: episodeCounts[arm],
                                   durationMonths: Sample(episodes.filter { $0.arm == study.armLabels[arm] }
                                       .compactMap(\.durationMonths)).descriptives)
        }
        let pValue = log.attempt("Fisher's exact test", "participants with an episode") {
            try PlannedTests.fisher((subjects[0], sizes[0]), (subjects[1], sizes[1]))
        }
        return InsulinIndependenceResults(byArm: byArm, episodes: episodes, test: .fisherExact, pValue: pValue)
    }
}
