import ArgumentParser
import Glibc

/// The `stackc` command. Subcommands live in `Commands/`, one file each, and hold no logic of their own.
@main
struct Stackc: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "stackc",
        abstract: "Validate Compose and pod templates and compile them to container-platform API requests.",
        discussion: """
        Examples:
          stackc lint .                          check every *.yml/*.yaml under the current folder
          stackc lint compose.yaml --format json machine-readable findings
          cat compose.yaml | stackc lint -       check standard input

        Exit status: 0 no findings at the --fail-on threshold (errors by default), 1 such findings (or the server refused), \
        2 usage error or unreadable input, 3 the server could not be reached or kept failing (submit, trigger, certs, plan's lookup and the operations: get, list, logs, create, start, stop, kill, redeploy, scale, rollout, extend, delete); plan: 4 changes to make.
        """,
        version: version,
        subcommands: [Lint.self, Render.self, Build.self, Submit.self, Plan.self, Get.self, List.self, Logs.self, Create.self, Start.self, Stop.self, Kill.self, Redeploy.self, Scale.self, Rollout.self, Extend.self, Delete.self, Certs.self, Trigger.self, Graph.self, Rules.self, Explain.self, Schema.self, Sign.self, LSP.self]
    )

    /// Parses and runs like `ParsableCommand.main()`, but exits 2 on usage errors as the CLI contract
    /// promises, where swift-argument-parser would exit 64. `stackc lint FILE…` with no flag, what a
    /// pre-commit hook runs, needs no parser at all (`LintSettings(fileNamesOnly:)`).
    static func main() {
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if let settings = LintSettings(fileNamesOnly: arguments) {
                try settings.run()
            } else {
                var command = try parsedLint(arguments) ?? parseAsRoot(arguments)
                try command.run()
            }
        } catch let code as ExitCode where code != .validationFailure {
            // A command's own status (lint's findings): nothing to print. Asking the parser for the
            // message would build the whole help text first, more than a small file's lint costs.
            Glibc.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                Terminal.write(message + "\n", to: code == .success ? Terminal.standardOutput : Terminal.standardError)
            }
            Glibc.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    /// `stackc lint …` with flags, parsed as `lint` alone: building the whole command tree first costs a
    /// third of a small file's run. Only a parse that succeeds is taken; help, errors and everything else
    /// go through the full parser, so messages and usage lines are the same either way.
    private static func parsedLint(_ arguments: [String]) -> Lint? {
        guard arguments.first == Lint.configuration.commandName else { return nil }
        return (try? Lint.parseAsRoot(Array(arguments.dropFirst()))) as? Lint
    }
}
