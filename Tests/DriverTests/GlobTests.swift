@testable import Driver
import Testing

/// Override globs (the `--exclude` matcher): `*` and `?` within a segment, `**` across segments, classes,
/// unanchored names, and a pattern matching a folder matching the files below it.
struct GlobTests {
    @Test(arguments: [
        ("legacy/**", "legacy/compose.yaml", true),
        ("legacy/**", "legacy/a/b/compose.yaml", true),
        ("legacy/**", "new/legacy/compose.yaml", false),
        ("**/prod/*.yaml", "prod/compose.yaml", true),
        ("**/prod/*.yaml", "a/b/prod/compose.yaml", true),
        ("**/prod/*.yaml", "a/prod/x/compose.yaml", false),
        ("*.yml", "compose.yml", true),
        ("*.yml", "deep/er/compose.yml", true),
        ("*.yml", "compose.yaml", false),
        ("services/*/compose.yaml", "services/api/compose.yaml", true),
        ("services/*/compose.yaml", "services/api/v2/compose.yaml", false),
        ("compose-?.yaml", "compose-a.yaml", true),
        ("compose-?.yaml", "compose-ab.yaml", false),
        ("compose-[ab].yaml", "compose-b.yaml", true),
        ("compose-[!ab].yaml", "compose-b.yaml", false),
        ("compose-[a-c].yaml", "compose-c.yaml", true),
        ("/top.yaml", "top.yaml", true),
        ("/top.yaml", "a/top.yaml", false),
        ("a*b*c", "axxbyyc", true),
        ("a*b*c", "axxbyy", false),
        ("legacy", "apps/legacy/compose.yaml", true),
        ("legacy/", "legacy.yaml", false),
    ])
    func matches(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(PathGlob(pattern).matches(path) == expected)
    }
}
