import Diagnostics

/// The files of one Compose project laid end to end in one text, each starting on a line of its own: the
/// merged tree's nodes keep their files' positions moved into this text, so every stage runs unchanged
/// on it, and `split` gives each finding back to the file, line and column it was written at.
public struct ProjectText: Sendable {
    /// The concatenated text, named after the first file (the project's folder is the first file's).
    public let file: SourceFile
    /// Each file with the lines and bytes of the text before it.
    private let parts: [(file: SourceFile, lines: Int, bytes: Int)]

    public init(files: [SourceFile]) {
        var builder = Builder()
        for file in files { _ = builder.add(file) }
        self = builder.text
    }

    /// Lays files end to end one at a time, for a loader that learns which files a project has as it
    /// reads them (`extends: {file: …}`, `include:`): each file's place is known when it is added.
    public struct Builder {
        private var bytes: [UInt8] = []
        private var parts: [(file: SourceFile, lines: Int, bytes: Int)] = []
        private var lines = 0

        public init() {}

        /// Appends `file` and returns its place: the lines and bytes of the text before it.
        public mutating func add(_ file: SourceFile) -> (lines: Int, bytes: Int) {
            let start = bytes.count
            let place = (lines: lines, bytes: start)
            parts.append((file, lines, start))
            bytes += file.bytes
            if let last = file.bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
            lines += bytes[start...].lazy.filter { $0 == UInt8(ascii: "\n") }.count
            return place
        }

        /// The text of the files added so far, named after the first.
        public var text: ProjectText {
            ProjectText(file: SourceFile(path: parts.first?.file.path ?? "", bytes: bytes), parts: parts)
        }
    }

    private init(file: SourceFile, parts: [(file: SourceFile, lines: Int, bytes: Int)]) {
        self.file = file
        self.parts = parts
    }

    /// The findings of `report` (about `file`) as reports of the files they are in, in the files' order;
    /// a finding with no position belongs to the first file, one found twice (in a file alone and in the
    /// merged project, or once for each service that extends the service holding the value) is kept once:
    /// the first of a rule's findings at one range. Fixes are left out unless `keepingFixes` (`lint --fix`
    /// of a project): a fix then stays with its finding, its edits moved into that file's bytes, when they
    /// all lie in that file.
    public func split(_ report: FileReport, keepingFixes: Bool = false) -> [FileReport] {
        var found = Array(repeating: [Diagnostic](), count: parts.count)
        var seen: Set<Diagnostic.Identity> = []
        for var diagnostic in report.diagnostics where seen.insert(diagnostic.identity).inserted {
            let part = diagnostic.range.map { self.part(ofLine: $0.start.line) } ?? 0
            diagnostic.range = diagnostic.range.map { local($0, in: part) }
            diagnostic.notes = diagnostic.notes.map { note in
                guard let range = note.range else { return note }
                let notePart = self.part(ofLine: range.start.line)
                if notePart == part { return Diagnostic.Note(message: note.message, range: local(range, in: part)) }
                let place = local(range, in: notePart).start
                return Diagnostic.Note(message: "\(note.message) (\(parts[notePart].file.path):\(place))", range: nil)
            }
            diagnostic.fix = keepingFixes ? diagnostic.fix.flatMap { local($0, in: part) } : nil
            found[part].append(diagnostic)
        }
        return parts.indices.map { FileReport(file: parts[$0].file, diagnostics: found[$0]) }
    }

    /// `fix` as edits of part `index`'s own bytes; nil when an edit lies outside that file.
    private func local(_ fix: Fix, in index: Int) -> Fix? {
        let start = parts[index].bytes
        let end = start + parts[index].file.bytes.count
        guard fix.edits.allSatisfy({ $0.range.lowerBound >= start && $0.range.upperBound <= end }) else { return nil }
        return Fix(title: fix.title, edits: fix.edits.map { Fix.Edit(range: $0.range.lowerBound - start..<$0.range.upperBound - start, replacement: $0.replacement) })
    }

    /// The file and its own range that `range` of the text is in.
    public func locate(_ range: SourceRange) -> (file: SourceFile, range: SourceRange) {
        let part = part(ofLine: range.start.line)
        return (parts[part].file, local(range, in: part))
    }

    /// A finding about file `index` alone, placed in the text.
    public func place(_ diagnostic: Diagnostic, from index: Int) -> Diagnostic {
        var placed = diagnostic
        let move = { (range: SourceRange) in
            SourceRange(start: self.moved(range.start, by: 1, part: index), end: self.moved(range.end, by: 1, part: index))
        }
        placed.range = diagnostic.range.map(move)
        placed.notes = diagnostic.notes.map { Diagnostic.Note(message: $0.message, range: $0.range.map(move)) }
        placed.fix = nil
        return placed
    }

    /// Where file `index` starts in the text: the lines and bytes before it.
    public func offset(of index: Int) -> (lines: Int, bytes: Int) {
        (parts[index].lines, parts[index].bytes)
    }

    /// The bytes of the text that file `index` occupies.
    public func bytes(of index: Int) -> Range<Int> {
        parts[index].bytes..<(index + 1 < parts.count ? parts[index + 1].bytes : file.bytes.count)
    }

    /// The part holding line `line` of the text.
    private func part(ofLine line: Int) -> Int {
        parts.lastIndex { $0.lines < line } ?? 0
    }

    /// `range` of the text as a range of part `index`'s own file (its end kept within that file).
    private func local(_ range: SourceRange, in index: Int) -> SourceRange {
        let start = moved(range.start, by: -1, part: index)
        let end = moved(range.end, by: -1, part: index)
        return end.line > parts[index].file.lineCount + 1 ? SourceRange(at: start) : SourceRange(start: start, end: end)
    }

    /// `location` moved into the text (`direction` 1) or out of it into part `part`'s file (-1).
    private func moved(_ location: SourceLocation, by direction: Int, part: Int) -> SourceLocation {
        SourceLocation(line: location.line + direction * parts[part].lines, column: location.column,
                       offset: location.offset + direction * parts[part].bytes)
    }
}
