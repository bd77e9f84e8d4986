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
