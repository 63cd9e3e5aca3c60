import Dispatch
import Synchronization

/// Values a caller is done with, freed on a background thread: dropping the last reference to a
/// large graph of objects — a typeset document's laid-out tables, a render's study and report —
/// frees its objects one by one, work the caller need not wait for.
///
/// A process that ends once its work is done can keep them instead
/// (`keepDroppedValuesUntilExit`): its exit hands all its memory back at once, and freeing the
/// objects one by one first is work for nothing, done while the last documents are still
/// written (compilers do the same: clang's `-disable-free`).
public enum BackgroundRelease {
    /// Whether `drop` keeps values rather than freeing them, and the values kept.
    private static let state = Mutex<(keepsValues: Bool, kept: [AnyObject])>((false, []))

    /// Makes every later `drop` keep its value, still referenced, until the process exits,
    /// instead of freeing it. For `main` of a command whose process ends with its work: the
    /// memory of the values kept is not reused, so nothing large should be allocated after them.
    public static func keepDroppedValuesUntilExit() {
        state.withLock { $0.keepsValues = true }
    }

    /// Takes `value` and drops it on a background thread, or keeps it after
    /// `keepDroppedValuesUntilExit`. Any other reference to its objects keeps them alive as usual.
    public static func drop<Value>(_ value: consuming Value) {
        let box = Box(value)
        let kept = state.withLock { state in
            if state.keepsValues { state.kept.append(box) }
            return state.keepsValues
        }
        if !kept { DispatchQueue.global(qos: .utility).async { box.value = nil } }
    }

    /// The number of values kept by `drop` so far.
    static var keptCount: Int { state.withLock { $0.kept.count } }

    /// Makes `drop` free values again (tests only: the values kept so far stay kept).
    static func freeDroppedValuesAgain() {
        state.withLock { $0.keepsValues = false }
    }

    /// The value, owned by the box alone once moved in; only the background thread empties it.
    private final class Box<Value>: @unchecked Sendable {
        var value: Value?

        init(_ value: consuming Value) {
            self.value = value
        }
    }
}
