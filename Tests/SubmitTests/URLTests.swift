import Testing
@testable import Submit

/// URLs cut into the parts stackc treats differently: where to connect, credentials, path and query.
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
}
