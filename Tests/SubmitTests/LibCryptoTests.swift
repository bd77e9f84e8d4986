@testable import Submit
import Testing

/// The three libcrypto primitives against their standards' published test vectors.
struct LibCryptoTests {
    /// RFC 2202 §3, test cases 1, 2 and 6 (a key longer than the block size is hashed first).
    @Test func hmacSHA1MatchesRFC2202() {
        #expect(hex(ROASigner.hmacSHA1(key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8)))
            == "b617318655057264e28bc0b6fb378c8ef146be00")
        #expect(hex(ROASigner.hmacSHA1(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
            == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
        #expect(hex(ROASigner.hmacSHA1(key: [UInt8](repeating: 0xaa, count: 80),
                                       message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
            == "aa4ae5e15272d00e95705637ce8a3b55ed402112")
    }

    /// RFC 1321 appendix A.5, as base64 of the digest bytes.
    @Test func contentMD5MatchesRFC1321() {
        #expect(ROASigner.contentMD5([]) == "1B2M2Y8AsgTpgAmY7PhCfg==")  // d41d8cd98f00b204e9800998ecf8427e
        #expect(ROASigner.contentMD5(Array("abc".utf8)) == "kAFQmDzST7DWlj99KOF/cg==")  // 900150983cd24fb0d6963f7d28e17f72
    }

    /// RFC 4648 §10.
    @Test func base64MatchesRFC4648() {
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (input, output) in vectors { #expect(ROASigner.base64(Array(input.utf8)) == output, "\(input)") }
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
