import Model
import Testing

/// The grammars Docker Compose parses values with, against its own verdicts: each row was judged by
/// Docker Compose v2.40.3 (`config -q` on a one-service file holding the value; commands written with
/// `$$`, so the text here is what Compose parses after substitution).
struct ComposeSyntaxTests {
    static let commands: [(text: String, composeAccepts: Bool)] = [
        ("echo (hi)", false), ("echo hi)", false), ("echo $(date)", true), ("echo `date`", true), ("echo `date", false),
        (#"echo "a"; echo "b"#, true), (#"echo a\"#, false), ("echo 'it''s'", true), (#"sh -c "echo \"x\"""#, true),
        ("echo $(date", false), (#"echo \(x\)"#, true), ("a && (b", true), (#"echo "(""#, true), (#"echo 'a\'"#, true),
        (#"echo "a\"b""#, true), ("x $ (y)", false), (#"echo \$(x)"#, true),
    ]

    static let volumes: [(text: String, composeAccepts: Bool)] = [
        (":/data", false), ("./a:/a:ro:z", false), ("data:", false), ("a:/b:c:d", true), ("/cache", true), ("ab", true),
        ("data:/d:ro,z", true), (#"C:\data:/data"#, true), ("c:/x:/y", true), ("/a:/b:rw:", false), ("x", true),
    ]

    static let extraHosts: [(text: String, composeAccepts: Bool)] = [
        ("nocolon", false), (":10.0.0.5", false), ("db:10.0.0.5", true), ("v6=::1", true), ("loop:::1", true), ("a=b:c", true),
        ("a:b=c", false), ("h:", true),
    ]

    static let devices: [(text: String, composeAccepts: Bool)] = [
        ("/dev/a", true), ("/dev/a:/dev/b", true), ("/dev/a:/dev/b:r", true), ("/dev/a:/dev/b:rwm:x", false), ("/dev/a::", true),
    ]

    @Test(arguments: commands) func commandMatchesCompose(text: String, composeAccepts: Bool) {
        #expect((ComposeSyntax.commandProblem(text) == nil) == composeAccepts, "\(text): \(ComposeSyntax.commandProblem(text) ?? "no problem")")
    }

    @Test(arguments: volumes) func volumeMatchesCompose(text: String, composeAccepts: Bool) {
        #expect((ComposeSyntax.volumeProblem(text) == nil) == composeAccepts, "\(text): \(ComposeSyntax.volumeProblem(text) ?? "no problem")")
    }

    @Test(arguments: extraHosts) func extraHostMatchesCompose(text: String, composeAccepts: Bool) {
        #expect((ComposeSyntax.extraHostProblem(text) == nil) == composeAccepts, "\(text): \(ComposeSyntax.extraHostProblem(text) ?? "no problem")")
    }

    @Test(arguments: devices) func deviceMatchesCompose(text: String, composeAccepts: Bool) {
        #expect((ComposeSyntax.deviceProblem(text) == nil) == composeAccepts, "\(text): \(ComposeSyntax.deviceProblem(text) ?? "no problem")")
    }
}
