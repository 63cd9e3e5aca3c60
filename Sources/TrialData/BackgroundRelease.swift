import Dispatch

/// Values a caller is done with, freed on a background thread: dropping the last reference to a
/// large graph of objects — a typeset document's laid-out tables, a render's study and report —
/// frees its objects one by one, work the caller need not wait for.
public enum BackgroundRelease {
    /// Takes `value` and drops it on a background thread. Any other reference to its objects
    /// keeps them alive as usual.
    public static func drop<Value>(_ value: consuming Value) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }

    /// The value, owned by the box alone once moved in; only the background thread empties it.
    private final class Box<Value>: @unchecked Sendable {
        var value: Value?

        init(_ value: consuming Value) {
            self.value = value
        }
    }
}
