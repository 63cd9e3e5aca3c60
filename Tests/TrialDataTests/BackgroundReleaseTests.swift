import Foundation
import Synchronization
import Testing
import TrialData

/// A value given to `BackgroundRelease.drop` is freed on another thread, after the call returns.
@Suite("Values freed in the background")
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
}
