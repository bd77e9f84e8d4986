import Diagnostics

/// GitHub Actions workflow commands, one line per finding, which GitHub shows as annotations on the
/// pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
/// Errors, warnings and infos become `error`, `warning` and `notice`; notes follow the message on their
/// own lines (an encoded line break, so they stay inside the annotation). Streams per file.
public struct GitHubReporter: Reporter {
    private let sourceTree: SourceTree

    public init(sourceTree: SourceTree) {
        self.sourceTree = sourceTree
    }

    public mutating func report(_ file: FileReport) -> String {
        var output = ""
        let path = sourceTree.path(of: file.file.path)
        for diagnostic in file.diagnostics {
            var properties = [("file", path)]
            if let range = diagnostic.range {
                properties += [("line", "\(range.start.line)"), ("col", "\(range.start.column)"),
                               ("endLine", "\(range.end.line)"), ("endColumn", "\(range.end.column)")]
            }
            properties.append(("title", diagnostic.rule.name))
            var lines = [diagnostic.message]
            for note in diagnostic.notes {
                let place = note.range.map { "line \($0.start.line), column \($0.start.column): " } ?? ""
                lines.append("note: " + place + note.message)
            }
            // Template text first loses its control characters (as in every format), so the only line
            // breaks left are the ones joining notes, which the command encoding then escapes.
            let message = lines.map(Sanitizer.terminalSafe).joined(separator: "\n")
            output += WorkflowCommand.line(command(diagnostic.severity), properties: properties, message: message)
        }
        return output
    }

    public mutating func finish(_ summary: Summary) -> String { "" }

    private func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }
}

/// The encoding of GitHub's workflow commands, exactly as `@actions/core` writes them
/// (`toolkit/packages/core/src/command.ts`): in the message `%`, CR and LF are percent-encoded; in
/// property values `:` and `,` are too, because they delimit the command. A template that puts
/// `\n::set-output …` into a message therefore cannot start a command of its own.
public enum WorkflowCommand {
    public static func line(_ command: String, properties: [(String, String)], message: String) -> String {
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::" + command + (list.isEmpty ? "" : " " + list) + "::" + escapeData(message) + "\n"
    }

    public static func escapeData(_ text: String) -> String {
        escape(text, [("%", "%25"), ("\r", "%0D"), ("\n", "%0A")])
    }

    public static func escapeProperty(_ text: String) -> String {
        escape(text, [("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C")])
    }

    /// Scalar by scalar, so a CR LF pair (one `Character` in Swift) becomes `%0D%0A` as in the toolkit.
    private static func escape(_ text: String, _ table: [(Unicode.Scalar, String)]) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if let replacement = table.first(where: { $0.0 == scalar })?.1 {
                result += replacement
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
