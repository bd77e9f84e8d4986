import ArgumentParser
import Driver
import Rules

extension Stackc {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "List every check stackc runs, with its id, default severity and what it checks."
        )

        @Option(help: "Output format: text, json, markdown (the table) or reference (a Markdown section per rule, as in docs/rules.md).")
        var format: RuleListing.Format = .text

        @Option(help: ArgumentHelp("Only the opt-in rules of this category: \(RuleCategory.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "category"),
                transform: RuleCategory.argument)
        var category: RuleCategory?

        func run() throws {
            Terminal.write(RuleListing.list(format, category: category), to: Terminal.standardOutput)
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Explain one check: why it exists and examples that trigger it and that don't."
        )

        @Argument(help: "A rule id, such as port-range (see `stackc rules`).")
        var rule: String

        func run() throws {
            switch RuleListing.explain(rule) {
            case .success(let text):
                Terminal.write(text, to: Terminal.standardOutput)
            case .failure(let failure):
                Terminal.write("stackc: \(failure.message)\n", to: Terminal.standardError)
                throw ExitCode(2)
            }
        }
    }
}

extension RuleListing.Format: ExpressibleByArgument {}
