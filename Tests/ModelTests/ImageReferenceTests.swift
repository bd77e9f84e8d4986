@testable import Model
import Testing

struct ImageReferenceTests {
    /// Text, then the registry, path, tag and digest it parses to.
    static let validCases: [(String, String?, String, String?, String?)] = [
        ("nginx", nil, "nginx", nil, nil),
        ("nginx:1.25", nil, "nginx", "1.25", nil),
        ("docker.oa.com:8080/public/mysql:latest", "docker.oa.com:8080", "public/mysql", "latest", nil),
        ("localhost/app", "localhost", "app", nil, nil),
        ("localhost:5000/app", "localhost:5000", "app", nil, nil),
        ("MyRegistry/app", "MyRegistry", "app", nil, nil),
        ("[::1]:5000/app:v1", "[::1]:5000", "app", "v1", nil),
        ("library/my_app__v2/web-front--end.x:_1.0-RC", nil, "library/my_app__v2/web-front--end.x", "_1.0-RC", nil),
        ("app@sha256:" + String(repeating: "a", count: 64), nil, "app", nil, "sha256:" + String(repeating: "a", count: 64)),
        ("registry:5000", nil, "registry", "5000", nil),
        ("localhost", nil, "localhost", nil, nil),
        ("Localhost/a__b/c-----d", "Localhost", "a__b/c-----d", nil, nil),
        ("a.b-c.d:1/x@sha512:" + String(repeating: "f", count: 128), "a.b-c.d:1", "x", nil, "sha512:" + String(repeating: "f", count: 128)),
        ("[::ffff:10.0.0.1]/app:" + String(repeating: "v", count: 128), "[::ffff:10.0.0.1]", "app", String(repeating: "v", count: 128), nil),
    ]

    /// Text, then its problem's message and whether it is a missing part.
    static let invalidCases: [(String, String, Bool)] = [
        ("", "the reference is empty", true),
        ("app:", "the tag after ':' is empty", true),
        ("/app", "the repository path has an empty component (a leading, trailing or doubled '/')", true),
        ("team//app", "the repository path has an empty component (a leading, trailing or doubled '/')", true),
        (":1.0", "the repository name before ':' is empty", true),
        ("app@", "the digest after '@' is empty", true),
        ("app@sha256:", "the sha256 digest has no hex digits after ':'", true),
        ("App", "'App' has upper-case letters; repository names must be lower case ('app')", false),
        ("my app", "it contains whitespace or a control character (character 3)", false),
        ("app:v1:v2", "'app:v1' contains ':'; repository names may contain only a-z, 0-9, '.', '_' and '-'; a reference has one ':', before the tag", false),
        ("a..b", "'a..b' has the separator '..'; between letters and digits use one '.', '_', '__' or a run of '-'", false),
        ("a___b", "'a___b' has the separator '___'; between letters and digits use one '.', '_', '__' or a run of '-'", false),
        ("-app", "'-app' must start and end with a letter or digit", false),
        ("app:.v1", "the tag '.v1' must start with a letter, digit or '_'", false),
        ("app:v1+2", "the tag 'v1+2' contains '+'; tags may contain only letters, digits, '_', '.' and '-'", false),
        ("app:" + String(repeating: "x", count: 129), "the tag is 129 characters long; the limit is 128", false),
        ("reg_istry.io/app", "the registry host 'reg_istry.io' is not a host name (labels of letters, digits and inner '-', separated by '.')", false),
        ("registry.io:http/app", "the registry port 'http' of 'registry.io:http' is not a number", false),
        ("[::1/app", "the registry '[::1' opens '[' but holds no IPv6 address in brackets", false),
        ("app@md5:0123456789abcdef0123456789abcdef", "the digest algorithm 'md5' is not one Docker verifies (sha256, sha384, sha512)", false),
        ("app@sha256:ABC", "the sha256 digest must be lower-case hexadecimal (0-9, a-f)", false),
        ("app@sha256:abc", "a sha256 digest has 64 hex digits, not 3", false),
        ("app@sha256", "the digest 'sha256' must be ALGORITHM:HEX, such as sha256:<64 hex digits>", false),
        ("team/App", "'App' has upper-case letters; repository names must be lower case ('app')", false),
        ("a/b:c/d", "'b:c' contains ':'; repository names may contain only a-z, 0-9, '.', '_' and '-'; a reference has one ':', before the tag", false),
        ("cafe\u{301}", "'cafe\u{301}' contains 'e\u{301}'; repository names may contain only a-z, 0-9, '.', '_' and '-'", false),
        // A combining mark right after a delimiter starts the next part, which Docker's ASCII grammar refuses.
        ("app:\u{301}v1", "the tag '\u{301}v1' must start with a letter, digit or '_'", false),
        ("reg.io:\u{301}5000/a", "the registry port '\u{301}5000' of 'reg.io:\u{301}5000' is not a number", false),
        ("app@\u{301}sha256:abc", "the digest algorithm '\u{301}sha256' is not one Docker verifies (sha256, sha384, sha512)", false),
        ("e\u{301} x", "it contains whitespace or a control character (character 3)", false),
        ("app:1.0\u{85}", "it contains whitespace or a control character (character 8)", false),
        ("app:-1", "the tag '-1' must start with a letter, digit or '_'", false),
        ("app:v1@sha256:abc", "a sha256 digest has 64 hex digits, not 3", false),
        ("@sha256:" + String(repeating: "0", count: 64), "the repository name before '@' is empty", true),
        ("app@:abc", "the digest algorithm '' is not one Docker verifies (sha256, sha384, sha512)", true),
        ("[::1]x/app", "the registry '[::1]x' has text after ']' that is not ':PORT'", false),
        (":5000/app", "the registry host '' is not a host name (labels of letters, digits and inner '-', separated by '.')", true),
        ("a-.io/app", "the registry host 'a-.io' is not a host name (labels of letters, digits and inner '-', separated by '.')", false),
        ("registry.io:/app", "the registry port '' of 'registry.io:' is not a number", true),
        ("r.io/" + String(repeating: "a", count: 251), "the repository name is 256 characters long; the limit is 255", false),
    ]

    @Test(arguments: validCases)
    func validReferences(text: String, registry: String?, path: String, tag: String?, digest: String?) throws {
        let reference = try ImageReference.parse(text).get()
        #expect(reference == ImageReference(registry: registry, path: path, tag: tag, digest: digest))
    }

    @Test(arguments: invalidCases)
    func invalidReferences(text: String, message: String, missingPart: Bool) {
        guard case .failure(let problem) = ImageReference.parse(text) else {
            Issue.record("'\(text)' parsed")
            return
        }
        #expect(problem.message == message)
        #expect(problem.isMissingPart == missingPart)
    }

    @Test func nameLengthIsLimited() {
        let long = String(repeating: "a", count: 256)
        #expect((try? ImageReference.parse(String(repeating: "a", count: 255)).get()) != nil)
        guard case .failure(let problem) = ImageReference.parse(long) else {
            Issue.record("too long a name parsed")
            return
        }
        #expect(problem.message == "the repository name is 256 characters long; the limit is 255")
    }
}
