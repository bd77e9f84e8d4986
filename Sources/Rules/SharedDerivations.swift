import Synchronization

/// Values several rules derive from the same document (the whole-number fields `integer-overflow` and
/// `scale-bounds` both check), worked out once per check however many rules ask and on however many
/// threads. A rule that asks while another computes the value waits for it.
public final class SharedDerivations: Sendable {
    private let values = Mutex<[ObjectIdentifier: any Sendable]>([:])

    public init() {}

    /// The value stored under `key`, computed by `compute` the first time it is asked for.
    func value<Value: Sendable>(for key: Any.Type, compute: () -> Value) -> Value {
        values.withLock { values in
            if let known = values[ObjectIdentifier(key)] { return known as! Value }
            let value = compute()
            values[ObjectIdentifier(key)] = value
            return value
        }
    }
}
