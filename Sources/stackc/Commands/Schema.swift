import ArgumentParser
import Driver

extension Stackc {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print the JSON Schema of a template kind or of a target's request body.",
            discussion: "Names: \(SchemaCatalogue.names.map(\.name).joined(separator: ", ")). The same schemas are in schemas/ for editors."
        )

        @Argument(help: "A template kind, or request:TARGET for a request body.")
        var name: String?

        @Flag(help: "List the schema names and the files under schemas/ that hold them.")
        var list = false

        func run() throws {
            if list {
                Terminal.write(SchemaCatalogue.names.map { "\($0.name) \($0.file)\n" }.joined(), to: Terminal.standardOutput)
                return
            }
            guard let name else { throw ValidationError("name a schema (see --list)") }
            guard let document = SchemaCatalogue.document(named: name) else {
                Terminal.write("stackc: no schema named '\(name)'; names: \(SchemaCatalogue.names.map(\.name).joined(separator: ", "))\n", to: Terminal.standardError)
                throw ExitCode(2)
            }
            Terminal.write(document.rendered(indent: "  ") + "\n", to: Terminal.standardOutput)
        }
    }
}
