import Driver
import Foundation
import Synchronization
import Testing

/// `orderedParallelForEach` hands results over strictly in input order, whatever order the work
/// finishes in and however many threads run it.
struct OrderedParallelForEachTests {
    @Test(arguments: [1, 2, 8, 64])
    func resultsArriveInInputOrderDespiteRandomDurations(jobs: Int) {
        let count = 200
        let delays = (0..<count).map { _ in UInt32.random(in: 0...2_000) }   // microseconds
        let calls = Mutex([Int](repeating: 0, count: count))
        var delivered: [Int] = []
        orderedParallelForEach(count: count, jobs: jobs, work: { index in
            usleep(delays[index])
            calls.withLock { $0[index] += 1 }
            return index * 3
        }, deliver: { result in
            delivered.append(result)
        })
        #expect(delivered == (0..<count).map { $0 * 3 })
        #expect(calls.withLock { $0 } == [Int](repeating: 1, count: count), "each item is worked exactly once")
    }

    @Test(arguments: [1, 8])
    func zeroItemsNeverCallsAnything(jobs: Int) {
        let worked = Atomic<Int>(0)
        var delivered = 0
        orderedParallelForEach(count: 0, jobs: jobs, work: { _ in worked.add(1, ordering: .relaxed); return 0 }, deliver: { _ in delivered += 1 })
        #expect(worked.load(ordering: .relaxed) == 0)
        #expect(delivered == 0)
    }

    @Test(arguments: [0, -3, 1_000])
    func oddJobCountsStillDeliverEverything(jobs: Int) {
        var delivered: [Int] = []
        orderedParallelForEach(count: 5, jobs: jobs, work: { $0 }, deliver: { delivered.append($0) })
        #expect(delivered == [0, 1, 2, 3, 4])
    }

    @Test func deliveryIsNeverConcurrent() {
        let inside = Atomic<Int>(0)
        var overlaps = 0
        var delivered = 0
        orderedParallelForEach(count: 500, jobs: 8, work: { index in
            if index % 3 == 0 { usleep(200) }
            return index
        }, deliver: { _ in
            if inside.add(1, ordering: .sequentiallyConsistent).newValue != 1 { overlaps += 1 }
            usleep(20)
            delivered += 1
            inside.subtract(1, ordering: .sequentiallyConsistent)
        })
        #expect(overlaps == 0)
        #expect(delivered == 500)
    }

    /// Results stream: the first result is handed over while a slow later item is still running.
    @Test func earlyResultsAreNotHeldBackBySlowLaterOnes() {
        let slowFinished = Atomic<Bool>(false)
        var firstDeliveredBeforeSlowFinished: Bool?
        orderedParallelForEach(count: 16, jobs: 8, work: { index in
            if index == 15 {
                usleep(500_000)
                slowFinished.store(true, ordering: .sequentiallyConsistent)
            }
            return index
        }, deliver: { index in
            if index == 0 { firstDeliveredBeforeSlowFinished = !slowFinished.load(ordering: .sequentiallyConsistent) }
        })
        #expect(firstDeliveredBeforeSlowFinished == true)
    }
}
