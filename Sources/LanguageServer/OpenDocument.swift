import Diagnostics
import Driver

/// A document the client has open: its text as the client holds it (not what is on disk), kept up to
/// date by `didChange`, and the findings last computed for it.
struct OpenDocument {
    let uri: String
    /// The file's path for `file:` URIs; nil for others, which are not linted.
    let path: String?
    var version: Int?
    private(set) var bytes: [UInt8]
    private(set) var lines: LineIndex
    /// True when the text changed since it was last linted.
    var needsLint = true
    /// The findings of the last lint, and the file they point into.
    var report: FileReport? {
        didSet { (proven, fixed) = (nil, nil) }
    }
    /// `report` with only the fixes `lint --fix` would make, proven when a code action first asks
    /// (each fix costs a lint, and most edits are followed by no such request).
    var proven: FileReport?
    /// The text with every fix `lint --fix` would make, computed when "fix all" is first asked for.
    var fixed: FileFix?

    init(uri: String, version: Int?, text: String, encoding: PositionEncoding) {
        self.uri = uri
        self.path = DocumentURI.path(of: uri)
        self.version = version
        self.bytes = Array(text.utf8)
        self.lines = LineIndex(bytes: bytes, encoding: encoding)
    }

    /// Applies one `TextDocumentContentChangeEvent`: a replacement of a range, or (without `range`)
    /// of the whole text. False when it is malformed.
    mutating func apply(_ change: JSONValue) -> Bool {
        guard let text = change["text"]?.string else { return false }
        guard let rangeValue = change["range"] else {
            replace(0..<bytes.count, with: text)
            return true
        }
        guard let start = TextPosition(rangeValue["start"]), let end = TextPosition(rangeValue["end"]), start <= end else { return false }
        replace(lines.byteOffset(of: start)..<lines.byteOffset(of: end), with: text)
        return true
    }

    private mutating func replace(_ range: Range<Int>, with text: String) {
        bytes.replaceSubrange(range, with: text.utf8)
        lines = LineIndex(bytes: bytes, encoding: lines.encoding)
        needsLint = true
    }
}
