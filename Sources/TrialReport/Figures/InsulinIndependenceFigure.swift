import Plot
import TrialAnalysis

/// `insulin-independence`: a swimmer plot with one row per insulin-independent participant, a bar
/// per episode from the month insulin was stopped to the month it was resumed (an arrow when still
/// insulin-free), the infusion months marked, the time without insulin written at the end of the row,
/// rows sorted by that time and coloured by arm. The longest rows are shown when there are many.
struct InsulinIndependenceFigure: TrialFigureBuilder {
    static let name = FigureName.insulinIndependence
    static let defaultWidth = FigureWidth.onehalf
    /// The most participants drawn; more rows would be too thin to read.
    static let maximumRows = 25

    let results: Results
    let plan: AnalysisPlan
    /// The sections of the seed study's layout that the figure draws.
    private let seed: SeedStudySections
    /// The rows drawn: the `maximumRows` longest.
    private let rows: [Row]
    /// How many participants have a drawable episode.
    private let participantCount: Int

    /// The figure of `results`, or `nil` when the results lack the seed study's sections.
    init?(results: Results, plan: AnalysisPlan) {
        guard let seed = results.seedStudySections else { return nil }
        self.results = results
        self.plan = plan
        self.seed = seed
        (rows, participantCount) = Self.longestRows(seed.insulinIndependence.episodes)
    }

    /// One participant's row: the episodes with a known end and their total duration.
    private struct Row {
        var participant: String
        var arm: String
        var episodes: [(start: Double, end: Double, ongoing: Bool)]
        var months: Double
    }

    /// The rows of the `maximumRows` participants with the longest total time without insulin
    /// (ties in the order of their first episode), longest first, and how many participants have a
    /// drawable episode (one with a duration).
    /// - Complexity: O(*n* + *p* · `maximumRows`) at worst for *n* episodes of *p* participants (O(*n* + *p*)
    ///   when few participants enter the rows as they come); only the rows drawn collect their episodes.
    private static func longestRows(_ episodes: [InsulinIndependenceEpisode]) -> (rows: [Row], participantCount: Int) {
        // Sized for a participant per episode: the table is not rehashed as it grows.
        var position = [String: Int](minimumCapacity: episodes.count), months: [Double] = [], first: [Int] = []
        months.reserveCapacity(episodes.count)
        first.reserveCapacity(episodes.count)
        // Each episode's participant (an index into `months`); nil for one without a duration.
        var participantOfEpisode: [Int?] = []
        participantOfEpisode.reserveCapacity(episodes.count)
        // A participant's episodes usually follow one another: the one before is compared first.
        var last: (usubjid: String, participant: Int)?
        for (index, episode) in episodes.enumerated() {
            guard let duration = episode.durationMonths else {
                participantOfEpisode.append(nil)
                continue
            }
            let participant: Int
            if let last, last.usubjid == episode.usubjid {
                participant = last.participant
            } else if let known = position[episode.usubjid] {
                participant = known
            } else {
                participant = months.count
                position[episode.usubjid] = participant
                months.append(0)
                first.append(index)
            }
            last = (episode.usubjid, participant)
            months[participant] += duration
            participantOfEpisode.append(participant)
        }
        let longest = Self.largest(months, count: maximumRows)
        var rows = longest.map { participant in
            Row(participant: episodes[first[participant]].usubjid, arm: episodes[first[participant]].arm, episodes: [],
                months: months[participant])
        }
        let rowOfParticipant = Dictionary(uniqueKeysWithValues: longest.enumerated().map { ($1, $0) })
        for (episode, participant) in zip(episodes, participantOfEpisode) {
            guard let participant, let row = rowOfParticipant[participant], let duration = episode.durationMonths else { continue }
            rows[row].episodes.append((episode.startMonth, episode.endMonth ?? episode.startMonth + duration, episode.ongoing))
        }
        return (rows, months.count)
    }

    /// The positions of the `count` largest of `values`, largest first, equal values in the order of
    /// their positions: the first `count` of the positions sorted so, kept in a short list as the
    /// values are scanned (a value enters only when it beats the last kept).
    static func largest(_ values: [Double], count: Int) -> [Int] {
        var kept: [Int] = []
        for index in values.indices {
            let value = values[index]
            if kept.count == count {
                guard let last = kept.last, value > values[last] else { continue }
                kept.removeLast()
            }
            kept.insert(index, at: kept.firstIndex { values[$0] < value } ?? kept.count)
        }
        return kept
    }

    func drawable(width: FigureWidth) -> any Drawable {
        let lastMonth = rows.flatMap { $0.episodes.map(\.end) }.max() ?? plan.primaryVisit
        // Room right of the longest bar for its arrow and label.
        let limit = max(lastMonth, plan.visits.max() ?? 0) * 1.2 + 0.5
        let arms = plan.armOrder.filter { arm in rows.contains { $0.arm == arm } }
        return Figure(legend: .bottom, note: RichText(note(shown: rows.count, total: participantCount)), seriesOrder: arms,
                      seriesStyles: plan.armStyles) {
            Panel(x: .linear(RichText(FigureText.months), limits: 0...limit, ticks: plan.visits),
                  y: .categorical(rows.map(\.participant), title: "Participant")) {
                for month in plan.infusionMonths {
                    RuleMark(x: .value(month), label: "Infusion")
                }
                for row in rows {
                    for (index, episode) in row.episodes.enumerated() {
                        let isLast = index == row.episodes.count - 1
                        RangeMark(row: .category(row.participant), from: episode.start, to: episode.end, series: row.arm,
                                  arrow: episode.ongoing, label: isLast ? RichText(durationLabel(row)) : nil)
                    }
                }
            }
        }
    }

    /// "9.0 mo": the participant's total time without insulin.
    private func durationLabel(_ row: Row) -> String {
        "\(Display.number(row.months, decimals: 1))\(FigureText.space)mo"
    }

    /// The legend of the symbols, the arms' counts and how many rows are left out.
    private func note(shown: Int, total: Int) -> String {
        let byArm = seed.insulinIndependence.byArm.map {
            "\($0.arm) \(Display.integer($0.subjects)) of \(Display.integer($0.n))"
        }.joined(separator: ", ")
        guard total > 0 else { return "No participant stopped insulin (\(byArm))." }
        let infusions = plan.infusionMonths.map(Display.planValue).joined(separator: " and ")
        return "Bars: periods without insulin, each participant's total in months (mo) at the end of the row; "
            + "arrow: still insulin-free at last follow-up; "
            + "dashed lines: \(plan.arms.treatment) infusions (months \(infusions)). "
            + "Participants who stopped insulin: \(byArm); \(FigureText.pValue(seed.insulinIndependence.pValue)) (Fisher's exact test)."
            + FigureText.selection(shown: shown, of: total, "longest", "participants")
    }

    func height(width: FigureWidth) -> Length {
        .millimetres(34 + 4.6 * Double(max(rows.count, 3)) + (width == .single ? 10 : 0))
    }
}
