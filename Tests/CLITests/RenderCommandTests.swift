import Foundation
import TestSupport
import Testing

/// `stackc render` and the variable sources end to end: .env beside the template, --env-file, -e,
/// the process environment, the project name, and their precedence; what lint refuses, a broken .env
/// included, render refuses with the same finding and prints nothing, unless --no-validate.
struct RenderCommandTests {
    func template(_ folder: TemporaryDirectory, _ body: String = "services:\n  web:\n    image: \"nginx:${TAG}\"\n    environment:\n      PROJECT: ${COMPOSE_PROJECT_NAME}\n") throws -> String {
        try folder.write("app/compose.yaml", body)
    }

    @Test func dotEnvBesideTheTemplateIsRead() throws {
        let folder = try TemporaryDirectory()
        let path = try template(folder)
        try folder.write("app/.env", "TAG=1.25\n")
        let run = try runStackc(["render", path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""image": "nginx:1.25""#))
        #expect(run.stdout.contains(#""PROJECT": "app""#), "the folder name is the project name")
    }

    @Test func precedenceIsEnvFileThenProcessThenCommandLine() throws {
        let folder = try TemporaryDirectory()
        let path = try template(folder)
        try folder.write("app/.env", "TAG=from-dotenv\n")
        let process = try runStackc(["render", path, "--format", "json"], environment: ["TAG": "from-process"])
        #expect(process.stdout.contains(#""image": "nginx:from-process""#))
        let flag = try runStackc(["render", path, "--format", "json", "-e", "TAG=from-flag"], environment: ["TAG": "from-process"])
        #expect(flag.stdout.contains(#""image": "nginx:from-flag""#))
    }

    @Test func explicitEnvFilesReplaceTheDefaultDotEnv() throws {
        let folder = try TemporaryDirectory()
        let path = try template(folder)
        try folder.write("app/.env", "TAG=from-dotenv\n")
        let prod = try folder.write("prod.env", "TAG=from-prod\n")
        let run = try runStackc(["render", path, "--format", "json", "--env-file", prod])
        #expect(run.stdout.contains(#""image": "nginx:from-prod""#))
        let missing = try runStackc(["render", path, "--env-file", folder.path("nope.env")])
        #expect(missing.status == 2 && missing.stderr.contains("nope.env"))
    }

    @Test func projectNameFromFlagAndFromNameKey() throws {
        let folder = try TemporaryDirectory()
        let path = try template(folder, "name: shop\nservices:\n  web:\n    image: x\n    environment:\n      PROJECT: ${COMPOSE_PROJECT_NAME}\n")
        #expect(try runStackc(["render", path, "--format", "json"]).stdout.contains(#""PROJECT": "shop""#))
        #expect(try runStackc(["render", path, "--format", "json", "-p", "other"]).stdout.contains(#""PROJECT": "other""#))
    }

    @Test func unsetVariableWarnsAtTheDollarAndStillRenders() throws {
        let folder = try TemporaryDirectory()
        let path = try template(folder)
        let run = try runStackc(["render", path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("compose.yaml:3:19: warning: variable TAG is not set"))
        #expect(run.stdout.contains("image: \"nginx:\""))
    }

    @Test func requiredVariableFailsWithTheAuthorsMessageAndNoOutput() throws {
        let folder = try TemporaryDirectory()
        let path = try template(folder, "services:\n  web:\n    image: x\n    environment:\n      DB: ${DB_PASSWORD:?set the password}\n")
        let run = try runStackc(["render", path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("compose.yaml:5:11: error: required variable DB_PASSWORD is missing a value: set the password [required-variable]"))
    }

    @Test func noInterpolateKeepsTheTextAndQuotesAreKept() throws {
        let folder = try TemporaryDirectory()
        let path = try template(folder, "services:\n  web:\n    image: 'nginx:${TAG}'\n    command: [\"a\", b]\n")
        let run = try runStackc(["render", path, "--no-interpolate"])
        #expect(run.stdout == "services:\n  web:\n    image: 'nginx:${TAG}'\n    command: [\"a\", b]\n")
    }

    @Test func typedJSONAfterSubstitution() throws {
        let folder = try TemporaryDirectory()
        let path = try template(folder, "services:\n  web:\n    image: x\n    deploy:\n      replicas: ${N}\n    environment:\n      N: \"${N}\"\n")
        let run = try runStackc(["render", path, "--format", "json", "-e", "N=3"])
        #expect(run.stdout.contains(#""replicas": 3"#))
        #expect(run.stdout.contains(#""N": "3""#))
    }

    @Test func aServiceNamedByAVariableIsRefusedAsLintRefusesIt() throws {
        let folder = try TemporaryDirectory()
        let path = try template(folder, "services:\n  ${SVC}:\n    image: nginx\n")
        let finding = "compose.yaml:2:3: error: service name '${SVC}' must not contain '$'; use letters, digits, '.', '_' and '-' [service-name]"
        let run = try runStackc(["render", path], environment: ["SVC": "web"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(finding), "\(run.stderr)")
        let lint = try runStackc(["lint", path], environment: ["SVC": "web"])
        #expect(lint.status == 1 && lint.stdout.contains(finding))

        let raw = try runStackc(["render", path, "--no-validate"], environment: ["SVC": "web"])
        #expect(raw.status == 0, "\(raw.stderr)")
        #expect(raw.stdout == "services:\n  ${SVC}:\n    image: nginx\n", "keys are never substituted")
        #expect(raw.stderr.isEmpty)
    }

    @Test(arguments: brokenDotEnvLines)
    func aBrokenDotEnvIsRefusedAsLintRefusesIt(line: String, finding: String) throws {
        let folder = try TemporaryDirectory()
        let path = try template(folder, "services:\n  web:\n    image: nginx\n")
        try folder.write("app/.env", line)
        let lint = try runStackc(["lint", path])
        #expect(lint.status == 1 && lint.stdout.contains(finding), "\(lint.stdout)")
        for arguments in [["render", path], ["render", path, "--no-validate"], ["render", path, "--format", "json"]] {
            let run = try runStackc(arguments)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains(finding), "\(run.stderr)")
        }
    }

    @Test func kindAndStrictEnvChangeTheVerdictAsInLint() throws {
        let folder = try TemporaryDirectory()
        let path = try template(folder, "name: app-config\ndata:\n  LEVEL: ${LEVEL}\n")
        #expect(try runStackc(["render", path]).status == 1, "a configmap and a secret look alike without kind:")
        let named = try runStackc(["render", path, "--kind", "configmap", "-e", "LEVEL=info"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout == "name: app-config\ndata:\n  LEVEL: info\n")
        let strict = try runStackc(["render", path, "--kind", "configmap", "--strict-env"], removingEnvironment: ["LEVEL"])
        #expect(strict.status == 1 && strict.stdout.isEmpty)
        #expect(strict.stderr.contains("error: variable LEVEL is not set"), "\(strict.stderr)")
    }

    @Test func badEnvFileLineIsReportedAtItsPosition() throws {
        let folder = try TemporaryDirectory()
        let path = try template(folder)
        try folder.write("app/.env", "TAG=1\nBAD LINE\n")
        let run = try runStackc(["lint", path])
        #expect(run.stdout.contains(".env:2:"), "\(run.stdout)")
        #expect(run.stdout.contains("[env-file-syntax]"))
    }
}
