import Foundation
import Synchronization
import Testing
@testable import TrialData

/// A value given to `BackgroundRelease.drop` is freed on another thread, after the call returns,
/// or kept until the process exits once `keepDroppedValuesUntilExit` was called.
@Suite("Values freed in the background", .serialized)
struct BackgroundReleaseTests {
    /// Reports the thread its deinit runs on.
    final class Tracked: Sendable {
        let freedOn: @Sendable (pthread_t) -> Void
        init(freedOn: @escaping @Sendable (pthread_t) -> Void) { self.freedOn = freedOn }
        deinit { freedOn(pthread_self()) }
    }

    @Test func theLastReferenceIsDroppedOnAnotherThread() {
        let freed = DispatchSemaphore(value: 0)
        let thread = Mutex<pthread_t?>(nil)
        let caller = pthread_self()
        BackgroundRelease.drop([Tracked { id in thread.withLock { $0 = id }; freed.signal() }])
        #expect(freed.wait(timeout: .now() + 10) == .success)
        let freedOn = thread.withLock { $0 }
        #expect(freedOn != nil && pthread_equal(freedOn!, caller) == 0)
    }

    @Test func valuesDroppedAfterKeepingIsAskedForAreKept() {
        let freed = Mutex(false)
        BackgroundRelease.keepDroppedValuesUntilExit()
        defer { BackgroundRelease.freeDroppedValuesAgain() }
        let keptBefore = BackgroundRelease.keptCount
        weak var dropped: Tracked?
        do {
            let value = Tracked { _ in freed.withLock { $0 = true } }
            dropped = value
            BackgroundRelease.drop([value])
        }
        #expect(BackgroundRelease.keptCount == keptBefore + 1)
        #expect(dropped != nil)
        #expect(!freed.withLock { $0 })
    }
}
