import Foundation
import Synchronization

/// A value computed on a thread of its own while the caller does other work.
public final class BackgroundComputation<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let finished = DispatchGroup()

    /// Starts `work` on a new thread.
    public init(_ work: @escaping @Sendable () -> Value) {
        finished.enter()
        Thread.detachNewThread { [self] in
            let value = work()
            result.withLock { $0 = value }
            finished.leave()
        }
    }

    /// Waits for the value (as often as asked: every call returns it).
    public func value() -> Value {
        finished.wait()
        return result.withLock { $0! }
    }
}
