import Diagnostics
import Testing
@testable import Submit

/// URLs from flags and servers: cut into parts, checked, normalised, and shown without credentials.
@Suite struct URLTests {
    @Test func partsKeepTheTextAndSeparateTheCredentials() {
        let parts = URLParts("https://user:pa:ss@h.example:8443/hook/trigger?triggerUrl=t&secret=s&flag#top")
        #expect(parts.scheme == "https://")
        #expect(parts.userinfo == "user:pa:ss")
        #expect(parts.authority == "h.example:8443")
        #expect(parts.path == "/hook/trigger")
        #expect(parts.query.map(\.name) == ["triggerUrl", "secret", "flag"])
        #expect(parts.query.map(\.value) == ["t", "s", nil])
        #expect(parts.fragment == "#top")
        #expect(parts.origin == "https://h.example:8443")
        #expect(URLParts("https://h.example?secret=s").origin == "https://h.example")
        // A request path has no scheme and no authority: all of it is path and query.
        let path = URLParts("/projects/a@b?force=true")
        #expect(path.origin.isEmpty && path.path == "/projects/a@b" && path.query.first?.value == "true")
    }

    /// Taking parameters out leaves the rest as written (a trigger's `type` and `step` are sent once).
    @Test func parametersAreTakenOutAndTheRestKept() {
        let url = "https://u:p@h.example/hook?triggerUrl=t&type=scale_in&secret=s&type=x&flag#top"
        #expect(URLParts(url).text == url)
        var parts = URLParts(url)
        #expect(parts.removeParameters(named: "type") == ["scale_in", "x"])
        #expect(parts.removeParameters(named: "step").isEmpty)
        #expect(parts.text == "https://u:p@h.example/hook?triggerUrl=t&secret=s&flag#top")
        var only = URLParts("https://h.example/hook?type=scale_out")
        _ = only.removeParameters(named: "type")
        #expect(only.text == "https://h.example/hook", "no `?` is left without parameters")
        #expect(URLParts("https://h.example/hook?").text == "https://h.example/hook?")
    }

    @Test func validURLsAreNormalisedAndShownWithoutUserinfo() throws {
        let url = try EndpointURL("HTTPS://deploy:s3cret-pass@127.0.0.1:4243/base", role: "--endpoint")
        #expect(url.scheme == .https)
        #expect(url.text == "https://deploy:s3cret-pass@127.0.0.1:4243/base", "credentials stay in what is sent")
        #expect(url.origin == "https://127.0.0.1:4243")
        #expect(try EndpointURL("http://[::1]:8080", role: "--endpoint").origin == "http://[::1]:8080")
    }

    @Test(arguments: [
        ("127.0.0.1:4243", "--endpoint is not a URL: expected https://HOST[:PORT][/PATH]"),
        ("https//h", "--endpoint is not a URL: expected https://HOST[:PORT][/PATH]"),
        ("ftp://h", "--endpoint uses 'ftp://': expected https://HOST[:PORT][/PATH]"),
        ("https://user:pw@/p", "--endpoint has no host: expected https://HOST[:PORT][/PATH]"),
        ("https://u:pw@h:99999", "--endpoint https://h has port '99999', which is not a number from 1 to 65535"),
        ("https://h:44x3", "--endpoint https://h has port '44x3', which is not a number from 1 to 65535"),
        ("https://h/a b", "--endpoint has a space or control character at character 12; percent-encode it"),
        ("https://u:p\nw@h", "--endpoint has a space or control character at character 12; percent-encode it"),
    ])
    func malformedURLsAreClearErrorsWithoutTheURL(text: String, message: String) {
        #expect(throws: EndpointError(message)) { try EndpointURL(text, role: "--endpoint") }
    }

    /// The OpenAPI's `master_url` with or without scheme; never `https://http://…`.
    @Test func masterURLs() throws {
        #expect(try EndpointURL.masterURL("https://182.92.245.56:17589").text == "https://182.92.245.56:17589")
        #expect(try EndpointURL.masterURL("182.92.245.56:17589").text == "https://182.92.245.56:17589")
        let plain = try EndpointURL.masterURL("http://10.0.0.1:2376")
        #expect(plain.text == "http://10.0.0.1:2376" && plain.scheme == .http)
        #expect(throws: EndpointError("the cluster's master_url uses 'tcp://': expected https://HOST[:PORT][/PATH]")) {
            try EndpointURL.masterURL("tcp://10.0.0.1:2376")
        }
    }

    @Test func plainHTTPIsRefusedUnlessAllowed() throws {
        let url = try EndpointURL("http://user:pw@127.0.0.1:8080/x", role: "--endpoint")
        let refused = PlainHTTP.check(url, role: "--endpoint", carrying: "the token", allowed: false)
        guard case .failure(let failure) = refused else { Issue.record("http:// was not refused"); return }
        #expect(failure.exitCode == 2)
        #expect(failure.message == "--endpoint http://127.0.0.1:8080 is plain http://: the token would travel unencrypted; use https://, or pass --allow-http to send it anyway (a test cluster)")
        #expect(try PlainHTTP.check(url, role: "--endpoint", carrying: "the token", allowed: true).get()
            == "stackc: warning: http://127.0.0.1:8080 is plain http://: the token will travel unencrypted; use https://\n")
        #expect(try PlainHTTP.check(EndpointURL("https://h", role: "--endpoint"), role: "--endpoint", carrying: "the token", allowed: false).get() == nil)
    }
}
