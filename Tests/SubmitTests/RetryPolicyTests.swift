import Testing
@testable import Submit

@Suite struct RetryPolicyTests {
    @Test func backoffGrowsWithJitterAndStaysUnderTheCap() {
        let policy = RetryPolicy(retries: 8, baseDelay: 0.5, maxDelay: 4)
        for attempt in 1...8 {
            let ceiling = min(4, 0.5 * Double(1 << (attempt - 1)))
            for _ in 0..<50 {
                let delay = policy.delay(afterAttempt: attempt, retryAfter: nil)
                #expect(delay >= ceiling / 2 && delay <= ceiling)
            }
        }
    }

    @Test func retryAfterSecondsWin() {
        #expect(RetryPolicy().delay(afterAttempt: 1, retryAfter: "7") == 7)
        #expect(RetryPolicy().delay(afterAttempt: 1, retryAfter: " 0 ") == 0)
        // An HTTP date is not understood: the computed backoff applies.
        #expect(RetryPolicy(baseDelay: 0.5).delay(afterAttempt: 1, retryAfter: "Wed, 21 Oct 2015 07:28:00 GMT") <= 0.5)
    }

    @Test func onlyNotNowStatusesAreRetried() {
        #expect([429, 502, 503, 504].allSatisfy(RetryPolicy.isRetryable))
        #expect(![200, 400, 401, 404, 409, 500].contains(where: RetryPolicy.isRetryable))
    }
}
