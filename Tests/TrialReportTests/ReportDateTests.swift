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

    @Test(arguments: ["yesterday", "1.5e9", "-1", "253402300800", " 17"])
    func aSourceDateEpochThatIsNotWholeSecondsIsAUsageError(_ value: String) {
        let error = #expect(throws: TrialReportError.self) {
            try ReportDate.resolve(lockTime: Self.lockTime, environment: ["SOURCE_DATE_EPOCH": value], now: Self.now)
        }
        #expect(error?.kind == .usage)
        #expect(error?.diagnostics.first?.description.hasPrefix("error: SOURCE_DATE_EPOCH: \"\(value)\" is not a time") == true)
    }
}
