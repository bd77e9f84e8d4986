@testable import Submit
import Testing

/// The worked example of the Container Service "Signature mechanism" page (the OCR scan
/// /work/shared/seeds/002_e6c2a9f539062967.txt, lines 1376–1506; an English copy is cited in ALIYUN.md §1.4).
///
/// Transcribed from the scan with its OCR slips fixed: `paraml=valuel` is `param1=value1`, and `…KSjOP…` is
/// `…KSj0P…` (the body's MD5, computed independently, decides it: hex `e94e002c…a098` as the page prints it,
/// base64 `6U4ALMkKSj0PYbeQSHqgmA==`). The page's body is the un-redacted one that leopardslab/gocloud's test
/// uses (210 bytes, as the page's Content-Length says).
struct DocumentExampleTests {
    static let body = #"{"password": "Just$test","instance_type": "ecs.m2.medium","name": "my-test-cluster-97082734","size": 1,"network_mode": "classic","data_disk_category": "cloud","data_disk_size": 10,"ecs_image_id": "m-253llee3l"}"#

    /// The page's request headers, in the page's order, without Authorization.
    static let headers: [(name: String, value: String)] = [
        ("Content-Length", "210"),
        ("Content-MD5", "6U4ALMkKSj0PYbeQSHqgmA=="),
        ("x-acs-version", "2015-12-15"),
        ("Accept", "application/json"),
        ("User-Agent", "cs-sdk-python/0.0.1 (Darwin/15.2.0/x86_64;2.7.10)"),
        ("x-acs-signature-nonce", "fbf6909a-93a5-45d3-8b1c-3e03a7916799"),
        ("x-acs-signature-version", "1.0"),
        ("Date", "Wed, 16 Dec 2015 12:20:18 GMT"),
        ("x-acs-signature-method", "HMAC-SHA1"),
        ("Content-Type", "application/json;charset=utf-8"),
        ("X-Acs-Region-Id", "cn-beijing"),
    ]

    /// The page's "SignatureString", line for line.
    static let stringToSign = [
        "POST",
        "application/json",
        "6U4ALMkKSj0PYbeQSHqgmA==",
        "application/json;charset=utf-8",
        "Wed, 16 Dec 2015 12:20:18 GMT",
        "x-acs-region-id:cn-beijing",
        "x-acs-signature-method:HMAC-SHA1",
        "x-acs-signature-nonce:fbf6909a-93a5-45d3-8b1c-3e03a7916799",
        "x-acs-signature-version:1.0",
        "x-acs-version:2015-12-15",
        "/clusters?param1=value1&param2=value2",
    ].joined(separator: "\n")

    let signer = ROASigner(accessKeyID: "access_key_id", accessKeySecret: "access_key_secret")

    @Test func bodyDigestIsThePagesContentMD5() {
        #expect(Array(Self.body.utf8).count == 210)
        #expect(ROASigner.contentMD5(Array(Self.body.utf8)) == "6U4ALMkKSj0PYbeQSHqgmA==")
    }

    @Test func stringToSignIsThePagesByteForByte() {
        let signed = signer.sign(method: "POST", path: "/clusters", query: [("param1", "value1"), ("param2", "value2")],
                                 headers: Self.headers, body: Array(Self.body.utf8))
        #expect(signed.stringToSign == Self.stringToSign)
        // The page claims 307 characters; its own text has 317 (its resource line has 37, not the 27 it says).
        #expect(signed.stringToSign.utf8.count == 317)
        // Every header was given, so nothing is added.
        #expect(signed.headers.map(\.name) == Self.headers.map(\.name))
    }

    /// The page's HMAC (`fee03d40…`) cannot be reproduced with the secret `access_key_secret`, and its
    /// "Signature" is base64 of that hex *text* rather than of the 20 digest bytes, so the page's signature is
    /// not a usable expectation. This one was computed independently with Python's `hmac` module
    /// (`base64(hmac.new(b"access_key_secret", sts, sha1).digest())`) and agrees with the SDK (SignOracleTests).
    @Test func signatureIsTheHMACOfThatString() {
        let signed = signer.sign(method: "POST", path: "/clusters?param1=value1&param2=value2", query: [],
                                 headers: Self.headers, body: Array(Self.body.utf8))
        #expect(signed.stringToSign == Self.stringToSign, "a query in the path is signed like the same query given apart")
        #expect(signed.signature == "pFd8Rd58Fv0jJRUptdqrOB3YS8M=")
        #expect(signed.authorization == "acs access_key_id:pFd8Rd58Fv0jJRUptdqrOB3YS8M=")
    }
}
