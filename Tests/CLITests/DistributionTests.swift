import Foundation
import Testing
import TestSupport

/// The install paths that need no Swift toolchain: the `make dist` tarball (run from an empty folder, its
/// shared libraries exactly those README names), the Docker image's Dockerfile, the GitHub Action and the
/// Docker pre-commit hook — each checked by the tool its users' machines run (hadolint, GitHub's action
/// schema as check-jsonschema ships it, pre-commit), since no Docker engine runs here.
struct DistributionTests {
    /// The tarball `make test` makes with `scripts/dist.sh` before running the tests.
    static let tarball = ProcessInfo.processInfo.environment["STACKC_DIST_TARBALL"]

    static func venvTool(_ name: String) -> URL {
        PreCommitHookTests.venvBin.appendingPathComponent(name)
    }

    /// Runs a program (not stackc) to its end; `binary` is an absolute path.
    static func run(_ binary: String, _ arguments: [String], in folder: URL = packageRoot, environment: [String: String] = [:]) throws -> StackcRun {
        try runStackc(arguments, environment: environment, currentDirectory: folder, binary: URL(fileURLWithPath: binary))
    }

    /// The tarball unpacked into a fresh folder: the folder and the binary in it.
    static func unpacked() throws -> (folder: TemporaryDirectory, binary: URL) {
        let tarball = try #require(tarball, "make test sets STACKC_DIST_TARBALL")
        let folder = try TemporaryDirectory()
        let untar = try run("/bin/tar", ["-xzf", tarball, "-C", folder.path])
        #expect(untar.status == 0, "\(untar.stderr)")
        let top = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        return (folder, folder.url.appendingPathComponent(top).appendingPathComponent("stackc"))
    }

    @Test(.enabled(if: tarball != nil)) func theChecksumFileVerifiesTheTarball() throws {
        let tarball = URL(fileURLWithPath: try #require(Self.tarball))
        let check = try Self.run("/usr/bin/sha256sum", ["-c", tarball.lastPathComponent + ".sha256"], in: tarball.deletingLastPathComponent())
        #expect(check.status == 0 && check.stdout.hasSuffix(": OK\n"), "\(check.stdout)\(check.stderr)")
    }

    @Test(.enabled(if: tarball != nil)) func theBinaryRunsFromAnEmptyFolderWithoutAToolchain() throws {
        let (folder, binary) = try Self.unpacked()
        defer { withExtendedLifetime(folder) {} }
        let empty = try TemporaryDirectory()
        let bare = ["PATH": "/usr/bin:/bin"]
        let version = try runStackc(["--version"], environment: bare, removingEnvironment: ["LD_LIBRARY_PATH"], currentDirectory: empty.url, binary: binary)
        #expect(version.status == 0 && version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version)")

        _ = try empty.write("compose.yaml", "services:\n  web: {image: nginx, ports: [\"70000:80\"]}\n")
        let lint = try runStackc(["lint", "compose.yaml"], environment: bare, removingEnvironment: ["LD_LIBRARY_PATH"], currentDirectory: empty.url, binary: binary)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("compose.yaml:2:31: error: port '70000:80' of service 'web' has the host port 70000; use a port from 1 to 65535 [port-range]"),
                "\(lint.stdout)\(lint.stderr)")
    }

    /// `sign` opens libcrypto at run time; the statically linked binary must still find and use it,
    /// and sign exactly as the binary the other tests check does.
    @Test(.enabled(if: tarball != nil)) func theBinaryOpensLibcryptoAtRunTime() throws {
        let (folder, binary) = try Self.unpacked()
        defer { withExtendedLifetime(folder) {} }
        let arguments = ["sign", "--method", "GET", "--path", "/clusters", "--date", "Wed, 16 Dec 2015 12:20:18 GMT"]
        let credentials = ["ALIBABA_CLOUD_ACCESS_KEY_ID": "testid", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "testsecret", "PATH": "/usr/bin:/bin"]
        let shipped = try runStackc(arguments, environment: credentials, binary: binary)
        let tested = try runStackc(arguments, environment: credentials)
        #expect(shipped.status == 0, "\(shipped.stderr)")
        #expect(shipped.stdout.contains("Authorization: acs testid:"), "\(shipped.stdout)")
        #expect(shipped.stdout == tested.stdout)
    }

    /// Every shared library the binary loads is one README's install section names, and libyaml is not
    /// among them (it is linked in).
    @Test(.enabled(if: tarball != nil)) func theBinaryNeedsOnlyTheLibrariesREADMENames() throws {
        let (folder, binary) = try Self.unpacked()
        defer { withExtendedLifetime(folder) {} }
        let ldd = try Self.run("/usr/bin/ldd", [binary.path])
        #expect(ldd.status == 0, "\(ldd.stderr)")
        let libraries = ldd.stdout.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first.map { String($0.trimmingCharacters(in: .whitespaces)).split(separator: "/").last.map(String.init) } ?? nil
        }.filter { $0 != "linux-vdso.so.1" }
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n## Install without a Swift toolchain\n").dropFirst().first?
            .components(separatedBy: "\n## ").first)
        #expect(!libraries.isEmpty)
        for library in libraries {
            #expect(section.contains("`\(library)`"), "ldd lists \(library), which README's install section does not name")
        }
        #expect(!libraries.contains { $0.hasPrefix("libyaml") || $0.hasPrefix("libstdc++") || $0.hasPrefix("libswift") })
    }

    @Test func theActionDefinitionMatchesGitHubsSchema() throws {
        let check = try Self.run(Self.venvTool("check-jsonschema").path, ["--builtin-schema", "vendor.github-actions", "action.yml"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// The action's lint step, run by bash as the runner runs it, with `docker run` standing for the image
    /// by the stackc under test (the volume mapped onto the workspace): the SARIF report and the exit
    /// status reach the later steps, findings do not fail this step, a usage error does.
    @Test(arguments: [
        ("services:\n  web: {image: nginx}\n", "", 0, "0"),
        ("services:\n  web: {image: nginx, ports: [\"70000:80\"]}\n", "", 0, "1"),
        ("services:\n  web: {image: nginx}\n", "--no-such-flag", 2, "2"),
    ]) func theActionsLintStepKeepsTheReportAndTheExitStatus(compose: String, args: String, stepStatus: Int32, reported: String) throws {
        let script = try runTestPython(["-c", """
            import sys
            from ruamel.yaml import YAML
            steps = YAML(typ="safe").load(open(sys.argv[1]))["runs"]["steps"]
            print(next(step["run"] for step in steps if step.get("id") == "lint"), end="")
            """, packageRoot.appendingPathComponent("action.yml").path])
        #expect(script.status == 0, "\(script.output)")
        let workspace = try TemporaryDirectory()
        _ = try workspace.write("deploy/compose.yaml", compose)
        let output = try workspace.write("github-output", "")
        let summary = try workspace.write("step-summary", "")
        let dockerRun = """
            docker() {  # docker run [options] IMAGE ARGS…, the image being stackc with /src mapped to the workspace
              shift; local -a env=(); local folder="$GITHUB_WORKSPACE"
              while [ "$1" != stackc-action:local ]; do
                case "$1" in
                  --rm) shift ;;
                  -e) if [[ "$2" == *=* ]]; then env+=("${2//\\/src/$GITHUB_WORKSPACE}"); fi; shift 2 ;;
                  -w) folder="${2//\\/src/$GITHUB_WORKSPACE}"; shift 2 ;;
                  *) shift 2 ;;
                esac
              done
              shift; (cd "$folder" && env "${env[@]}" "$STACKC" "$@")
            }

            """
        let step = try runStackc(["-c", dockerRun + script.output], environment: [
            "STACKC": stackcBinary.path, "GITHUB_WORKSPACE": workspace.path, "GITHUB_OUTPUT": output, "GITHUB_STEP_SUMMARY": summary,
            "GITHUB_ACTIONS": "true", "STACKC_PATHS": ".", "STACKC_ARGS": args, "STACKC_SARIF": "stackc.sarif",
        ], currentDirectory: workspace.url, binary: URL(fileURLWithPath: "/bin/bash"))
        #expect(step.status == stepStatus, "\(step.stdout)\(step.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "exit-status=\(reported)\n")
        guard reported != "2" else { return }
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: workspace.url.appendingPathComponent("stackc.sarif"))) as? [String: Any])
        let results = try #require((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [Any])
        #expect(sarif["version"] as? String == "2.1.0")
        #expect(results.count == (reported == "1" ? 1 : 0))
        #expect(step.stdout.contains("::error file=deploy/compose.yaml,line=2") == (reported == "1"), "\(step.stdout)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path(".stackc-summary.md")))
    }

    @Test func theDockerfileLintsCleanAndBuildsTheReleaseBinary() throws {
        let lint = try Self.run(Self.venvTool("hadolint").path, ["--no-color", "Dockerfile"])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        let dockerfile = try String(contentsOf: packageRoot.appendingPathComponent("Dockerfile"), encoding: .utf8)
        #expect(dockerfile.contains("RUN scripts/release-build.sh"), "the image ships the binary `make test` tests")
        #expect(dockerfile.contains("ENTRYPOINT [\"stackc\"]"))
    }

    /// The hooks file, with its Docker hook, is one pre-commit accepts (PreCommitHookTests checks that
    /// every hook passes the same files to the same command).
    @Test func preCommitAcceptsTheHooksFile() throws {
        let validate = try Self.run(Self.venvTool("pre-commit").path, ["validate-manifest", ".pre-commit-hooks.yaml"])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    }
}
