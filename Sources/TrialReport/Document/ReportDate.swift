import Foundation
import TrialData

/// The one date inside every output of a render or of `trialreport figures` (SPEC.md §6):
/// `SOURCE_DATE_EPOCH` when set; else the data lock's time for a locked study; else the day of
/// the run (UTC) at 00:00:00, so that two runs on the same day give byte-identical files.
public struct ReportDate: Sendable, Equatable {
    /// The environment variable of reproducible builds that fixes the date.
    public static let environmentVariable = "SOURCE_DATE_EPOCH"
    /// The latest `SOURCE_DATE_EPOCH` taken: 9999-12-31T23:59:59Z (dates have four-digit years).
    static let latestSeconds: Int64 = 253_402_300_799

    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int64

    /// A date from seconds since 1970.
    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    /// The date of the outputs.
    /// - Parameters:
    ///   - lockTime: the time of the study's data lock, `nil` when it is not locked.
    ///   - environment: the environment, for `SOURCE_DATE_EPOCH` (an empty value counts as unset).
    ///   - now: the time of the run.
    /// - Returns: `SOURCE_DATE_EPOCH`, else `lockTime`, else `now`'s day (UTC) at 00:00:00.
    /// - Throws: `TrialReportError` of kind `.usage` (exit 64) when `SOURCE_DATE_EPOCH` is not a
    ///   whole number of seconds from 0 to 253402300799 (9999-12-31T23:59:59Z).
    public static func resolve(lockTime: Date?, environment: [String: String], now: Date = Date()) throws(TrialReportError) -> ReportDate {
        if let text = environment[environmentVariable], !text.isEmpty {
            guard let seconds = Int64(text), (0...latestSeconds).contains(seconds) else {
                throw TrialReportError(.usage, at: SourceLocation(file: environmentVariable),
                                       "\"\(text)\" is not a time: give whole seconds since 1970-01-01T00:00:00Z (e.g. 1751284800)")
            }
            return ReportDate(secondsSince1970: seconds)
        }
        if let lockTime { return ReportDate(secondsSince1970: Int64(lockTime.timeIntervalSince1970.rounded(.down))) }
        let seconds = Int64(now.timeIntervalSince1970.rounded(.down))
        return ReportDate(secondsSince1970: seconds - seconds % 86_400)
    }

    /// "2025-06-30".
    public var day: String { String(timestamp.prefix(10)) }

    /// "2025-06-30T12:00:00" (UTC), the form Cairo's PDF metadata takes.
    public var timestamp: String {
        let days = secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400
        let seconds = secondsSince1970 - days * 86_400
        let (year, month, day) = Self.civilDate(daysSince1970: days)
        func digits(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits(year, 4) + "-" + digits(month, 2) + "-" + digits(day, 2) + "T" + digits(seconds / 3600, 2) + ":"
            + digits(seconds % 3600 / 60, 2) + ":" + digits(seconds % 60, 2)
    }

    /// The proleptic Gregorian year, month and day of a day counted from 1970-01-01 (Howard
    /// Hinnant's `civil_from_days`: eras of 400 years, years starting on 1 March).
    private static func civilDate(daysSince1970: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = daysSince1970 + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
