import Submit
import Testing

struct RequestArgumentsTests {
    @Test func queryArguments() throws {
        #expect(try RequestArguments.query("name=a b") == ("name", "a b"))
        #expect(try RequestArguments.query("expr=a=b&c") == ("expr", "a=b&c"))
        #expect(try RequestArguments.query("empty=") == ("empty", ""))
        let bare = try RequestArguments.query("flag")
        #expect(bare.name == "flag" && bare.value == nil)
        #expect(throws: RequestArgumentError.emptyQueryName("=v")) { try RequestArguments.query("=v") }
        #expect(throws: RequestArgumentError.emptyQueryName("")) { try RequestArguments.query("") }
    }

    @Test func headerArguments() throws {
        #expect(try RequestArguments.header("x-acs-version: 2015-12-15") == ("x-acs-version", "2015-12-15"))
        #expect(try RequestArguments.header("X-Acs-Foo:\t a:b ") == ("X-Acs-Foo", "a:b "), "only the whitespace after the colon goes")
        #expect(try RequestArguments.header("x-acs-empty:") == ("x-acs-empty", ""))
        #expect(throws: RequestArgumentError.headerWithoutColon) { try RequestArguments.header("Date") }
        #expect(throws: RequestArgumentError.badHeaderName) { try RequestArguments.header("x acs: v") }
        #expect(throws: RequestArgumentError.badHeaderName) { try RequestArguments.header(": v") }
        #expect(throws: RequestArgumentError.lineBreakInHeader("x-acs-a")) { try RequestArguments.header("x-acs-a: 1\r\nHost: evil") }
        #expect(throws: RequestArgumentError.lineBreakInHeader("x-acs-a")) { try RequestArguments.header("x-acs-a: 1\u{0}") }
        #expect(throws: RequestArgumentError.lineBreakInHeader("Authorization")) { try RequestArguments.headerValue("Bearer a\nb", name: "Authorization") }
        // The messages never show the argument: a header often holds a credential.
        #expect(RequestArgumentError.headerWithoutColon.description == "a --header has no ':'; expected 'Name: value' (the header is not shown: it may hold a credential)")
    }

    @Test func methodArguments() throws {
        #expect(try RequestArguments.method("POST") == "POST")
        #expect(throws: RequestArgumentError.badMethod("PO ST")) { try RequestArguments.method("PO ST") }
        #expect(throws: RequestArgumentError.badMethod("")) { try RequestArguments.method("") }
    }
}
