@testable import Submit
import Testing

struct SignReportTests {
    @Test func invisibleCharactersAreEscaped() {
        #expect(SignedRequest.quoted("a b\t\"\\\r\n") == #""a b\t\"\\\r\n""#)
        #expect(SignedRequest.quoted("x\u{200B}y\u{A0}z\u{FEFF}\u{7F}") == #""x\u{200B}y\u{A0}z\u{FEFF}\u{7F}""#)
        #expect(SignedRequest.quoted("名前 é") == "\"名前 é\"")
    }

    @Test func textReportShowsEachSignedLine() {
        let signed = SignedRequest(stringToSign: "GET\n\n/p?a=b ", signature: "SIG=", authorization: "acs id:SIG=", headers: [("Date", "d")])
        #expect(signed.textReport(signedBy: "AccessKey ID id (secret from X)") == """
            String to sign (one quoted line per signed line; \\n is the line end that is signed):
              "GET\\n"
              "\\n"
              "/p?a=b "
            Signature: SIG=
            Authorization: acs id:SIG=
            Signed with: AccessKey ID id (secret from X)
            Headers to send (besides Authorization):
              "Date: d"

            """)
    }

    @Test func jsonReportHasTheFourFields() {
        let signed = SignedRequest(stringToSign: "GET\n/p", signature: "SIG=", authorization: "acs id:SIG=", headers: [("Date", "d"), ("Accept", "a")])
        #expect(signed.jsonReport() == """
            {
              "stringToSign": "GET\\n/p",
              "signature": "SIG=",
              "authorization": "acs id:SIG=",
              "headers": {
                "Date": "d",
                "Accept": "a"
              }
            }

            """)
    }
}

struct SignWarningTests {
    let signer = ROASigner(accessKeyID: "id", accessKeySecret: "secret")

    @Test func cleanRequestHasNoWarnings() {
        let signed = signer.sign(method: "GET", path: "/p", query: [], headers: [("x-acs-version", "2015-12-15")], body: nil,
                                 date: "Wed, 16 Dec 2015 12:20:18 GMT")
        #expect(signed.warnings == [])
        #expect(signer.sign(method: "GET", path: "/p", query: [], headers: [], body: nil).warnings == [], "the current date")
    }

    @Test func whitespaceAroundSignedValuesIsWarned() {
        let signed = signer.sign(method: "GET", path: "/p", query: [],
                                 headers: [("X-Acs-Meta", "v "), ("Content-Type", "\tjson"), ("User-Agent", "ua "), ("x-acs-ok", "a b")],
                                 body: nil, date: "Wed, 16 Dec 2015 12:20:18 GMT")
        #expect(signed.warnings.count == 2)
        #expect(signed.warnings.first?.hasPrefix("header 'X-Acs-Meta' begins or ends with whitespace") == true)
        #expect(signed.warnings.last?.hasPrefix("header 'Content-Type' begins or ends with whitespace") == true)
    }

    @Test(arguments: ["Wed, 16 Dec 2015 12:20:18 GMT", "Sun, 06 Nov 1994 08:49:37 GMT", "Thu, 31 Dec 1998 23:59:60 GMT"])
    func httpDatesAreAccepted(date: String) {
        #expect(HTTPDate.isIMFFixdate(date))
    }

    @Test(arguments: ["d", "Wed, 16 Dec 2015 12:20:18 UTC", "Wed, 6 Dec 2015 12:20:18 GMT", "Wednesday, 16-Dec-15 12:20:18 GMT",
                      "Wed Dec 16 12:20:18 2015", "Wed, 16 dec 2015 12:20:18 GMT", "Wed, 16 Dec 2015 24:00:00 GMT", "2015-12-16T12:20:18Z",
                      "Wed, 16 Dec 2015 12:20:18 GMT ", "Wed, 16 Dec 2015 1:20:18 GMT", "Xyz, 16 Dec 2015 12:20:18 GMT"])
    func otherDatesAreWarned(date: String) {
        #expect(!HTTPDate.isIMFFixdate(date))
        let signed = signer.sign(method: "GET", path: "/p", query: [], headers: [], body: nil, date: date)
        #expect(signed.warnings.contains { $0.hasPrefix("Date '\(date)' is not an HTTP date") }, "\(signed.warnings)")
    }
}
