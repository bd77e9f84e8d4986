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

    init(file: SourceFile, limits: ReaderLimits) {
        self.file = file
        self.builder = TreeBuilder(file: file, limits: limits)
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>, pipelined: Bool) -> ReadResult {
        if pipelined, let pipe = EventPipe(file: file, buffer: buffer) {
            defer { pipe.finish() }
            var events = PipedEvents(pipe: pipe, file: file)
            return run(&events)
        }
        var events = DirectEvents(file: file, buffer: buffer)
        return run(&events)
    }

    private mutating func run<Source: EventSource>(_ events: inout Source) -> ReadResult {
        var documents = 0
        while true {
            let keepGoing: Bool
            switch events.next() {
            case .streamEnd:
                if documents == 0 {
                    builder.report(.emptyDocument, "the file holds no YAML document (it is empty or only comments); a template is a mapping",
                                   at: SourceRange(at: SourceLocation(line: 1, column: 1, offset: file.lineStarts[0])))
                }
                return finish(syntaxFailed: false)
            case .failure(let failure):
                builder.report(failure.rule, failure.message, at: failure.range, notes: failure.notes)
                return finish(syntaxFailed: true)
            case .documentStart(let range):
                documents += 1
                if documents > 1 {
                    builder.report(.multipleDocuments, "a second YAML document starts here; stackc reads one template per file, so split the documents into separate files",
                                   at: range)
                    return finish(syntaxFailed: false)
                }
                keepGoing = true
            case let .scalar(text, style, tag, anchor, range):
                keepGoing = builder.scalar(text, style: style, tag: tag, anchor: anchor, range: range)
            case let .collectionStart(kind, isFlow, tag, anchor, start):
                keepGoing = builder.beginCollection(kind, isFlow: isFlow, tag: tag, anchor: anchor, start: start)
            case .collectionEnd(let end):
                keepGoing = builder.endCollection(end: end)
            case let .alias(name, range):
                keepGoing = builder.alias(name, range: range)
            case .ignored:
                keepGoing = true
            }
            if !keepGoing { return finish(syntaxFailed: true) }
        }
    }

    private func finish(syntaxFailed: Bool) -> ReadResult {
        ReadResult(tree: syntaxFailed ? nil : builder.makeTree(), diagnostics: builder.diagnostics)
    }
}
