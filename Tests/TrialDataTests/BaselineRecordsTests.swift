import Testing
@testable import TrialData

/// `BaselineRecords`: the baseline record of each participant's parameter (and time point).
@Suite struct BaselineRecordsTests {
    /// Whatever the participants' regions (one for all, one each, far more participants than
    /// slots), every key is found where it was put.
    @Test(arguments: [1, 100, 1_000_000])
    func eachKeyKeepsItsFirstRowThroughGrowth(participantCount: Int) {
        // Room for 4 records, 3,000 given: the table grows many times.
        var records = BaselineRecords(capacity: 4, participantCount: participantCount)
        var row = 0
        for participant in Int32(0)..<100 {
            for parameter in Int32(0)..<10 {
                for timePoint in [nil, 0.5, 2] as [Double?] {
                    #expect(records.insert(participant: participant, parameter: parameter, timePoint: timePoint, row: row) == nil)
                    row += 1
                }
            }
        }
        row = 0
        for participant in Int32(0)..<100 {
            for parameter in Int32(0)..<10 {
                for timePoint in [nil, 0.5, 2] as [Double?] {
                    #expect(records.row(participant: participant, parameter: parameter, timePoint: timePoint) == row)
                    #expect(records.insert(participant: participant, parameter: parameter, timePoint: timePoint, row: -5) == row)
                    row += 1
                }
            }
        }
        #expect(records.row(participant: 100, parameter: 0, timePoint: nil) == nil)
        #expect(records.row(participant: 0, parameter: 10, timePoint: nil) == nil)
        #expect(records.row(participant: 0, parameter: 0, timePoint: 1) == nil)
    }

    @Test func timePointsAreComparedAsNumbersAndAnUntimedRecordIsNotTimePointZero() {
        var records = BaselineRecords(capacity: 2, participantCount: 3)
        #expect(records.insert(participant: 1, parameter: 2, timePoint: -0.0, row: 7) == nil)
        #expect(records.row(participant: 1, parameter: 2, timePoint: 0) == 7)
        #expect(records.insert(participant: 1, parameter: 2, timePoint: 0, row: 8) == 7)
        #expect(records.row(participant: 1, parameter: 2, timePoint: nil) == nil)
        // Participant and parameter are not interchangeable, negative ones included.
        #expect(records.insert(participant: 2, parameter: 1, timePoint: nil, row: 9) == nil)
        #expect(records.insert(participant: -1, parameter: 2, timePoint: nil, row: 10) == nil)
        #expect(records.row(participant: 2, parameter: 1, timePoint: nil) == 9)
        #expect(records.row(participant: -1, parameter: 2, timePoint: nil) == 10)
    }
}
