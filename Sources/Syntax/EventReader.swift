internal import CLibYAML
import Diagnostics

/// One libyaml event, already converted: texts are Swift strings and marks are `SourceLocation`s. The
/// libyaml event is freed as soon as it is converted, so an event can cross threads (`EventPipe`).
enum ReadEvent: Sendable {
    case streamEnd
    case documentStart(SourceRange)
    case scalar(text: String, style: ScalarStyle, tag: String?, anchor: String?, range: SourceRange)
    case collectionStart(YAMLNode.Kind, isFlow: Bool, tag: String?, anchor: String?, start: SourceLocation)
    case collectionEnd(end: SourceLocation)
    case alias(name: String, range: SourceRange)
    /// Events the tree does not need (stream start, document end).
    case ignored
    /// libyaml stopped: the problem, worded for people, at libyaml's own position. No event follows.
    case failure(ReadFailure)
}

/// A libyaml event that still owns its texts, with the positions it needs already converted.
struct MarkedEvent {
    var event = yaml_event_t()
    var start = SourceLocation(line: 0, column: 0, offset: 0)
    var end = SourceLocation(line: 0, column: 0, offset: 0)
}

extension ReadEvent {
    /// Copies the texts out of a libyaml event (which the caller still frees).
    init(_ marked: borrowing MarkedEvent) {
        switch marked.event.type {
        case YAML_STREAM_END_EVENT:
            self = .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            self = .documentStart(SourceRange(start: marked.start, end: marked.end))
        case YAML_SCALAR_EVENT:
            let scalar = marked.event.data.scalar
            self = .scalar(text: Self.string(scalar.value, length: scalar.length), style: Self.style(of: scalar.style), tag: Self.string(scalar.tag),
                           anchor: Self.string(scalar.anchor), range: SourceRange(start: marked.start, end: marked.end))
        case YAML_SEQUENCE_START_EVENT:
            let start = marked.event.data.sequence_start
            self = .collectionStart(.sequence, isFlow: start.style == YAML_FLOW_SEQUENCE_STYLE, tag: start.implicit != 0 ? nil : Self.string(start.tag),
                                    anchor: Self.string(start.anchor), start: marked.start)
        case YAML_MAPPING_START_EVENT:
            let start = marked.event.data.mapping_start
            self = .collectionStart(.mapping, isFlow: start.style == YAML_FLOW_MAPPING_STYLE, tag: start.implicit != 0 ? nil : Self.string(start.tag),
                                    anchor: Self.string(start.anchor), start: marked.start)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            self = .collectionEnd(end: marked.end)
        case YAML_ALIAS_EVENT:
            self = .alias(name: Self.string(marked.event.data.alias.anchor) ?? "", range: SourceRange(start: marked.start, end: marked.end))
        default:
            self = .ignored
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer, length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func style(of style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}

/// Why libyaml could not go on.
struct ReadFailure: Sendable {
    let rule: RuleID
    let message: String
    let range: SourceRange?
    var notes: [Diagnostic.Note] = []
}

/// Pulls events from libyaml over one buffer. This and `YAMLReader` are the only code that sees libyaml:
/// marks (0-based, counting code points) become `SourceLocation`s, and libyaml's errors messages at
/// its own position. The buffer must outlive the reader.
///
/// A class holding the parser in allocated memory: libyaml keeps pointers into its own parser struct,
/// so the struct must never move.
final class EventReader {
    private let file: SourceFile
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private var marks: MarkConverter
    private let initialized: Bool

    init(file: SourceFile, buffer: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.marks = MarkConverter(file: file)
        parser.initialize(to: yaml_parser_t())
        initialized = yaml_parser_initialize(parser) != 0
        guard initialized else { return }
        // libyaml wants a non-null input even when it is empty; it reads none of the zero bytes.
        let empty = UnsafeRawPointer(parser).assumingMemoryBound(to: UInt8.self)
        yaml_parser_set_input_string(parser, buffer.baseAddress ?? empty, buffer.count)
    }

    deinit {
        if initialized { yaml_parser_delete(parser) }
        parser.deallocate()
    }

    /// The next event; after `.streamEnd` or `.failure` there is none.
    func next() -> ReadEvent {
        var marked = MarkedEvent()
        if let failure = nextMarked(into: &marked) { return .failure(failure) }
        defer { yaml_event_delete(&marked.event) }
        return ReadEvent(marked)
    }

    /// Reads the next libyaml event into `marked`, with its positions converted but still owning its
    /// texts: the caller converts it (`ReadEvent.init`) and frees it (`yaml_event_delete`). Splitting the
    /// two lets `EventPipe` run libyaml and the positions on one thread and the texts on the other; the
    /// event is written in place because it is large enough for copies to show.
    /// - Returns: why libyaml stopped, when it did (then `marked` holds no event).
    func nextMarked(into marked: inout MarkedEvent) -> ReadFailure? {
        guard initialized else { return ReadFailure(rule: .limitExceeded, message: "libyaml could not allocate a parser", range: nil) }
        guard yaml_parser_parse(parser, &marked.event) != 0 else { return parserFailure() }
        switch marked.event.type {
        case YAML_DOCUMENT_START_EVENT, YAML_SCALAR_EVENT, YAML_ALIAS_EVENT:
            marked.start = marks.start(marked.event.start_mark)
            marked.end = marks.end(marked.event.end_mark)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            marked.start = marks.start(marked.event.start_mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            marked.end = marks.end(marked.event.end_mark)
        default:
            break
        }
        return nil
    }

    // MARK: Errors

    private func parserFailure() -> ReadFailure {
        let parser = self.parser.pointee
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        if parser.error == YAML_READER_ERROR {
            let at = file.location(ofByte: Int(parser.problem_offset))
            return ReadFailure(rule: .invalidEncoding, message: SyntaxMessages.readerProblem(problem, value: Int(parser.problem_value), line: at.line),
                               range: SourceRange(at: at))
        }
        if parser.error == YAML_MEMORY_ERROR {
            return ReadFailure(rule: .limitExceeded, message: "libyaml ran out of memory reading this file", range: nil)
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
        return ReadFailure(rule: .yamlSyntax, message: message, range: SourceRange(at: problemAt), notes: notes)
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
