import Foundation
import Testing
import TestSupport

/// What stackc says of a project name Docker Compose refuses (`ProjectLoadDifferentialTests` holds the
/// verdicts against the binary): `-p` and `COMPOSE_PROJECT_NAME` are bad usage, refused before any file
/// is read (exit 2, Compose's words and the name that would do; lint writes it with its findings,
/// render to standard error), the variable at the `.env` line that set it; a `name:` or a folder that names nothing is a finding of the file (exit 1).
struct ProjectNameCLITests {
    static let compose = "services:\n  web:\n    image: nginx\n"
    static let refusal = "must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number, as Docker Compose requires"

    func run(_ arguments: [String], files: [String: String], in folder: String = "app", environment: [String: String] = [:]) throws -> StackcRun {
        let root = try TemporaryDirectory()
        for (path, text) in files { _ = try root.write("\(folder)/\(path)", text) }
        return try runStackc(arguments, environment: environment, removingEnvironment: Set(["COMPOSE_PROJECT_NAME", "COMPOSE_FILE"]).subtracting(environment.keys),
                             currentDirectory: URL(fileURLWithPath: root.path(folder)))
    }

    @Test(arguments: ["lint", "render"])
    func aFlagComposeRefusesIsBadUsage(command: String) throws {
        let run = try run([command, "-p", "Bad Name", "compose.yaml"], files: ["compose.yaml": Self.compose])
        #expect(run.status == 2)
        #expect((run.stdout + run.stderr).contains("stackc: error: invalid project name \"Bad Name\" (-p): \(Self.refusal); 'badname' would do [project-name]"))
    }

    @Test func theVariableIsReportedWhereItIsSet() throws {
        let fromDotEnv = try run(["lint", "compose.yaml"], files: ["compose.yaml": Self.compose, ".env": "TAG=1\nCOMPOSE_PROJECT_NAME=_shop\n"])
        #expect(fromDotEnv.status == 2)
        #expect((fromDotEnv.stdout + fromDotEnv.stderr).contains(".env:2:1: error: invalid project name \"_shop\" (COMPOSE_PROJECT_NAME): \(Self.refusal); 'shop' would do [project-name]"))
        let fromProcess = try run(["lint", "compose.yaml"], files: ["compose.yaml": Self.compose], environment: ["COMPOSE_PROJECT_NAME": "日本"])
        #expect(fromProcess.status == 2)
        #expect((fromProcess.stdout + fromProcess.stderr).contains("stackc: error: invalid project name \"日本\" (COMPOSE_PROJECT_NAME): \(Self.refusal) [project-name]"))
        // -p wins over the variable, as in Compose, and a name Compose takes passes.
        #expect(try run(["lint", "-p", "shop_2", "compose.yaml"], files: ["compose.yaml": Self.compose], environment: ["COMPOSE_PROJECT_NAME": "Bad"]).status == 0)
    }

    @Test func aNameThatNamesNothingIsAFinding() throws {
        let unset = try run(["lint", "compose.yaml"], files: ["compose.yaml": "name: ${PROJECT:-}\n" + Self.compose])
        #expect(unset.status == 1)
        #expect(unset.stdout.contains("compose.yaml:1:7: error: the project name, written ${PROJECT:-}, is empty after substitution"))
        let folder = try run(["lint", "compose.yaml"], files: ["compose.yaml": Self.compose], in: "日本")
        #expect(folder.status == 1)
        #expect(folder.stdout.contains("compose.yaml:1:1: error: the project has no name: its folder's name '日本' leaves nothing"))
        // Named in the file, the folder does not matter; `name:` is normalised, not refused.
        #expect(try run(["lint", "compose.yaml"], files: ["compose.yaml": "name: shop\n" + Self.compose], in: "日本").status == 0)
        #expect(try run(["render", "compose.yaml"], files: ["compose.yaml": "name: ${NAME}\n" + Self.compose], environment: ["NAME": "Shop"]).status == 0)
    }
}
