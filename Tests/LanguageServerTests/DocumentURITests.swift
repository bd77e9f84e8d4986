import Testing
@testable import LanguageServer

@Suite struct DocumentURITests {
    @Test func decodesFileURIs() {
        #expect(DocumentURI.path(of: "file:///srv/app%20one/compose.yaml") == "/srv/app one/compose.yaml")
        #expect(DocumentURI.path(of: "file://localhost/srv/x.yml") == "/srv/x.yml")
        #expect(DocumentURI.path(of: "file:///t/%C3%A9.yaml") == "/t/é.yaml")
    }

    @Test func hasNoPathForOtherURIs() {
        #expect(DocumentURI.path(of: "untitled:Untitled-1") == nil)
        #expect(DocumentURI.path(of: "file://server/share/x.yaml") == nil)
        #expect(DocumentURI.path(of: "file:///a%00b") == nil)
    }

    @Test func encodesPathsAsVSCodeDoes() {
        #expect(DocumentURI.uri(ofPath: "/srv/app one/é.env") == "file:///srv/app%20one/%C3%A9.env")
        #expect(DocumentURI.path(of: DocumentURI.uri(ofPath: "/a b/#c?.yaml")) == "/a b/#c?.yaml")
    }
}
