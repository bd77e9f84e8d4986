import Dispatch
import Synchronization

/// Runs `work` over `count` items on up to `jobs` threads and hands each result to `deliver` strictly in
/// input order, as soon as it and all earlier results are done. Output is therefore identical for any
/// number of jobs, starts before the last file is finished, and holds back at most the results
/// overtaken by one slow item.
public func orderedParallelForEach<Result: Sendable>(
    count: Int,
    jobs: Int,
    work: @Sendable (Int) -> Result,
    deliver: (Result) -> Void
) {
    guard count > 0 else { return }
    let workers = max(1, min(jobs, count))
    if workers == 1 {
        for index in 0..<count { deliver(work(index)) }
        return
    }
    let next = Atomic<Int>(0)
    let state = Mutex(DeliveryState<Result>(pending: [:], nextToDeliver: 0))
    withoutActuallyEscaping(deliver) { deliver in
        let deliverBox = UncheckedSendable(deliver)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let result = work(index)
                state.withLock { state in
                    state.pending[index] = result
                    while let ready = state.pending.removeValue(forKey: state.nextToDeliver) {
                        deliverBox.value(ready)
                        state.nextToDeliver += 1
                    }
                }
            }
        }
    }
}

private struct DeliveryState<Result> {
    var pending: [Int: Result]
    var nextToDeliver: Int
}

/// Delivery runs under the lock, one result at a time, so the non-Sendable closure is never called
/// concurrently.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
