@testable import Submit
import Testing

/// What the signer adds and keeps, and the canonicalisation cases the SDK oracle cannot express (it takes
/// dictionaries, so it has no duplicate names and no case-insensitive lookups). Expected strings are built by
/// hand from ALIYUN.md §1.
struct ROASignerTests {
    let signer = ROASigner(accessKeyID: "id", accessKeySecret: "secret")
    let date = "Thu, 01 Jan 2015 00:00:00 GMT"

    @Test func addsWhatIsMissingAfterTheCallersHeaders() {
        let signed = signer.sign(method: "POST", path: "/p", query: [], headers: [("x-acs-version", "2015-12-15")], body: Array("{}".utf8), date: date)
        #expect(signed.headers.map(\.name) == ["x-acs-version", "Date", "Accept", "Content-MD5", "x-acs-signature-method", "x-acs-signature-version"])
        #expect(signed.headers.map(\.value) == ["2015-12-15", date, "application/json", "mZFLkyvTelC5g8XnyQrpOw==", "HMAC-SHA1", "1.0"])
        #expect(signed.stringToSign == """
            POST
            application/json
            mZFLkyvTelC5g8XnyQrpOw==

            \(date)
            x-acs-signature-method:HMAC-SHA1
            x-acs-signature-version:1.0
            x-acs-version:2015-12-15
            /p
            """)
    }

    @Test func keepsTheCallersValuesWhateverTheirCase() {
        let given: [(name: String, value: String)] = [("accept", "application/xml"), ("DATE", "yesterday"), ("content-md5", "given"),
                                                      ("X-ACS-SIGNATURE-METHOD", "HMAC-SHA256"), ("x-acs-signature-version", "2.0")]
        let signed = signer.sign(method: "PUT", path: "/p", query: [], headers: given, body: [1, 2, 3], date: date)
        #expect(signed.headers.map(\.name) == given.map(\.name))
        #expect(signed.headers.map(\.value) == given.map(\.value))
        #expect(signed.stringToSign == "PUT\napplication/xml\ngiven\n\nyesterday\nx-acs-signature-method:HMAC-SHA256\nx-acs-signature-version:2.0\n/p")
    }

    /// The one deliberate difference from the SDK: it looks up "Content-Type" by exact name and would sign an
    /// empty line for `content-type`, although HTTP names are case-insensitive and the server receives the value.
    @Test func standardHeadersAreFoundWhateverTheirCase() {
        let signed = signer.sign(method: "POST", path: "/p", query: [], headers: [("content-type", "application/json")], body: nil, date: date)
        #expect(signed.stringToSign.split(separator: "\n", omittingEmptySubsequences: false)[3] == "application/json")
    }

    @Test func noBodyMeansNoContentMD5ButAnEmptyBodyHasOne() {
        let none = signer.sign(method: "GET", path: "/p", query: [], headers: [], body: nil, date: date)
        #expect(!none.headers.contains { $0.name == "Content-MD5" })
        let empty = signer.sign(method: "POST", path: "/p", query: [], headers: [], body: [], date: date)
        #expect(empty.headers.contains { $0 == ("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==") })
    }

    @Test func withoutADateTheCurrentTimeIsUsed() {
        let signed = signer.sign(method: "GET", path: "/p", query: [], headers: [], body: nil)
        let value = signed.headers.first { $0.name == "Date" }!.value
        #expect(value.range(of: #"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] [A-Z][a-z]{2} 2[0-9]{3} [0-2][0-9]:[0-5][0-9]:[0-6][0-9] GMT$"#,
                            options: .regularExpression) != nil, "\(value)")
    }

    @Test func httpDatesAreIMFFixdate() {
        #expect(HTTPDate.string(secondsSinceEpoch: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.string(secondsSinceEpoch: 1_450_268_418) == "Wed, 16 Dec 2015 12:20:18 GMT")  // Python time.strftime
    }

    /// Repeated query names (which the SDK's dictionary cannot hold) keep their given order after sorting.
    @Test func repeatedQueryNamesKeepTheirOrder() {
        let signed = signer.sign(method: "GET", path: "/p", query: [("b", "2"), ("a", "z"), ("b", "1")], headers: [], body: nil, date: date)
        #expect(signed.stringToSign.hasSuffix("\n/p?a=z&b=2&b=1"))
    }

    /// Of two x-acs- headers whose names differ only in case, the later counts (as in the SDK's dictionary).
    @Test func laterOfTwoSameNamedACSHeadersCounts() {
        let signed = signer.sign(method: "GET", path: "/p", query: [], headers: [("X-Acs-Foo", "1"), ("x-acs-foo", "2")], body: nil, date: date)
        #expect(signed.stringToSign.contains("\nx-acs-foo:2\n"))
        #expect(!signed.stringToSign.contains("x-acs-foo:1"))
    }

    /// Code-point order, not Swift's `String` order: "é" (U+00E9) sorts after "z", and the decomposed
    /// "e\u{301}" sorts before "f" and is a different key from "é".
    @Test func queryKeysSortByCodePoint() {
        let signed = signer.sign(method: "GET", path: "/p", query: [("\u{E9}", "1"), ("z", "2"), ("e\u{301}", "3"), ("f", "4"), ("Z", "5")],
                                 headers: [], body: nil, date: date)
        #expect(signed.stringToSign.hasSuffix("\n/p?Z=5&e\u{301}=3&f=4&z=2&\u{E9}=1"))
    }

    @Test func theSecretIsNeverDescribed() {
        let signer = ROASigner(accessKeyID: "LTAIexample", accessKeySecret: "SECRET-sentinel-1234")
        var dumped = ""
        dump(signer, to: &dumped)
        for text in [signer.description, String(describing: signer), String(reflecting: signer), dumped] {
            #expect(!text.contains("SECRET-sentinel-1234"), "\(text)")
            #expect(text.contains("LTAIexample"))
        }
    }
}
