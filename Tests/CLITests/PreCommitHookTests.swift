import Foundation
import Testing
import TestSupport

/// The repository's `.pre-commit-hooks.yaml` run by the real pre-commit (from PyPI, installed into the
/// test venv by scripts/install-test-tools.sh), offline: the `stackc-lint-system` hook with the built
/// stackc first on the PATH, in a throwaway git repository.
struct PreCommitHookTests {
    static var venvBin: URL {
        let python = ProcessInfo.processInfo.environment["STACKC_TEST_PYTHON"]
            .map(URL.init(fileURLWithPath:)) ?? packageRoot.appendingPathComponent(".build/test-venv/bin/python3")
        return python.deletingLastPathComponent()
    }

    /// Runs a program in `folder` with the built stackc first on the PATH and pre-commit's cache inside `home`.
    static func run(_ program: String, _ arguments: [String], in folder: URL, home: TemporaryDirectory) throws -> StackcRun {
        let path = stackcBinary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let binary = program.hasPrefix("/") ? URL(fileURLWithPath: program) : venvBin.appendingPathComponent(program)
        return try runStackc(arguments, environment: [
            "PATH": path, "PRE_COMMIT_HOME": home.path("cache"), "HOME": home.path,
            "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
        ], currentDirectory: folder, binary: binary)
    }

    static func git(_ arguments: [String], in folder: URL, home: TemporaryDirectory) throws -> StackcRun {
        let run = try run("/usr/bin/git", arguments, in: folder, home: home)
        #expect(run.status == 0, "git \(arguments): \(run.stderr)")
        return run
    }

    /// A throwaway repository holding this repository's hooks file, committed, as pre-commit fetches hooks from git.
    static func hookRepository(in home: TemporaryDirectory) throws -> URL {
        let hooks = URL(fileURLWithPath: try home.makeDirectory("hooks"))
        try Data(contentsOf: packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"))
            .write(to: hooks.appendingPathComponent(".pre-commit-hooks.yaml"))
        _ = try git(["init", "-q"], in: hooks, home: home)
        _ = try git(["add", "."], in: hooks, home: home)
        _ = try git(["commit", "-qm", "hooks"], in: hooks, home: home)
        return hooks
    }

    @Test func aFailingAndAPassingCommit() throws {
        let home = try TemporaryDirectory()
        let hooks = try Self.hookRepository(in: home)

        let work = URL(fileURLWithPath: try home.makeDirectory("work"))
        _ = try Self.git(["init", "-q"], in: work, home: home)
        try home.write("work/services/api/docker-compose.yml", "services:\n  api: {image: nginx, ports: [\"70000:80\"]}\n")
        try home.write("work/deploy/web.compose.yaml", "services:\n  web: {image: nginx}\n")
        try home.write("work/k8s/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: []}\n")
        try home.write("work/.github/workflows/ci.yml", "on: push\njobs: {}\n")
        _ = try Self.git(["add", "."], in: work, home: home)

        let failing = try Self.run("pre-commit", ["try-repo", hooks.path, "stackc-lint-system", "--verbose"], in: work, home: home)
        #expect(failing.status == 1, "\(failing.stdout)\(failing.stderr)")
        #expect(failing.stdout.contains("stackc lint (installed)....") && failing.stdout.contains("Failed"))
        #expect(failing.stdout.contains(
            "services/api/docker-compose.yml:2:31: error: port '70000:80' of service 'api' has the host port 70000; use a port from 1 to 65535 [port-range]"))
        #expect(failing.stdout.contains("k8s/pod.yaml:1:1: info: a Kubernetes Pod manifest"), "a matching file of no known kind gets a note")
        #expect(failing.stdout.contains("1 error and 1 info in 2 files (3 files checked)"), "all files in one call: \(failing.stdout)")
        #expect(!failing.stdout.contains("ci.yml"), "YAML that is not named like a template is not passed")

        try home.write("work/services/api/docker-compose.yml", "services:\n  api: {image: nginx, ports: [\"7000:80\"]}\n")
        _ = try Self.git(["add", "."], in: work, home: home)
        let passing = try Self.run("pre-commit", ["try-repo", hooks.path, "stackc-lint-system"], in: work, home: home)
        #expect(passing.status == 0, "\(passing.stdout)\(passing.stderr)")
        #expect(passing.stdout.contains("stackc lint (installed)....") && passing.stdout.contains("Passed"))
    }

    @Test func theHookWorksAsAnInstalledGitHook() throws {
        let home = try TemporaryDirectory()
        let hooks = try Self.hookRepository(in: home)
        let revision = try Self.git(["rev-parse", "HEAD"], in: hooks, home: home).stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        let work = URL(fileURLWithPath: try home.makeDirectory("work"))
        _ = try Self.git(["init", "-q"], in: work, home: home)
        try home.write("work/.pre-commit-config.yaml", "repos:\n- repo: \(hooks.path)\n  rev: \(revision)\n  hooks: [{id: stackc-lint-system}]\n")
        #expect(try Self.run("pre-commit", ["install"], in: work, home: home).status == 0)

        try home.write("work/compose.yaml", "services:\n  web: {image: nginx, ports: [\"70000:80\"]}\n")
        _ = try Self.git(["add", "."], in: work, home: home)
        let refused = try Self.run("/usr/bin/git", ["commit", "-qm", "bad port"], in: work, home: home)
        #expect(refused.status == 1, "the hook refuses the commit: \(refused.stdout)\(refused.stderr)")
        // The hook's report reaches the user through git, on either stream.
        let shown = refused.stdout + refused.stderr
        #expect(shown.contains("compose.yaml:2:31: error: port '70000:80'") && shown.contains("Failed"), "\(shown)")

        try home.write("work/compose.yaml", "services:\n  web: {image: nginx, ports: [\"7000:80\"]}\n")
        _ = try Self.git(["add", "."], in: work, home: home)
        let accepted = try Self.run("/usr/bin/git", ["commit", "-qm", "good port"], in: work, home: home)
        #expect(accepted.status == 0, "\(accepted.stdout)\(accepted.stderr)")
        #expect(try Self.git(["log", "--format=%s"], in: work, home: home).stdout == "good port\n")
    }

    /// What the hooks rely on: a named file of no known kind fails without `--skip-unknown` and gets a note with it.
    @Test func skipUnknownGivesNamedNonTemplatesANote() throws {
        let folder = try TemporaryDirectory()
        try folder.write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: []}\n")
        let strict = try runStackc(["lint", "pod.yaml"], currentDirectory: folder.url)
        #expect(strict.status == 1 && strict.stdout.hasPrefix("pod.yaml:1:1: error: a Kubernetes Pod manifest"), "\(strict.stdout)")
        let skipped = try runStackc(["lint", "--skip-unknown", "pod.yaml"], currentDirectory: folder.url)
        #expect(skipped.status == 0 && skipped.stdout.hasPrefix("pod.yaml:1:1: info: a Kubernetes Pod manifest"), "\(skipped.stdout)")
    }

    /// The `files:` pattern, read by pre-commit's own YAML loader and matched with Python's `re.search`
    /// as pre-commit does: Compose and pod names at any depth, nothing else. Both hooks agree.
    @Test func theFilesPatternFindsNestedTemplatesOnly() throws {
        let matched = [
            "compose.yaml", "compose.yml", "a/b/compose.yaml", "docker-compose.yml", "x/docker-compose.prod.yml",
            "docker-compose-dev.yaml", "compose.override.yaml", "compose-ci.yml", "deploy/web.compose.yaml",
            "pod.yaml", "k8s/pod.yml", "pods/mysql.pod.yaml", "pod-mysql.yaml",
        ]
        let skipped = [
            "composer.yaml", "compose.json", "podcast.yaml", "a/compose.yaml.bak", ".github/workflows/ci.yml",
            "mycompose.yaml", "values.yaml", "docker-compose.yml/readme.md",
        ]
        let script = """
        import re, sys, yaml
        hooks = yaml.safe_load(open(sys.argv[1]))
        assert [h["id"] for h in hooks] == ["stackc-lint", "stackc-lint-system", "stackc-lint-docker"], hooks
        assert len({h["files"] for h in hooks}) == 1 and len({h["entry"] for h in hooks}) == 1
        assert [h["language"] for h in hooks] == ["swift", "system", "docker"]
        pattern = re.compile(hooks[0]["files"])
        for name in sys.argv[2:]:
            print(name, bool(pattern.search(name)))
        """
        let result = try runTestPython(["-c", script, packageRoot.appendingPathComponent(".pre-commit-hooks.yaml").path] + matched + skipped)
        #expect(result.status == 0, "\(result.output)")
        let expected = matched.map { "\($0) True" } + skipped.map { "\($0) False" }
        #expect(result.output.split(separator: "\n").map(String.init) == expected)
    }
}
