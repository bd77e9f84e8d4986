import Foundation
import Testing
import TestSupport

/// `--strict-env` makes an unset variable an error on every command that substitutes variables, so CI
/// can refuse what a laptop only warns about; without it the same run succeeds with a warning.
struct StrictEnvTests {
    static let finding = "s.yaml:2:23: %@: variable TAG is not set, so it is replaced by an empty string; set it in .env, in the environment or with -e TAG=… [unset-variable]\n"

    @Test(arguments: [
        ["lint", "s.yaml"],
        ["render", "s.yaml"],
        ["build", "s.yaml", "--target", "aliyun-project", "--name", "shop"],
    ])
    func unsetVariablesAreErrorsOnlyWhenAsked(_ arguments: [String]) throws {
        let folder = try TemporaryDirectory()
        try folder.makeDirectory(".git")
        try folder.write("s.yaml", "services:\n  web: {image: \"nginx:${TAG}\"}\n")
        let relaxed = try runStackc(arguments, removingEnvironment: ["TAG"], currentDirectory: folder.url)
        let strict = try runStackc(arguments + ["--strict-env"], removingEnvironment: ["TAG"], currentDirectory: folder.url)
        let isLint = arguments[0] == "lint"
        #expect(relaxed.status == 0)
        #expect((isLint ? relaxed.stdout : relaxed.stderr).hasPrefix(String(format: Self.finding, "warning")))
        #expect(strict.status == 1)
        #expect((isLint ? strict.stdout : strict.stderr).hasPrefix(String(format: Self.finding, "error")))
        if !isLint { #expect(strict.stdout.isEmpty, "nothing is printed on an error") }
    }

    @Test func theFlagWinsOverAConfigurationThatTurnsTheRuleOff() throws {
        let folder = try TemporaryDirectory()
        try folder.makeDirectory(".git")
        try folder.write("s.yaml", "services:\n  web: {image: \"nginx:${TAG}\"}\n")
        try folder.write(".stackc.yaml", "rules: {unset-variable: off}\n")
        #expect(try runStackc(["lint", "s.yaml"], removingEnvironment: ["TAG"], currentDirectory: folder.url).status == 0)
        #expect(try runStackc(["lint", "s.yaml", "--strict-env"], removingEnvironment: ["TAG"], currentDirectory: folder.url).status == 1)
    }
}
