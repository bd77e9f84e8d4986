import Foundation
import TestSupport
import Testing

/// `stackc build` end to end: every sample stack builds, every body validates against its published
/// schema with an independent validator (Python's jsonschema), and failures produce no body.
struct BuildCommandTests {
    static let stacks: [String] = {
        let folder = packageRoot.appendingPathComponent("samples/stacks")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".stack.yaml") }.sorted().map { "samples/stacks/" + $0 }
    }()

    @Test func thereAreSampleStacksForEveryTarget() throws {
        let targets = try Set(Self.stacks.map { try target(of: $0) })
        let all = try runStackc(["schema", "--list"]).stdout.split(separator: "\n").compactMap { line -> String? in
            let name = line.split(separator: " ")[0]
            return name.hasPrefix("request:") ? String(name.dropFirst("request:".count)) : nil
        }
        #expect(targets == Set(all))
    }

    @Test(arguments: stacks)
    func sampleStackBuildsABodyThatMatchesItsSchema(stack: String) throws {
        let run = try runStackc(["build", stack, "--compact"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let folder = try TemporaryDirectory()
        let body = try folder.write("body.json", run.stdout)
        let schema = packageRoot.appendingPathComponent("schemas/requests/\(try target(of: stack)).schema.json").path
        let check = try validateWithJSONSchema(schema: schema, instance: body)
        #expect(check.status == 0 && check.output == "ok\n", "\(check.output)")
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let first = try runStackc(["build", "samples/stacks/shop.stack.yaml"])
        let second = try runStackc(["build", "samples/stacks/shop.stack.yaml"])
        #expect(first.status == 0 && first.stdout == second.stdout)
    }

    @Test func anInvalidTemplateGivesNoBody() throws {
        let run = try runStackc(["build", "samples/compose/invalid.yaml", "--target", "aliyun-project", "--name", "x"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("samples/compose/invalid.yaml:6:5: error: duplicate key 'ports'"))
        #expect(run.stderr.contains("stackc: no request built"))
    }

    /// No target, or one that does not exist, is no command line to build from (exit 2); a value the
    /// target needs and nobody gave is a finding under `<command line>` (exit 1), like any bad value.
    @Test func missingTargetIsAUsageErrorAndMissingMetadataAFinding() throws {
        let noTarget = try runStackc(["build", "samples/compose-v1/valid.yaml"])
        #expect(noTarget.status == 2 && noTarget.stderr.contains("--target is required"))
        let badTarget = try runStackc(["build", "samples/compose-v1/valid.yaml", "--target", "aliyun"])
        #expect(badTarget.status == 2)
        let noName = try runStackc(["build", "samples/compose-v1/valid.yaml", "--target", "aliyun-project"])
        #expect(noName.status == 1 && noName.stdout.isEmpty)
        #expect(noName.stderr.hasPrefix("<command line>: error: aliyun-project needs the project name: pass --name or set 'name' in a stack manifest [missing-field]\n"))
    }

    /// `submit` and `submit --dry-run` build through the same assembly and checks: a bad flag is the same
    /// finding, and nothing is printed or sent.
    @Test func submitChecksRequestValuesAsBuildDoes() throws {
        let arguments = ["samples/stacks/mysql-podstack.stack.yaml", "--max-replicas", "2", "--name=-web"]
        let build = try runStackc(["build"] + arguments)
        let dryRun = try runStackc(["submit", "--dry-run"] + arguments)
        let submit = try runStackc(["submit", "--endpoint", "https://127.0.0.1:1"] + arguments)
        #expect(build.status == 1 && build.stdout.isEmpty)
        #expect(build.stderr.contains("<command line>: error: --max-replicas is 2, less than minReplicas 3; make it at least 3 [scale-bounds]"))
        for run in [dryRun, submit] {
            #expect(run.status == 1)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr == build.stderr)
        }
    }

    /// Numbers and booleans that do not parse are findings about the flag, not usage errors.
    @Test func unreadableNumbersAndBooleansAreFindings() throws {
        let run = try runStackc(["build", "samples/stacks/shop.stack.yaml", "--latest-image", "maybe", "--variables", "kept"])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("""
            <command line>: error: --latest-image is 'maybe', not a boolean; use true or false [type-mismatch]
            <command line>: error: --variables is 'kept'; use one of 'local', 'keep' [type-mismatch]

            """), "\(run.stderr)")
        let count = try runStackc(["build", "samples/stacks/mysql-podstack.stack.yaml", "--target-cpu", "lots"])
        #expect(count.status == 1)
        #expect(count.stderr.hasPrefix("<command line>: error: --target-cpu is 'lots', which is not a whole number; use a whole number from 1 to 100 [scale-bounds]\n"))
    }

    @Test func flagsOverrideTheManifest() throws {
        let run = try runStackc(["build", "samples/stacks/shop.stack.yaml", "--name", "other", "--version", "7", "--compact"])
        #expect(run.stdout.hasPrefix(#"{"name":"other","description":"the shop front end and its database","template":"#))
        #expect(run.stdout.contains(#""version":"7""#))
    }

    @Test func requestFlagPrintsMethodPathAndQuery() throws {
        let run = try runStackc(["build", "samples/stacks/mysql-podstack-update.stack.yaml", "--request", "--compact"])
        #expect(run.stdout.hasPrefix(#"{"method":"POST","path":"/v2/podstack/team/mysql-2048","query":{"app_id":"1024"},"headers":{"Content-Type":"application/json"},"body":{"content":"#))
    }

    @Test func outputIsWrittenAtomically() throws {
        let folder = try TemporaryDirectory()
        let output = try folder.write("body.json", "old content\n")
        let run = try runStackc(["build", "samples/stacks/shop.stack.yaml", "--output", output])
        #expect(run.status == 0 && run.stdout.isEmpty)
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written == (try runStackc(["build", "samples/stacks/shop.stack.yaml"])).stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["body.json"], "no temporary file left behind")
        let failed = try runStackc(["build", "samples/compose/invalid.yaml", "--target", "aliyun-project", "--name", "x", "--output", output])
        #expect(failed.status == 1)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == written, "a failed build leaves the old file alone")
    }

    @Test func publishedSchemasAreCurrent() throws {
        let list = try runStackc(["schema", "--list"]).stdout.split(separator: "\n")
        #expect(!list.isEmpty)
        for line in list {
            let parts = line.split(separator: " ").map(String.init)
            let generated = try runStackc(["schema", parts[0]]).stdout
            let committed = try String(contentsOf: packageRoot.appendingPathComponent("schemas/" + parts[1]), encoding: .utf8)
            #expect(generated == committed, "run scripts/update-schemas.sh (\(parts[1]) is stale)")
        }
    }

    private func target(of stack: String) throws -> String {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(stack), encoding: .utf8)
        let line = text.split(separator: "\n").first { $0.hasPrefix("target:") }!
        return line.dropFirst("target:".count).trimmingCharacters(in: .whitespaces)
    }
}
