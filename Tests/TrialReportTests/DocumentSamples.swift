import Foundation
import Plot
@testable import TrialReport
import TrialAnalysis

/// Results of the seed study's shape for the report tests. The numbers are illustrative (not
/// computed from data): the tests check that the report shows them, wherever they land.
enum DocumentSamples {
    static let arms = ["UC-MSC", "Control"]

    static func descriptives(_ n: Int, _ mean: Double) -> Descriptives {
        Descriptives(n: n, mean: mean, sd: mean * 0.21, sem: mean * 0.04, median: mean * 0.98, q1: mean * 0.85,
                     q3: mean * 1.12, min: mean * 0.5, max: mean * 1.6)
    }

    static func remissionArm(_ arm: String, _ n: Int, _ responders: Int) -> RemissionArm {
        RemissionArm(arm: arm, n: n, responders: responders, rate: Double(responders) / Double(n),
                     ciLower: 0.2452, ciUpper: 0.5929, excluded: 0, missingCountedAsNonResponders: 1, missingBaseline: 0, undefinedPercentChanges: 0)
    }

    static func comparison(_ treatment: (Int, Int), _ control: (Int, Int), p: Double) -> RemissionComparison {
        RemissionComparison(
            byArm: [remissionArm("UC-MSC", treatment.0, treatment.1), remissionArm("Control", control.0, control.1)],
            difference: ProportionDifference(estimate: 0.29202, ciLower: 0.05012, ciUpper: 0.50441),
            test: .fisherExact, pValue: p)
    }

    static func endpoints() -> [EndpointResult] {
        var results: [EndpointResult] = []
        let populations: [(String?, String?)] = [(nil, nil), ("Onset", "Adult-onset"), ("Onset", "Juvenile-onset")]
        for parameter in ParameterDefinition.seedStudy.map(\.code) {
            for (subgroup, level) in populations {
                for visit in [3.0, 6, 9, 12] {
                    let arms = zip(arms, [312.4, 281.9]).map { arm, mean in
                        EndpointArm(arm: arm, value: descriptives(26, mean + visit), change: descriptives(25, 10.5 + visit),
                                    percentChange: descriptives(25, 4.25 + visit), withinTest: .wilcoxon, withinPValue: 0.0312)
                    }
                    let measure: BetweenArmComparison.Measure = ["CPEPF", "CPEPP"].contains(parameter) ? .percentChange : .change
                    results.append(EndpointResult(parameter: parameter, visit: visit, subgroup: subgroup, level: level, byArm: arms,
                                                  between: BetweenArmComparison(measure: measure, test: .mannWhitney, pValue: 0.0213)))
                }
            }
        }
        return results
    }

    static func counts(_ treatment: (Int, Int), _ control: (Int, Int)) -> [AdverseEventCount] {
        [AdverseEventCount(arm: "UC-MSC", subjects: treatment.0, events: treatment.1),
         AdverseEventCount(arm: "Control", subjects: control.0, events: control.1)]
    }

    static func baselineRows() -> [BaselineRow] {
        let numeric = ["AGE", "AGEDX", "BMI", "DIABDUR", "CPEPF.BASE", "CPEPP.BASE", "HBA1C.BASE"].map { variable in
            BaselineRow(variable: variable, byArm: [
                BaselineArm(arm: "UC-MSC", n: 27, missing: 0, descriptives: descriptives(27, 24.56), levels: []),
                BaselineArm(arm: "Control", n: 26, missing: 0, descriptives: descriptives(26, 23.91), levels: []),
            ], test: .mannWhitney, pValue: 0.6137)
        }
        let sex = BaselineRow(variable: "SEX", byArm: [
            BaselineArm(arm: "UC-MSC", n: 27, missing: 0, descriptives: nil,
                        levels: [LevelCount(level: "F", n: 12, proportion: 12.0 / 27), LevelCount(level: "M", n: 15, proportion: 15.0 / 27)]),
            BaselineArm(arm: "Control", n: 26, missing: 0, descriptives: nil,
                        levels: [LevelCount(level: "F", n: 13, proportion: 0.5), LevelCount(level: "M", n: 13, proportion: 0.5)]),
        ], test: .fisherExact, pValue: 0.7872)
        return Array(numeric.prefix(2)) + [sex] + numeric.dropFirst(2)
    }

    /// Adverse-event terms: `termsPerClass` terms in each of `classes` system organ classes, the
    /// first term a script tag (it must show as text).
    static func adverseEvents(classes: Int = 4, termsPerClass: Int = 3) -> AdverseEventResults {
        var terms: [AdverseEventTerm] = []
        var socs: [AdverseEventClass] = []
        for soc in 0..<classes {
            let name = "System organ class \(soc + 1)"
            socs.append(AdverseEventClass(soc: name, byArm: counts((5, 7), (2, 2))))
            for term in 0..<termsPerClass {
                let text = soc == 0 && term == 0 ? "<script>alert(1)</script>" : "Event term \(soc + 1).\(term + 1)"
                terms.append(AdverseEventTerm(term: text, soc: name, byArm: counts((3, 4), (1, 1)),
                                              difference: ProportionDifference(estimate: 0.07, ciLower: -0.1, ciUpper: 0.25)))
            }
        }
        let any = AdverseEventIncidence(byArm: counts((14, 30), (8, 12)), test: .fisherExact, pValue: 0.1523)
        return AdverseEventResults(byTerm: terms, bySystemOrganClass: socs,
                                   bySeverity: [AdverseEventSeverity(severity: "MILD", byArm: counts((4, 5), (0, 0)))],
                                   anyEvent: any, serious: AdverseEventIncidence(byArm: counts((1, 1), (0, 0)), test: .fisherExact, pValue: 1),
                                   related: AdverseEventIncidence(byArm: counts((6, 8), (0, 0)), test: .fisherExact, pValue: 0.0228))
    }

    static func results(adverseEventClasses: Int = 4) -> Results {
        let term = { (name: String, or: Double) in
            LogisticTerm(term: name, estimate: log(or), standardError: 0.5, oddsRatio: or, ciLower: or / 3, ciUpper: or * 3, pValue: 0.0418)
        }
        return Results(
            inputs: [
                InputFile(file: "adsl.csv", sha256: String(repeating: "ab", count: 32), bytes: 4096, rows: 53),
                InputFile(file: "adlb.csv", sha256: String(repeating: "cd", count: 32), bytes: 40960, rows: 1060),
                InputFile(file: "study.yaml", sha256: String(repeating: "0f", count: 32), bytes: 812, rows: nil),
            ],
            arms: [ArmSize(arm: "UC-MSC", n: 27), ArmSize(arm: "Control", n: 26)],
            remission: RemissionResults(
                overall: comparison((27, 11), (26, 3), p: 0.0276),
                subgroups: [
                    SubgroupRemission(subgroup: "Onset", level: "Adult-onset", comparison: comparison((17, 9), (16, 2), p: 0.0127)),
                    SubgroupRemission(subgroup: "Onset", level: "Juvenile-onset", comparison: comparison((10, 2), (10, 1), p: 1)),
                ],
                interactions: [SubgroupInteraction(subgroup: "Onset", test: .logisticWald, pValue: 0.4719)]),
            endpoints: endpoints(),
            logistic: LogisticResults(
                method: .firth, population: .treatment, n: 27, events: 11,
                terms: [term("(Intercept)", 0.2), term("CPEPF.BASE", 1.0123), term("MSCDOSE", 5.1123)],
                methodReason: .fewEventsPerCovariate, eventsPerCovariate: 5.5, separation: false,
                univariable: [UnivariableFit(covariate: "CPEPF.BASE", method: .firth, methodReason: .fewEventsPerCovariate, n: 27, events: 11, term: term("CPEPF.BASE", 1.0098)),
                              UnivariableFit(covariate: "MSCDOSE", method: .firth, methodReason: .fewEventsPerCovariate, n: 27, events: 11, term: term("MSCDOSE", 4.8761))]),
            insulinIndependence: InsulinIndependenceResults(
                byArm: [InsulinIndependenceArm(arm: "UC-MSC", subjects: 3, n: 27, episodes: 3),
                        InsulinIndependenceArm(arm: "Control", subjects: 0, n: 26, episodes: 0)],
                episodes: [
                    InsulinIndependenceEpisode(usubjid: "UCMSC-007", arm: "UC-MSC", startMonth: 3, endMonth: 6, durationMonths: 3, ongoing: false),
                    InsulinIndependenceEpisode(usubjid: "UCMSC-012", arm: "UC-MSC", startMonth: 0.5, endMonth: nil, durationMonths: 11.5, ongoing: true),
                ],
                test: .fisherExact, pValue: 0.2353),
            adverseEvents: adverseEvents(classes: adverseEventClasses),
            baseline: BaselineResults(rows: baselineRows(), subgroups: [
                BaselineSubgroup(subgroup: "Onset", level: "Adult-onset", rows: baselineRows()),
                BaselineSubgroup(subgroup: "Onset", level: "Juvenile-onset", rows: baselineRows()),
            ]),
            participantFlow: ParticipantFlow(enrolled: 53, byArm: [
                ParticipantFlowArm(arm: "UC-MSC", allocated: 27, secondInfusion: 27, completedPrimaryVisit: 26, analysed: 27),
                ParticipantFlowArm(arm: "Control", allocated: 26, secondInfusion: nil, completedPrimaryVisit: 25, analysed: 26),
            ]),
            notes: [AnalysisNote(section: "logistic", context: "multivariable model", message: "Firth's method: 5.5 events per covariate")],
            plan: PlanAsUsed(AnalysisPlan()))
    }

    static let provenance = ReportProvenance(
        date: ReportDate(secondsSince1970: 946_684_800), lockHash: nil, toolVersion: "0.1.0", planYAML: AnalysisPlan().canonicalYAML,
        planSource: "built-in plan", warnings: ["warning: adlb.csv:17: value below the detection limit"])

    /// A small figure, drawn as vectors, standing for the trial's remission-rates figure.
    static func figure(named name: String = "remission-rates") -> ReportFigure {
        let drawing = Figure {
            Panel(title: "Remission", x: .categorical(["UC-MSC", "Control"]), y: .linear("Remission (%)")) {
                BarMark(x: "UC-MSC", value: 40.7, series: "UC-MSC")
                BarMark(x: "Control", value: 11.5, series: "Control")
            }
        }
        return ReportFigure(name: name, drawable: drawing, size: Size(width: Length.millimetres(120).points, height: 200))
    }

    /// The bundled templates folder of the package.
    static var templatesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates")
    }

    /// The composed report of `results` with the bundled templates and one figure.
    static func compose(_ results: Results = results(), paper: PaperSize = .a4,
                        templates: URL = templatesDirectory) throws -> ComposedReport {
        let figure = figure()
        let svg = String(decoding: try Canvas(width: .millimetres(120), height: .points(200)).render(figure.drawable, as: .svg), as: UTF8.self)
        return try ReportComposer(templates: ReportTemplates(directory: templates), paper: paper)
            .compose(results: results, plan: AnalysisPlan(), provenance: provenance, figures: [figure], figureSVG: [figure.name: svg])
    }
}

/// The text of a PDF as `pdftotext` (poppler-utils) extracts it.
enum PDFText {
    static func extract(_ pdf: [UInt8], layout: Bool = false, raw: Bool = false) throws -> String {
        try run(pdf, arguments: (layout ? ["-layout"] : []) + (raw ? ["-raw"] : []))
    }

    /// A word of a PDF, with its page (from 1) and the top-left corner of its box.
    struct Word: Equatable {
        var page: Int, text: String, x: Double, y: Double
    }

    /// Every word of a PDF (`pdftotext -bbox`), in the order pdftotext reads them.
    static func words(_ pdf: [UInt8]) throws -> [Word] {
        let boxes = try run(pdf, arguments: ["-bbox"])
        var page = 0
        var words: [Word] = []
        for line in boxes.split(separator: "\n") {
            if line.contains("<page ") { page += 1 }
            guard let start = line.range(of: "<word "), let close = line.range(of: "</word>"),
                  let textStart = line[start.upperBound..<close.lowerBound].firstIndex(of: ">") else { continue }
            let attributes = line[start.upperBound..<textStart]
            func value(_ name: String) -> Double {
                guard let range = attributes.range(of: name + "=\"") else { return .nan }
                return Double(attributes[range.upperBound...].prefix { $0 != "\"" }) ?? .nan
            }
            words.append(Word(page: page, text: String(line[line.index(after: textStart)..<close.lowerBound]),
                              x: value("xMin"), y: value("yMin")))
        }
        return words
    }

    /// Whether two PDFs draw the same words at the same places, to `tolerance` points, whatever
    /// the order of drawing. A word that follows others in one text operation is placed by their
    /// widths, which a PDF font gives in whole thousandths of an em: after 20 characters of 8-point
    /// text, within 0.08 point of where a word that starts an operation is placed.
    static func sameWords(_ one: [UInt8], _ other: [UInt8], tolerance: Double = 0.1) throws -> Bool {
        var unmatched = try words(other)
        for word in try words(one) {
            guard let match = unmatched.firstIndex(where: {
                $0.page == word.page && $0.text == word.text && abs($0.x - word.x) <= tolerance && abs($0.y - word.y) <= tolerance
            }) else { return false }
            unmatched.remove(at: match)
        }
        return unmatched.isEmpty
    }

    private static func run(_ pdf: [UInt8], arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = arguments + ["-", "-"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(pdf))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A folder in the temporary directory, removed when the value is released.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("report-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A copy of the bundled templates inside this folder, for tests that edit them.
    func templatesCopy() throws -> URL {
        let copy = url.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: DocumentSamples.templatesDirectory, to: copy)
        return copy
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
