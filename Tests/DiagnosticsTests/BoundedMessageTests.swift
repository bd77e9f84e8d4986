import Diagnostics
import Testing

/// Messages quote template text; a huge value must not make a huge finding.
struct BoundedMessageTests {
    let long = String(repeating: "Q", count: 3000)

    @Test func shortQuotedValuesAreKept() {
        let message = "image '\(String(repeating: "a", count: 150))' is not a valid reference"
        #expect(Diagnostic(rule: "x", severity: .error, message: message, range: nil).message == message)
    }

    @Test func longQuotedValuesAreShortenedAndTheRestKept() {
        let diagnostic = Diagnostic(rule: "x", severity: .error,
                                    message: "image '\(long):\(long)' is not a valid reference; the limit is 128", range: nil)
        #expect(diagnostic.message == "image '" + String(repeating: "Q", count: 40) + "…" + String(repeating: "Q", count: 19)
                + "' is not a valid reference; the limit is 128")
    }

    @Test func doubleQuotesAndNotesToo() {
        let note = Diagnostic.Note(message: "\"${\(long)\" is not closed by \"}\"", range: nil)
        #expect(note.message == "\"${" + String(repeating: "Q", count: 38) + "…" + String(repeating: "Q", count: 19) + "\" is not closed by \"}\"")
    }

    @Test func anUnclosedQuoteStillEndsBounded() {
        let message = boundingQuotedText("the service's name " + String(repeating: "Q", count: 50_000) + " is too long")
        #expect(message.count <= 2000)
        #expect(message.hasPrefix("the service's name QQQ") && message.hasSuffix("QQQ is too long"))
    }
}
