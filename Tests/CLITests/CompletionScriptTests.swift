import Foundation
import TestSupport
import Testing

/// Shell completion scripts come from swift-argument-parser; the bash one is loaded into a real bash
/// and called as `complete -F` calls it (command, current word, previous word).
struct CompletionScriptTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func scriptsAreGenerated(shell: String) throws {
        let run = try runStackc(["--generate-completion-script", shell])
        #expect(run.status == 0)
        #expect(run.stdout.contains("stackc"))
        #expect(run.stdout.contains("--fail-on"))
    }

    @Test func bashCompletesSubcommandsAndFlagValues() throws {
        let script = try runStackc(["--generate-completion-script", "bash"]).stdout
        let folder = try TemporaryDirectory()
        let path = try folder.write("stackc.bash", script)
        func complete(_ words: [String]) throws -> [String] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            process.arguments = ["bash", "--norc", "-c", """
                source '\(path)'
                COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
                _stackc stackc "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\\n' "${COMPREPLY[@]}"
                """]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return output.split(separator: "\n").map(String.init).sorted()
        }
        #expect(try complete(["stackc", "li"]) == ["lint", "list"])
        #expect(try complete(["stackc", "lin"]) == ["lint"])
        #expect(try complete(["stackc", "lint", "--fail-on", ""]) == ["error", "info", "never", "warning"])
        #expect(try complete(["stackc", "lint", "--format", ""]) == ["checkstyle", "github", "gitlab", "json", "junit", "rdjson", "sarif", "text"])
    }
}
