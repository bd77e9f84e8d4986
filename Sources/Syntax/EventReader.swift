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

extension ReadEvent {
    /// Converts a libyaml event: its positions (through `marks`, whose resume points follow the events)
    /// and its texts, copied out (the caller still frees the event).
    init(_ event: UnsafePointer<yaml_event_t>, marks: inout MarkConverter) {
        switch event.pointee.type {
        case YAML_STREAM_END_EVENT:
            self = .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            self = .documentStart(marks.range(of: event))
        case YAML_SCALAR_EVENT:
            let scalar = event.pointee.data.scalar
            self = .scalar(text: Self.string(scalar.value, length: scalar.length), style: Self.style(of: scalar.style), tag: Self.string(scalar.tag),
                           anchor: Self.string(scalar.anchor), range: marks.range(of: event))
        case YAML_SEQUENCE_START_EVENT:
            let start = event.pointee.data.sequence_start
            self = .collectionStart(.sequence, isFlow: start.style == YAML_FLOW_SEQUENCE_STYLE, tag: start.implicit != 0 ? nil : Self.string(start.tag),
                                    anchor: Self.string(start.anchor), start: marks.start(event.pointee.start_mark))
        case YAML_MAPPING_START_EVENT:
            let start = event.pointee.data.mapping_start
            self = .collectionStart(.mapping, isFlow: start.style == YAML_FLOW_MAPPING_STYLE, tag: start.implicit != 0 ? nil : Self.string(start.tag),
                                    anchor: Self.string(start.anchor), start: marks.start(event.pointee.start_mark))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            self = .collectionEnd(end: marks.end(event.pointee.end_mark))
        case YAML_ALIAS_EVENT:
            self = .alias(name: Self.string(event.pointee.data.alias.anchor) ?? "", range: marks.range(of: event))
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
    private let initialized: Bool

    init(file: SourceFile, buffer: UnsafeBufferPointer<UInt8>) {
        self.file = file
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

    /// Reads the next libyaml event into `event`, unconverted: the caller converts it (`ReadEvent.init`,
    /// on any thread) and frees it (`yaml_event_delete`). `EventPipe` runs only this on its second
    /// thread, which keeps libyaml's share of the work — the larger one — alone there.
    /// - Returns: why libyaml stopped, when it did (then `event` holds nothing to free).
    func parse(into event: inout yaml_event_t) -> ReadFailure? {
        guard initialized else { return ReadFailure(rule: .limitExceeded, message: "libyaml could not allocate a parser", range: nil) }
        return yaml_parser_parse(parser, &event) != 0 ? nil : parserFailure()
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
        var marks = MarkConverter(file: file)
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
/// end marks each advance roughly monotonically, so each keeps its own resume point; the points only
/// save work, so converters on different threads give the same positions.
struct MarkConverter {
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

    mutating func range(of event: UnsafePointer<yaml_event_t>) -> SourceRange {
        SourceRange(start: start(event.pointee.start_mark), end: end(event.pointee.end_mark))
    }

    private static func convert(_ mark: yaml_mark_t, in file: SourceFile, hint: inout PositionHint) -> SourceLocation {
        // At the end of input libyaml may point one line past the last one; show the end of the file instead.
        if Int(mark.line) >= file.lineCount { return file.location(ofByte: file.bytes.count) }
        let offset = file.byteOffset(line: Int(mark.line), column: Int(mark.column), hint: &hint)
        return SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1, offset: offset)
    }
}

/// Where `YAMLReader` takes its events from. A value type the reading loop owns, so its state (the
/// batch being read, the position converter) is touched without reference counting or exclusivity
/// checks, once per event.
protocol EventSource {
    mutating func next() -> ReadEvent
}

/// libyaml on the reading thread: each event converted and freed as it comes.
struct DirectEvents: EventSource {
    let reader: EventReader
    var marks: MarkConverter

    init(file: SourceFile, buffer: UnsafeBufferPointer<UInt8>) {
        reader = EventReader(file: file, buffer: buffer)
        marks = MarkConverter(file: file)
    }

    /// The next event; after `.streamEnd` or `.failure` there is none.
    mutating func next() -> ReadEvent {
        var event = yaml_event_t()
        if let failure = reader.parse(into: &event) { return .failure(failure) }
        defer { yaml_event_delete(&event) }
        return ReadEvent(&event, marks: &marks)
    }
}
