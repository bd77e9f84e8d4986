internal import CLibYAML
import Diagnostics

/// The result of reading one file: a tree when one could be built, and every problem found on the way.
public struct ReadResult: Sendable {
    public let tree: YAMLTree?
    public let diagnostics: [Diagnostic]
}

/// Reads YAML with libyaml's event API (`EventReader`), building the tree with `TreeBuilder`.
public enum YAMLReader {
    public static func read(_ file: SourceFile, limits: ReaderLimits = .default) -> ReadResult {
        read(file, limits: limits, pipelined: EventPipe.isWorthUsing(forBytes: file.bytes.count))
    }

    /// `pipelined`: run libyaml on a second thread (`EventPipe`), as `read` does for large files; the
    /// result is the same either way, which the tests and the fuzzer check by asking for both.
    public static func read(_ file: SourceFile, limits: ReaderLimits, pipelined: Bool) -> ReadResult {
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
        return file.bytes.withUnsafeBufferPointer { session.run($0, pipelined: pipelined) }
    }
}

/// Builds one file's tree from its events.
private struct ParseSession {
    let file: SourceFile
    var builder: TreeBuilder
    var marks: MarkConverter

    init(file: SourceFile, limits: ReaderLimits) {
        self.file = file
        self.builder = TreeBuilder(file: file, limits: limits)
        self.marks = MarkConverter(file: file)
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>, pipelined: Bool) -> ReadResult {
        if pipelined, let pipe = EventPipe(file: file, buffer: buffer) {
            defer { pipe.finish() }
            var events = PipedEvents(pipe: pipe)
            return run(&events)
        }
        var events = EventReader(file: file, buffer: buffer)
        return run(&events)
    }

    private mutating func run<Source: EventSource>(_ events: inout Source) -> ReadResult {
        var documents = 0
        while true {
            let event: UnsafePointer<yaml_event_t>
            do {
                event = try events.next()
            } catch {
                builder.report(error.rule, error.message, at: error.range, notes: error.notes)
                return finish(syntaxFailed: true)
            }
            let keepGoing: Bool
            switch event.pointee.type {
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
                                   at: marks.range(of: event))
                    return finish(syntaxFailed: false)
                }
                keepGoing = true
            case YAML_SCALAR_EVENT:
                let scalar = event.pointee.data.scalar
                keepGoing = builder.scalar(EventFields.text(of: event), style: EventFields.style(of: scalar.style), tag: EventFields.string(scalar.tag),
                                           anchor: EventFields.string(scalar.anchor), range: marks.range(of: event), print: EventFields.keyPrint(of: event))
            case YAML_SEQUENCE_START_EVENT:
                let start = event.pointee.data.sequence_start
                keepGoing = builder.beginCollection(.sequence, isFlow: start.style == YAML_FLOW_SEQUENCE_STYLE,
                                                    tag: start.implicit != 0 ? nil : EventFields.string(start.tag),
                                                    anchor: EventFields.string(start.anchor), start: marks.start(event.pointee.start_mark))
            case YAML_MAPPING_START_EVENT:
                let start = event.pointee.data.mapping_start
                keepGoing = builder.beginCollection(.mapping, isFlow: start.style == YAML_FLOW_MAPPING_STYLE,
                                                    tag: start.implicit != 0 ? nil : EventFields.string(start.tag),
                                                    anchor: EventFields.string(start.anchor), start: marks.start(event.pointee.start_mark))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                keepGoing = builder.endCollection(end: marks.end(event.pointee.end_mark))
            case YAML_ALIAS_EVENT:
                keepGoing = builder.alias(EventFields.string(event.pointee.data.alias.anchor) ?? "", range: marks.range(of: event))
            default:
                // Stream start and document end: nothing the tree needs.
                keepGoing = true
            }
            if !keepGoing { return finish(syntaxFailed: true) }
        }
    }

    private func finish(syntaxFailed: Bool) -> ReadResult {
        ReadResult(tree: syntaxFailed ? nil : builder.makeTree(), diagnostics: builder.diagnostics)
    }
}
