internal import CLibCrypto

/// Signs Alibaba Cloud ROA (RESTful) requests, the `Authorization: acs ID:SIGNATURE` scheme of the
/// Container Service OpenAPI, exactly as Alibaba's own SDK does (aliyun-python-sdk-core 2.16.1,
/// `roa_signature_composer`; see README "stackc sign" for the few deliberate differences).
///
/// This is the only file that calls libcrypto: HMAC-SHA1 for the signature, MD5 for `Content-MD5`,
/// base64 for both. The secret never leaves the value and never shows in `description` or `dump`.
public struct ROASigner: Sendable, CustomStringConvertible, CustomReflectable {
    public let accessKeyID: String
    private let accessKeySecret: String

    public init(accessKeyID: String, accessKeySecret: String) {
        self.accessKeyID = accessKeyID
        self.accessKeySecret = accessKeySecret
    }

    /// Signs one request.
    ///
    /// Adds what is missing among `Date` (`date`, else now in RFC 1123 GMT), `Accept` (`application/json`),
    /// `Content-MD5` (only when there is a body; an empty body still gets one, as in the SDK),
    /// `x-acs-signature-method` (`HMAC-SHA1`) and `x-acs-signature-version` (`1.0`). Names are matched
    /// without regard to case, as HTTP does, and headers the caller gave are never changed: when a request
    /// must be reproduced byte for byte, the caller's values are the ones the server saw.
    ///
    /// - parameter path: the path as sent, before percent-encoding; a `?` in it is treated as the SDK does
    ///   (see `ROACanonicalRequest`), so keep queries in `query`.
    /// - parameter query: decoded names and values; a nil value is a name without `=`.
    /// - returns: the string-to-sign, the signature and the headers to send (the caller's, then the added
    ///   ones); `Authorization` is in `authorization`, not among `headers`.
    public func sign(method: String, path: String, query: [(name: String, value: String?)], headers: [(name: String, value: String)],
                     body: [UInt8]?, date: String? = nil) -> SignedRequest {
        var headers = headers
        func addIfMissing(_ name: String, _ value: @autoclosure () -> String) {
            let lowered = name.lowercased()
            if !headers.contains(where: { $0.name.lowercased() == lowered }) { headers.append((name, value())) }
        }
        addIfMissing("Date", date ?? HTTPDate.now())
        addIfMissing("Accept", "application/json")
        if let body { addIfMissing("Content-MD5", Self.contentMD5(body)) }
        addIfMissing("x-acs-signature-method", "HMAC-SHA1")
        addIfMissing("x-acs-signature-version", "1.0")

        let stringToSign = ROACanonicalRequest(method: method, path: path, query: query, headers: headers).stringToSign
        let signature = Self.base64(Self.hmacSHA1(key: Array(accessKeySecret.utf8), message: Array(stringToSign.utf8)))
        return SignedRequest(stringToSign: stringToSign, signature: signature,
                             authorization: "acs \(accessKeyID):\(signature)", headers: headers)
    }

    /// `Content-MD5` as RFC 1864 and the SDK define it: base64 of the 16-byte MD5 digest of the body.
    public static func contentMD5(_ body: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = body.withUnsafeBytes { bytes in
            digest.withUnsafeMutableBufferPointer { EVP_Digest(bytes.baseAddress, bytes.count, $0.baseAddress, &length, EVP_md5(), nil) }
        }
        precondition(ok == 1, "libcrypto could not compute MD5")
        return base64(Array(digest.prefix(Int(length))))
    }

    static func hmacSHA1(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                digest.withUnsafeMutableBufferPointer {
                    HMAC(EVP_sha1(), keyBytes.baseAddress, Int32(keyBytes.count), messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
                         messageBytes.count, $0.baseAddress, &length)
                }
            }
        }
        precondition(result != nil, "libcrypto could not compute HMAC-SHA1")
        return Array(digest.prefix(Int(length)))
    }

    /// Standard base64 with padding and no line breaks (RFC 4648 §4).
    static func base64(_ bytes: [UInt8]) -> String {
        var output = [UInt8](repeating: 0, count: (bytes.count + 2) / 3 * 4 + 1)
        let length = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { EVP_EncodeBlock($0.baseAddress, input.baseAddress, Int32(input.count)) }
        }
        return String(decoding: output.prefix(Int(length)), as: UTF8.self)
    }

    public var description: String { "ROASigner(accessKeyID: \(accessKeyID), accessKeySecret: <redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: ["accessKeyID": accessKeyID, "accessKeySecret": "<redacted>"]) }
}

/// A signed request: what to send, and what went into the signature so a mismatch can be explained.
public struct SignedRequest: Sendable {
    /// The exact text that was signed (lines joined by `\n`, no trailing newline).
    public var stringToSign: String
    /// base64(HMAC-SHA1(secret, stringToSign)), 28 characters.
    public var signature: String
    /// The `Authorization` header value, `acs ID:SIGNATURE`.
    public var authorization: String
    /// Every header to send except `Authorization`: the caller's in their order, then the added ones.
    public var headers: [(name: String, value: String)]
}
