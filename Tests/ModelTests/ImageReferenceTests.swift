@testable import Model
import Testing

struct ImageReferenceTests {
    @Test(arguments: [
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
    ] as [(String, String?, String, String?, String?)])
    func validReferences(text: String, registry: String?, path: String, tag: String?, digest: String?) throws {
        let reference = try ImageReference.parse(text).get()
        #expect(reference == ImageReference(registry: registry, path: path, tag: tag, digest: digest))
    }

    @Test(arguments: [
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
    ])
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
