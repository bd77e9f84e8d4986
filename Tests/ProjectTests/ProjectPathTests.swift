import Project
import Testing

/// `ProjectPath.clean`, as Go's `filepath.Clean` writes paths: paths already clean come back as they
/// are (the fast path lint takes for every report), every other is cleaned.
struct ProjectPathTests {
    @Test(arguments: [
        ("compose.yaml", "compose.yaml"),
        ("/work/corpus/compose/app.yaml", "/work/corpus/compose/app.yaml"),
        ("lib/.hidden/...yaml", "lib/.hidden/...yaml"),
        ("../shared/common.yml", "../shared/common.yml"),
        ("./lib/compose.yaml", "lib/compose.yaml"),
        ("/tmp/x/./lib/compose.yaml", "/tmp/x/lib/compose.yaml"),
        ("a//b", "a/b"),
        ("a/b/", "a/b"),
        ("a/../b", "b"),
        ("app/../../shared/x.yml", "../shared/x.yml"),
        ("/a/b/..", "/a"),
        ("/..", "/"),
        ("/", "/"),
        (".", "."),
        ("", "."),
        ("..", ".."),
    ])
    func clean(path: String, cleaned: String) {
        #expect(ProjectPath.clean(path) == cleaned)
    }
}
