import Dispatch
import Synchronization

/// Work items done on every core.
public enum ParallelWork {
    /// `transform` of each element, computed concurrently, in the elements' order.
    /// - Complexity: the work of the transforms, spread over the cores.
    public static func map<Element: Sendable, Value: Sendable>(_ elements: [Element],
                                                        _ transform: @Sendable (Element) -> Value) -> [Value] {
        guard elements.count > 1 else { return elements.map(transform) }
        let results = Mutex([Value?](repeating: nil, count: elements.count))
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            let value = transform(elements[index])
            results.withLock { $0[index] = value }
        }
        return results.withLock { $0.map { $0! } }
    }
}

/// The indices `0..<count`, each handed out once to whichever thread asks next.
final class WorkQueue: Sendable {
    private let count: Int
    private let taken = Atomic<Int>(0)

    init(count: Int) { self.count = count }

    /// The next index not yet handed out, or `nil` when all were.
    func next() -> Int? {
        let index = taken.add(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }
}
