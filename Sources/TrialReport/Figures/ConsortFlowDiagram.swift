import Plot
import TrialAnalysis

/// The CONSORT 2010 flow diagram of a CDISC ADaM study (`ConsortFlow`), which `disposition-flow`
/// draws when the data hold it: assessed for eligibility with the exclusions beside the
/// randomised box (when the plan gives them), then one column per arm — allocation (received the
/// allocated intervention or not), follow-up (lost to follow-up; discontinued, with each reason
/// given in the arm) and analysis (analysed per analysis set; excluded from each, by its flag).
struct ConsortFlowDiagram {
    let flow: ConsortFlow

    /// The diagram.
    var diagram: FlowDiagram {
        let arms = flow.arms.count
        let enrolment = flow.assessed != nil
        // With enrolment counts the exclusions take the last column of the randomised row.
        let columns = enrolment ? max(arms, 2) : max(arms, 1)
        var boxes: [FlowDiagram.Box] = []
        var arrows: [FlowDiagram.Arrow] = []
        let randomised = FlowDiagram.Box("randomised", RichText("Randomised (\(FigureText.count(flow.randomised)))"),
                                         row: enrolment ? 1 : 0, column: 0, span: enrolment ? columns - 1 : columns, isHeader: true)
        if let assessed = flow.assessed {
            boxes.append(FlowDiagram.Box("assessed", RichText("Assessed for eligibility (\(FigureText.count(assessed)))"),
                                         row: 0, column: 0, span: columns, isHeader: true))
            boxes.append(FlowDiagram.Box("excluded", RichText(excludedText), row: 1, column: columns - 1))
            arrows += [FlowDiagram.Arrow(from: "assessed", to: "randomised"), FlowDiagram.Arrow(from: "assessed", to: "excluded")]
        }
        boxes.append(randomised)
        for (column, arm) in flow.arms.enumerated() {
            var previous = "randomised"
            for (stage, text) in [allocationText(arm), followUpText(arm), analysisText(arm)].enumerated() {
                let id = "\(column)-\(stage)"
                boxes.append(FlowDiagram.Box(id, RichText(text), row: randomised.row + 1 + stage, column: column))
                arrows.append(FlowDiagram.Arrow(from: previous, to: id))
                previous = id
            }
        }
        return FlowDiagram(columns: columns, boxes: boxes, arrows: arrows)
    }

    /// The most lines any arm's boxes hold, and those of the exclusions, for the figure's height.
    var lines: Int {
        let arms = flow.arms.map { arm in
            [allocationText(arm), followUpText(arm), analysisText(arm)].reduce(0) { $0 + $1.split(separator: "\n").count }
        }
        return (arms.max() ?? 0) + (flow.assessed == nil ? 0 : 2 + flow.excluded.count)
    }

    /// "Excluded (n = 46)" and each reason.
    private var excludedText: String {
        (["Excluded (\(FigureText.count(flow.excluded.reduce(0) { $0 + $1.n })))"] + flow.excluded.map(Self.reasonLine))
            .joined(separator: "\n")
    }

    /// "Allocated to Placebo (n = 86)", with who received the allocated intervention when known.
    private func allocationText(_ arm: ConsortArm) -> String {
        var lines = ["Allocated to \(arm.arm) (\(FigureText.count(arm.allocated)))"]
        if let received = arm.received {
            lines += ["\u{2003}Received allocated intervention (\(FigureText.count(received)))",
                      "\u{2003}Did not receive allocated intervention (\(FigureText.count(arm.allocated - received)))"]
        }
        return lines.joined(separator: "\n")
    }

    /// "Lost to follow-up (n = 1)", "Discontinued (n = 25)" and each reason.
    private func followUpText(_ arm: ConsortArm) -> String {
        (["Lost to follow-up (\(FigureText.count(arm.lostToFollowUp)))", "Discontinued (\(FigureText.count(arm.discontinued)))"]
            + arm.reasons.map(Self.reasonLine)).joined(separator: "\n")
    }

    /// "Analysed" with each set's participants, then those excluded from each set and why.
    private func analysisText(_ arm: ConsortArm) -> String {
        let excluded = arm.analysis.filter { $0.excluded > 0 }
        return (["Analysed"] + arm.analysis.map { "\u{2003}\($0.set) set (\(FigureText.count($0.analysed)))" }
            + (excluded.isEmpty ? [] : ["Excluded from analysis"])
            + excluded.map { "\u{2003}\($0.set) set: \($0.flag) not Y (\(FigureText.count($0.excluded)))" })
            .joined(separator: "\n")
    }

    /// An indented reason with its count: "  Adverse Event (n = 8)".
    private static func reasonLine(_ count: ConsortCount) -> String {
        "\u{2003}\(count.reason) (\(FigureText.count(count.n)))"
    }
}
