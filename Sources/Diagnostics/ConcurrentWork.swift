import Dispatch

/// Work on one large file spread over the cores. A single big template would otherwise keep one core
/// busy while the others idle; small files are spread over the cores by the driver instead, so each
/// stage asks `isWorthSplitting` before paying for threads.
public enum ConcurrentWork {
    /// Trees with at least this many nodes have their independent stages run concurrently.
    public static let nodeThreshold = 20_000

    public static func isWorthSplitting(nodeCount: Int) -> Bool {
        nodeCount >= nodeThreshold
    }

    /// Runs `task(0..<count)` concurrently and returns the results in index order.
    public static func map<Value>(count: Int, _ task: @Sendable (Int) -> Value) -> [Value] {
        let results = Slots<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.store(task(index), at: index)
        }
        return results.values
    }

    /// Releases `value` on a background thread. Freeing a large tree and the model built over it takes
    /// as long as a tenth of checking it; the findings need not wait for it, and a process that exits
    /// right after need not wait at all.
    public static func releaseInBackground<Value: Sendable>(_ value: Value) {
        releaseQueue.async { withExtendedLifetime(value) {} }
    }

    private static let releaseQueue = DispatchQueue(label: "stackc.release", qos: .utility)
}

/// One slot per task, each written by exactly one task of a `concurrentPerform` and read after it
/// returns, which is what makes the unchecked sendability sound. The slots are raw memory, not an
/// array property, so concurrent writes to different slots are not one exclusive access.
private final class Slots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) {
        slots[index] = value
    }

    var values: [Value] { slots.map { $0! } }
}
