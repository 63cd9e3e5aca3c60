import Foundation
import Testing
import TrialData
@testable import TrialReport

/// The date policy of SPEC.md §6: `SOURCE_DATE_EPOCH`, else the lock time, else the day of the run.
@Suite("report date")
struct ReportDateTests {
    static let lockTime = Date(timeIntervalSince1970: 1_751_284_800)  // 2025-06-30T12:00:00Z
    static let now = Date(timeIntervalSince1970: 1_764_683_100.75)  // 2025-12-02T13:45:00.75Z

    @Test func sourceDateEpochOverridesTheLockTime() throws {
        let date = try ReportDate.resolve(lockTime: Self.lockTime, environment: ["SOURCE_DATE_EPOCH": "1700000000"], now: Self.now)
        #expect(date.timestamp == "2023-11-14T22:13:20")
    }

    @Test func aLockedStudyIsDatedByItsLockTime() throws {
        let date = try ReportDate.resolve(lockTime: Self.lockTime, environment: [:], now: Self.now)
        #expect(date.timestamp == "2025-06-30T12:00:00")
    }

    @Test func anUnlockedStudyIsDatedTheDayOfTheRunAtMidnightUTC() throws {
        let date = try ReportDate.resolve(lockTime: nil, environment: ["SOURCE_DATE_EPOCH": ""], now: Self.now)
        #expect(date.timestamp == "2025-12-02T00:00:00")
        #expect(date.day == "2025-12-02")
    }

    /// The timestamp is computed without Foundation's formatter; it must agree with it from 1970
    /// to the last second `SOURCE_DATE_EPOCH` takes, leap days and century years included.
    @Test func theTimestampIsTheUTCTimeISO8601Writes() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let edges: [Int64] = [0, 59, 86_399, 86_400, 951_782_399, 951_782_400, 951_868_800, 4_107_542_399, 4_107_542_400,
                              1_751_284_800, ReportDate.latestSeconds]
        // Every 127,000,003 seconds (about 4 years, a prime: each time of day and month is met).
        for seconds in edges + Array(stride(from: 0, through: ReportDate.latestSeconds, by: 127_000_003)) {
            let expected = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(ReportDate(secondsSince1970: seconds).timestamp == expected, "\(seconds)")
        }
    }

    @Test(arguments: ["yesterday", "1.5e9", "-1", "253402300800", " 17"])
    func aSourceDateEpochThatIsNotWholeSecondsIsAUsageError(_ value: String) {
        let error = #expect(throws: TrialReportError.self) {
            try ReportDate.resolve(lockTime: Self.lockTime, environment: ["SOURCE_DATE_EPOCH": value], now: Self.now)
        }
        #expect(error?.kind == .usage)
        #expect(error?.diagnostics.first?.description.hasPrefix("error: SOURCE_DATE_EPOCH: \"\(value)\" is not a time") == true)
    }
}
