import ArgumentParser
import Glibc
import LanguageServer
import Syntax

extension Stackc {
    struct LSP: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lsp",
            abstract: "Run a language server over standard input and output (LSP 3.17) for live diagnostics in an editor.",
            discussion: """
            Lints each open document's text as `stackc lint` lints the saved file (the .stackc.yaml above it,
            the .env beside it), and offers hovers with `stackc explain` and suppression quick fixes.
            """
        )

        @Flag(help: "Accepted for clients that pass it; standard input and output are the only transport.")
        var stdio = false

        func run() throws {
            // A client that goes away makes writes fail (EPIPE) instead of killing the server; it then
            // ends with the input.
            signal(SIGPIPE, SIG_IGN)
            // JSON escapes can make a document's text longer on the wire than on disk.
            let maxMessageBytes = ReaderLimits.default.maxFileBytes * 2 + (1 << 20)
            let status = ServerLoop.run(input: FileDescriptorSource(descriptor: 0), maxMessageBytes: maxMessageBytes,
                                        output: { Terminal.write(bytes: $0, to: Terminal.standardOutput) },
                                        log: { Terminal.write($0 + "\n", to: Terminal.standardError) })
            throw ExitCode(status)
        }
    }
}
