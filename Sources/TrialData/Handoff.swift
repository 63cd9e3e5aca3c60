import Foundation
import Synchronization

/// A value one thread gives to another: `value()` waits until `give(_:)` has been called.
public final class Handoff<Value: Sendable>: Sendable {
    private let slot = Mutex<Value?>(nil)
    private let given = DispatchGroup()

    /// A handoff whose value is still to come.
    public init() {
        given.enter()
    }

    /// Gives the value; call it exactly once.
    public func give(_ value: Value) {
        slot.withLock { $0 = value }
        given.leave()
    }

    /// Waits for the value (as often as asked: every call returns it).
    public func value() -> Value {
        given.wait()
        return slot.withLock { $0! }
    }
}
