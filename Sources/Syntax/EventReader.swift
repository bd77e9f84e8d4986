internal import CLibYAML
import Diagnostics

/// Reads the fields of a libyaml event into the values the tree holds: texts as Swift strings, scalar
/// styles, and the digest a scalar would have as a mapping key (taken from libyaml's bytes, so the
/// builder never reads a string back to make it).
enum EventFields {
    static func text(of scalar: UnsafePointer<yaml_event_t>) -> String {
        let value = scalar.pointee.data.scalar
        guard let pointer = value.value, value.length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: value.length), as: UTF8.self)
    }

    static func keyPrint(of scalar: UnsafePointer<yaml_event_t>) -> KeyPrint {
        let value = scalar.pointee.data.scalar
        guard let pointer = value.value else { return .none }
        return KeyPrint(bytes: UnsafeBufferPointer(start: pointer, count: value.length))
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    static func style(of style: yaml_scalar_style_t) -> ScalarStyle {
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
struct ReadFailure: Error, Sendable {
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
final class EventReader: EventSource {
    private let file: SourceFile
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let initialized: Bool
    /// The event `next()` returned last, freed by the call after it.
    private let current = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    private var holdsCurrent = false

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
        if holdsCurrent { yaml_event_delete(current) }
        current.deallocate()
        if initialized { yaml_parser_delete(parser) }
        parser.deallocate()
    }

    /// Reading on this thread (`EventSource`): frees the event returned before and reads the next.
    func next() throws(ReadFailure) -> UnsafePointer<yaml_event_t> {
        if holdsCurrent { yaml_event_delete(current) }
        current.initialize(to: yaml_event_t())
        holdsCurrent = false
        if let failure = parse(into: &current.pointee) { throw failure }
        holdsCurrent = true
        return UnsafePointer(current)
    }

    /// Reads the next libyaml event into `event`, unconverted: the caller converts it (on any thread)
    /// and frees it (`yaml_event_delete`). `EventPipe` runs only this on its second
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
    // Read once: a class's stored properties are read through a call each time, and this runs twice
    // per event.
    private let lineCount: Int
    private let byteCount: Int
    private let isASCII: Bool
    private var startHint = PositionHint()
    private var endHint = PositionHint()

    init(file: SourceFile) {
        self.file = file
        lineCount = file.lineCount
        byteCount = file.bytes.count
        isASCII = file.isASCII
    }

    mutating func start(_ mark: yaml_mark_t) -> SourceLocation {
        convert(mark, hint: &startHint)
    }

    mutating func end(_ mark: yaml_mark_t) -> SourceLocation {
        convert(mark, hint: &endHint)
    }

    mutating func range(of event: UnsafePointer<yaml_event_t>) -> SourceRange {
        SourceRange(start: start(event.pointee.start_mark), end: end(event.pointee.end_mark))
    }

    private func convert(_ mark: yaml_mark_t, hint: inout PositionHint) -> SourceLocation {
        // At the end of input libyaml may point one line past the last one; show the end of the file instead.
        if Int(mark.line) >= lineCount { return file.location(ofByte: byteCount) }
        // libyaml's index counts characters (a CRLF as two), which in an ASCII file are its bytes.
        let offset = isASCII ? min(Int(mark.index), byteCount) : file.byteOffset(line: Int(mark.line), column: Int(mark.column), hint: &hint)
        return SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1, offset: offset)
    }
}

/// Where `YAMLReader` takes its events from: libyaml on the reading thread (`EventReader`) or on a
/// thread of its own (`PipedEvents`). The reading loop converts each event's fields straight into the
/// tree, with no converted copy of the event in between (a copy and its strings' reference counts cost
/// more than the conversion on a large file).
protocol EventSource {
    /// The next event, owned by the source and valid until the following call; or why libyaml stopped,
    /// after which no event follows. The last event is `YAML_STREAM_END_EVENT`.
    mutating func next() throws(ReadFailure) -> UnsafePointer<yaml_event_t>
}
