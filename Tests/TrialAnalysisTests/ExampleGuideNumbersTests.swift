import Foundation
import Testing
import TrialAnalysis

/// The example study's guide (Guides/ExampleStudy.md) states its numbers: the group sizes, the
/// remitters and each cell of the table "published fact | example study" are written here from the
/// example's results, and the guide must hold them word for word (line breaks read as spaces). When
/// the example changes, the failure message shows the text to paste.
@Suite struct ExampleGuideNumbersTests {
    static let guide = ExampleStudy.folder.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Guides/ExampleStudy.md")

    /// `value` with `digits` significant digits, keeping trailing zeros ("0.020"), with the minus
    /// sign U+2212 and, when `signed`, a "+" before a positive value.
    static func significant(_ value: Double, _ digits: Int, signed: Bool = false) -> String {
        let text = String(format: "%#.\(digits)g", value.magnitude)
        let trimmed = text.hasSuffix(".") ? String(text.dropLast()) : text
        return (value < 0 ? "\u{2212}" : signed ? "+" : "") + trimmed
    }

    /// The guide's example-study cells, from the results.
    static func cells(_ results: Results) throws -> [String] {
        let overall = try #require(results.remission?.overall)
        func endpoint(_ parameter: String, _ level: String) throws -> EndpointResult {
            try #require(results.endpoints.first { $0.parameter == parameter && $0.visit == 12 && $0.level == level })
        }
        func p(_ value: Double?) throws -> String { significant(try #require(value), 2) }
        let remission = "\(overall.byArm[0].responders)/\(overall.byArm[0].n) vs \(overall.byArm[1].responders)/"
            + "\(overall.byArm[1].n), Fisher's exact p = \(try p(overall.pValue))"
        let adult = "Mann–Whitney p = \(try p(endpoint("CPEPP", "Adult-onset").between.pValue)) "
            + "(CPEPF p = \(try p(endpoint("CPEPF", "Adult-onset").between.pValue)))"
        let juvenile = "Mann–Whitney p = \(try p(endpoint("CPEPP", "Juvenile-onset").between.pValue)) (CPEPP), "
            + "\(try p(endpoint("CPEPF", "Juvenile-onset").between.pValue)) (CPEPF)"
        let baseline = try #require(results.logistic?.terms.first { $0.term == "CPEPF.BASE" })
        let dose = try #require(results.logistic?.terms.first { $0.term == "MSCDOSE" })
        let predictors = "Firth: CPEPF.BASE \(significant(try #require(baseline.estimate), 3)) per pmol/L "
            + "(OR \(significant(try #require(baseline.oddsRatioPer?.oddsRatio), 2)) per 100 pmol/L, p = \(try p(baseline.pValue))), "
            + "MSCDOSE \(significant(try #require(dose.estimate), 3, signed: true)) (p = \(try p(dose.pValue)))"
        let episodes = try #require(results.insulinIndependence?.episodes.sorted { ($0.durationMonths ?? 0) < ($1.durationMonths ?? 0) })
        let insulin = episodes.enumerated().map { index, episode in
            let months = Int((episode.durationMonths ?? 0).rounded())
            return "\(episode.usubjid) (\(months)\(index == 0 ? " months" : "")\(episode.ongoing ? ", ongoing" : ""))"
        }.joined(separator: ", ")
        let events = try #require(results.adverseEvents)
        let byArm = events.byTerm.reduce(into: [0, 0]) { sums, term in
            for (index, count) in term.byArm.enumerated() { sums[index] += count.events }
        }
        let severity = events.bySeverity.map { row in (row.byArm.reduce(0) { $0 + $1.events }, row.severity.lowercased()) }
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        let serious = events.serious.byArm.reduce(0) { $0 + $1.subjects } == 0 ? "none serious" : "some serious"
        let safety = "\(byArm[0] + byArm[1]) events (\(byArm[0]) UC-MSC, \(byArm[1]) control), \(severity), \(serious)"
        let levels = try #require(results.remission?.subgroups.map(\.comparison))
        let sizes = "\(levels[0].byArm[0].n) + \(levels[1].byArm[0].n) UC-MSC and \(levels[0].byArm[1].n) + "
            + "\(levels[1].byArm[1].n) control participants"
        let remitters = "\(levels[0].byArm[0].responders) + \(levels[1].byArm[0].responders) with UC-MSC, "
            + "\(levels[0].byArm[1].responders) + \(levels[1].byArm[1].responders) with control"
        return [sizes, remitters, remission, adult, juvenile, predictors, insulin, safety]
    }

    @Test func theGuideStatesTheExampleNumbersOfItsResults() throws {
        let guide = try String(contentsOf: Self.guide, encoding: .utf8).split(whereSeparator: \.isNewline).joined(separator: " ")
        for cell in try Self.cells(try ExampleStudy.results()) {
            #expect(guide.contains(cell), "Guides/ExampleStudy.md should say: \(cell)")
        }
    }
}
