internal import CLibYAML
import Diagnostics

/// The result of reading one file: a tree when one could be built, and every problem found on the way.
public struct ReadResult: Sendable {
    public let tree: YAMLTree?
    public let diagnostics: [Diagnostic]
}

/// Reads YAML with libyaml's event API. This is the only file that sees libyaml: it converts events and
/// marks (0-based, counting code points) into `TreeBuilder` calls and `SourceLocation`s, and libyaml's
/// errors into diagnostics at libyaml's own position.
public enum YAMLReader {
    public static func read(_ file: SourceFile, limits: ReaderLimits = .default) -> ReadResult {
        if file.bytes.count > min(limits.maxFileBytes, SourceLocation.largestOffset) {
            let bound = limits.maxFileBytes > SourceLocation.largestOffset
                ? "the \(SourceLocation.largestOffset) bytes positions can address"
                : "the limit of \(limits.maxFileBytes) bytes (raise it with --max-file-bytes)"
            let diagnostic = Diagnostic(
                rule: .limitExceeded, severity: .error,
                message: "file of \(file.bytes.count) bytes exceeds \(bound)",
                range: SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0)))
            return ReadResult(tree: nil, diagnostics: [diagnostic])
        }
        if file.bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || file.bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            let diagnostic = Diagnostic(rule: .invalidEncoding, severity: .error,
                                        message: "the file is UTF-32, which YAML readers do not support; save it as UTF-8",
                                        range: SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0)))
            return ReadResult(tree: nil, diagnostics: [diagnostic])
        }
        var session = ParseSession(file: file, limits: limits)
        return file.bytes.withUnsafeBufferPointer { session.run($0) }
    }
}

/// One libyaml parser over one buffer; the buffer outlives it because `run` is called inside
/// `withUnsafeBufferPointer`.
private struct ParseSession {
    let file: SourceFile
    var builder: TreeBuilder
    var marks: MarkConverter

    init(file: SourceFile, limits: ReaderLimits) {
        self.file = file
        self.builder = TreeBuilder(file: file, limits: limits)
        self.marks = MarkConverter(file: file)
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) -> ReadResult {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            builder.report(.limitExceeded, "libyaml could not allocate a parser", at: nil)
            return finish(syntaxFailed: true)
        }
        defer { yaml_parser_delete(&parser) }
        if let base = buffer.baseAddress {
            yaml_parser_set_input_string(&parser, base, buffer.count)
        } else {
            var empty: UInt8 = 0
            yaml_parser_set_input_string(&parser, &empty, 0)
        }

        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) != 0 else {
                reportParserError(parser)
                return finish(syntaxFailed: true)
            }
            defer { yaml_event_delete(&event) }
            let keepGoing: Bool
            switch event.type {
            case YAML_STREAM_END_EVENT:
                if documents == 0 {
                    builder.report(.emptyDocument, "the file holds no YAML document (it is empty or only comments); a template is a mapping",
                                   at: SourceRange(at: SourceLocation(line: 1, column: 1, offset: file.lineStarts[0])))
                }
                return finish(syntaxFailed: false)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    builder.report(.multipleDocuments, "a second YAML document starts here; stackc reads one template per file, so split the documents into separate files",
                                   at: range(of: event))
                    return finish(syntaxFailed: false)
                }
                keepGoing = true
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                keepGoing = builder.scalar(
                    string(scalar.value, length: scalar.length),
                    style: style(of: scalar.style), tag: string(scalar.tag), anchor: string(scalar.anchor), range: range(of: event))
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                keepGoing = builder.beginCollection(
                    .sequence, isFlow: start.style == YAML_FLOW_SEQUENCE_STYLE,
                    tag: start.implicit != 0 ? nil : string(start.tag), anchor: string(start.anchor), start: marks.start(event.start_mark))
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                keepGoing = builder.beginCollection(
                    .mapping, isFlow: start.style == YAML_FLOW_MAPPING_STYLE,
                    tag: start.implicit != 0 ? nil : string(start.tag), anchor: string(start.anchor), start: marks.start(event.start_mark))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                keepGoing = builder.endCollection(end: marks.end(event.end_mark))
            case YAML_ALIAS_EVENT:
                keepGoing = builder.alias(string(event.data.alias.anchor) ?? "", range: range(of: event))
            default:
                keepGoing = true
            }
            if !keepGoing { return finish(syntaxFailed: true) }
        }
    }

    private func finish(syntaxFailed: Bool) -> ReadResult {
        ReadResult(tree: syntaxFailed ? nil : builder.makeTree(), diagnostics: builder.diagnostics)
    }

    // MARK: Conversions

    private mutating func range(of event: yaml_event_t) -> SourceRange {
        SourceRange(start: marks.start(event.start_mark), end: marks.end(event.end_mark))
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer, length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private func style(of style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    // MARK: Errors

    private mutating func reportParserError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        if parser.error == YAML_READER_ERROR {
            let at = file.location(ofByte: Int(parser.problem_offset))
            builder.report(.invalidEncoding, SyntaxMessages.readerProblem(problem, value: Int(parser.problem_value), line: at.line),
                           at: SourceRange(at: at))
            return
        }
        if parser.error == YAML_MEMORY_ERROR {
            builder.report(.limitExceeded, "libyaml ran out of memory reading this file", at: nil)
            return
        }
        let problemAt = marks.start(parser.problem_mark)
        let context = parser.context.map { String(cString: $0) }
        let contextAt = marks.end(parser.context_mark)
        let character = problemAt.offset < file.bytes.count ? file.bytes[problemAt.offset] : nil
        var notes: [Diagnostic.Note] = []
        if let context, contextAt != problemAt {
            notes.append(Diagnostic.Note(message: context, range: SourceRange(at: contextAt)))
        }
        let message = SyntaxMessages.syntaxProblem(problem, context: context, contextLine: contextAt.line, column: problemAt.column, character: character, contextIsNote: !notes.isEmpty)
        builder.report(.yamlSyntax, message, at: SourceRange(at: problemAt), notes: notes)
    }
}

/// Turns libyaml marks (0-based line, 0-based column in code points) into `SourceLocation`s. Start and
/// end marks each advance roughly monotonically, so each keeps its own resume point.
private struct MarkConverter {
    let file: SourceFile
    private var startHint = PositionHint()
    private var endHint = PositionHint()

    init(file: SourceFile) {
        self.file = file
    }

    mutating func start(_ mark: yaml_mark_t) -> SourceLocation {
        Self.convert(mark, in: file, hint: &startHint)
    }

    mutating func end(_ mark: yaml_mark_t) -> SourceLocation {
        Self.convert(mark, in: file, hint: &endHint)
    }

    private static func convert(_ mark: yaml_mark_t, in file: SourceFile, hint: inout PositionHint) -> SourceLocation {
        // At the end of input libyaml may point one line past the last one; show the end of the file instead.
        if Int(mark.line) >= file.lineCount { return file.location(ofByte: file.bytes.count) }
        let offset = file.byteOffset(line: Int(mark.line), column: Int(mark.column), hint: &hint)
        return SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1, offset: offset)
    }
}
