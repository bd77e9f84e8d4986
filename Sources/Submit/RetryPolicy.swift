#if canImport(Glibc)
import Glibc
#endif

/// When and how long to wait before trying again. Exponential backoff with "equal jitter" (a random
/// delay between half and all of the exponential step), so many CI jobs failing together do not come
/// back in lockstep, yet each still backs off. A server's `Retry-After` (seconds) wins over the computed delay.
public struct RetryPolicy: Sendable {
    /// Attempts after the first.
    public var retries: Int
    public var baseDelay: Double
    public var maxDelay: Double

    public init(retries: Int = 3, baseDelay: Double = 0.5, maxDelay: Double = 20) {
        self.retries = retries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Statuses that say "not now" rather than "no".
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 502 || status == 503 || status == 504
    }

    /// Seconds to wait before attempt `attempt + 1` (attempt counts from 1).
    public func delay(afterAttempt attempt: Int, retryAfter: String?) -> Double {
        if let retryAfter, let seconds = Double(retryAfter.trimming(" ")), seconds >= 0 {
            return min(seconds, maxDelay * 6)
        }
        let ceiling = min(maxDelay, baseDelay * Double(1 << min(attempt - 1, 20)))
        return Double.random(in: ceiling / 2...ceiling)
    }
}

/// Sleeps the calling thread; the commands run one request at a time.
func pause(seconds: Double) {
    guard seconds > 0 else { return }
    usleep(useconds_t(min(seconds, 3600) * 1_000_000))
}
