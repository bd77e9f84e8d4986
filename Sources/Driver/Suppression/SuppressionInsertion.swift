import Diagnostics
import Syntax

/// A directive comment that would silence one finding, as text to insert at a byte offset: the quick
/// fixes an editor offers for any finding ("disable port-range for this line / this file"). Built from
/// the same directive names `SuppressionComments` reads, so an inserted comment is always one that
/// lint honours.
public struct SuppressionInsertion: Sendable, Equatable {
    /// What an editor shows, e.g. "Disable port-range for this line".
    public let title: String
    /// Where the text goes: the start of a line.
    public let offset: Int
    /// A whole comment line, line break included.
    public let text: String

    /// The insertions that would silence `diagnostic` in `file`: a `stackc-disable-next-line` comment
    /// above its line, indented as that line, and a `stackc-disable-file` comment at the top. None for
    /// the findings about suppressions, which comments cannot silence; no line comment for a finding
    /// without a position or whose line begins inside a scalar spanning lines (the comment would
    /// become part of the value), nor when the file cannot be read as YAML to tell.
    public static func insertions(for diagnostic: Diagnostic, in file: SourceFile) -> [SuppressionInsertion] {
        guard !SuppressionFilter.ownRules.contains(diagnostic.rule) else { return [] }
        let rule = diagnostic.rule.name
        let lineBreak = lineBreak(of: file)
        var result: [SuppressionInsertion] = []
        if let line = diagnostic.range?.start.line, line >= 1, line <= file.lineCount, let start = safeLineStart(line, in: file) {
            let indent = file.lineText(line).prefix { $0 == " " || $0 == "\t" }
            result.append(SuppressionInsertion(title: "Disable \(rule) for this line", offset: start,
                                               text: "\(indent)# \(SuppressionComments.disableNextLine) \(rule)\(lineBreak)"))
        }
        result.append(SuppressionInsertion(title: "Disable \(rule) for this file", offset: file.lineStarts[0],
                                           text: "# \(SuppressionComments.disableFile) \(rule)\(lineBreak)"))
        return result
    }

    /// The byte offset where `line` starts, unless it lies inside a scalar (a block, quoted or plain
    /// scalar continued over lines) or the file has no tree to tell.
    private static func safeLineStart(_ line: Int, in file: SourceFile) -> Int? {
        let start = file.lineStarts[line - 1]
        guard let tree = YAMLReader.read(file).tree else { return nil }
        let inside = tree.nodes.contains { node in
            node.isScalar && node.range.start.offset < start && start < node.range.end.offset
        }
        return inside ? nil : start
    }

    /// `\r\n` when the file's first line ends so, else `\n`: a comment line matches its neighbours.
    private static func lineBreak(of file: SourceFile) -> String {
        guard file.lineCount > 1 else { return "\n" }
        let end = file.lineStarts[1]
        return end >= 2 && file.bytes[end - 2] == 0x0D ? "\r\n" : "\n"
    }
}
