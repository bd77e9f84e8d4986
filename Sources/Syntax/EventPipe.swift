internal import CLibYAML
import Diagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libyaml on a thread of its own, for large files: it scans the next events while the caller converts
/// positions and texts and builds the tree from the ones before, so reading a large file costs about
/// libyaml's half (the larger one) instead of the sum of the two. Events travel in batches
/// through a short bounded queue, so memory stays bounded whatever the file, and the producer stops
/// when the consumer does.
final class EventPipe: @unchecked Sendable {
    /// Files at least this large are read through a pipe (about 20,000 nodes, where the later stages
    /// start splitting their work too); below it a thread costs more than it saves.
    static let minimumBytes = 256 << 10
    private static let batchSize = 2048
    private static let queuedBatches = 3
    /// A waiting consumer is woken when this many batches are ready (or the last one is): it converts
    /// faster than libyaml reads, so it waits for nearly every batch, and each wake-up is an interrupt
    /// from one vCPU to the other that the reading thread pays for (two batches a wake-up: ≈ 1 ms less
    /// on the 5,000-service file, paired).
    private static let batchesPerWakeUp = 2

    static func isWorthUsing(forBytes count: Int) -> Bool {
        count >= minimumBytes && sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1
    }

    // Allocated, not stored inline: a pthread mutex must not move.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `mutex`. Each side signals only when the other waits: a wake-up per batch is costly.
    private var queue: [EventBatch] = []
    /// Batches the consumer has converted, going back to the producer to be freed and refilled: libyaml
    /// memory freed on the thread that allocated it stays in that thread's cache, where a free from the
    /// other thread would take the allocator's arena lock for every text.
    private var returned: [EventBatch] = []
    private var consumerDone = false
    private var consumerWaits = false
    private var producerWaits = false

    private var thread: pthread_t?

    /// Starts reading `buffer`, which must stay valid until `finish()` returns.
    init?(file: SourceFile, buffer: UnsafeBufferPointer<UInt8>) {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
        let job = ProducerJob(pipe: self, file: file, buffer: buffer)
        var handle = pthread_t()
        guard pthread_create(&handle, nil, { context in
            Unmanaged<ProducerJob>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, Unmanaged.passRetained(job).toOpaque()) == 0 else {
            Unmanaged.passUnretained(job).release()
            return nil
        }
        thread = handle
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// Stops the producer (if it is still reading) and waits for it; call once, when done reading.
    func finish() {
        pthread_mutex_lock(mutex)
        consumerDone = true
        queue.removeAll()
        returned.removeAll()
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
        if let thread { pthread_join(thread, nil) }
        thread = nil
    }

    /// The next batch from the producer, handing back the one the consumer has converted.
    fileprivate func take(returning done: EventBatch) -> EventBatch {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if done.capacity > 0 { returned.append(done) }
        while queue.isEmpty {
            consumerWaits = true
            pthread_cond_wait(changed, mutex)
        }
        consumerWaits = false
        if producerWaits { pthread_cond_signal(changed) }
        return queue.removeFirst()
    }

    /// Hands a batch over, waiting while the queue is full, and takes back a converted one to refill;
    /// nil once the consumer has stopped. `last`: no batch follows (the stream ended or libyaml failed).
    fileprivate func put(_ batch: EventBatch, last: Bool) -> EventBatch?? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while queue.count >= Self.queuedBatches && !consumerDone {
            producerWaits = true
            pthread_cond_wait(changed, mutex)
        }
        producerWaits = false
        if consumerDone { return nil }
        queue.append(batch)
        if consumerWaits && (last || queue.count >= Self.batchesPerWakeUp) { pthread_cond_signal(changed) }
        return .some(returned.popLast())
    }

    /// What the producer thread runs: read until the stream ends, libyaml fails, or the consumer stops.
    private final class ProducerJob {
        let pipe: EventPipe
        let file: SourceFile
        let buffer: UnsafeBufferPointer<UInt8>

        init(pipe: EventPipe, file: SourceFile, buffer: UnsafeBufferPointer<UInt8>) {
            self.pipe = pipe
            self.file = file
            self.buffer = buffer
        }

        func run() {
            let reader = EventReader(file: file, buffer: buffer)
            var batch = EventBatch(capacity: EventPipe.batchSize)
            while true {
                let last = batch.read(from: reader)
                if last || batch.isFull {
                    guard let spare = pipe.put(batch, last: last), !last else { return }
                    batch = spare ?? EventBatch(capacity: EventPipe.batchSize)
                    batch.empty()
                }
            }
        }
    }
}

/// The consumer's side of a pipe: events in libyaml's order, the stream's end or libyaml's failure last.
struct PipedEvents: EventSource {
    let pipe: EventPipe
    private var current = EventBatch(capacity: 0)

    init(pipe: EventPipe) {
        self.pipe = pipe
    }

    mutating func next() throws(ReadFailure) -> UnsafePointer<yaml_event_t> {
        // A loop, not a test: the last batch may hold no event at all, only libyaml's failure (a file
        // that fails at its first event, or right after a full batch).
        while current.isConsumed {
            if let failure = current.failure { throw failure }
            current = pipe.take(returning: current)
        }
        return current.takeNext()
    }
}

/// A run of libyaml events handed from the producer to the consumer and back. Its events own libyaml
/// memory, freed when the producer empties the batch to refill it, or with the batch.
private final class EventBatch {
    private let events: UnsafeMutablePointer<yaml_event_t>
    let capacity: Int
    private var count = 0
    private var consumed = 0
    /// Set on the last batch when libyaml failed after its events.
    var failure: ReadFailure?

    init(capacity: Int) {
        self.capacity = capacity
        events = .allocate(capacity: max(capacity, 1))
    }

    deinit {
        empty()
        events.deallocate()
    }

    /// Frees the events, converted or not, and makes room for new ones.
    func empty() {
        for index in 0..<count { yaml_event_delete(events + index) }
        events.deinitialize(count: count)
        count = 0
        consumed = 0
        failure = nil
    }

    var isFull: Bool { count == capacity }
    var isConsumed: Bool { consumed == count }

    /// Reads the next event from `reader` into the next slot; true when it was the last one (the end
    /// of the stream, or a failure).
    func read(from reader: EventReader) -> Bool {
        let slot = events + count
        slot.initialize(to: yaml_event_t())
        if let failure = reader.parse(into: &slot.pointee) {
            slot.deinitialize(count: 1)
            self.failure = failure
            return true
        }
        count += 1
        return slot.pointee.type == YAML_STREAM_END_EVENT
    }

    /// The next event, valid until the batch goes back to the producer (it frees it in `empty()`).
    func takeNext() -> UnsafePointer<yaml_event_t> {
        defer { consumed += 1 }
        return UnsafePointer(events + consumed)
    }
}
