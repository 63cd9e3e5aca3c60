import Foundation
import Testing
@testable import TrialData

@Suite("Handoff")
struct HandoffTests {
    @Test func theWaitingThreadGetsTheValueGivenLater() {
        let handoff = Handoff<Int>()
        let waiting = BackgroundComputation { handoff.value() + handoff.value() }
        Thread.sleep(forTimeInterval: 0.05)
        handoff.give(21)
        #expect(waiting.value() == 42)
        #expect(handoff.value() == 21)
    }
}
