/// A point in a source file. Line and column are 1-based as every editor and CI annotation expects;
/// the column counts Unicode scalars (libyaml's unit, and SARIF's `unicodeCodePoints`), while the byte
/// offset travels along so snippets can be sliced without re-decoding.
///
/// Stored in 32 bits each: every node of every tree holds two of these, and halving them shrinks a
/// large file's tree by a third. Files are bounded below 4 GiB (`SourceLocation.largestOffset`), so
/// nothing a reader produces is clamped.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    @usableFromInline var rawLine: UInt32
    @usableFromInline var rawColumn: UInt32
    @usableFromInline var rawOffset: UInt32

    /// The largest line, column or byte offset a location holds; larger values are clamped to it.
    public static let largestOffset = Int(UInt32.max)

    @inlinable public var line: Int {
        get { Int(rawLine) }
        set { rawLine = UInt32(clamping: newValue) }
    }
    @inlinable public var column: Int {
        get { Int(rawColumn) }
        set { rawColumn = UInt32(clamping: newValue) }
    }
    @inlinable public var offset: Int {
        get { Int(rawOffset) }
        set { rawOffset = UInt32(clamping: newValue) }
    }

    // Always inlined: the reader makes two for every event, and a call costs more than the clamping.
    @inlinable @inline(__always)
    public init(line: Int, column: Int, offset: Int) {
        rawLine = UInt32(clamping: line)
        rawColumn = UInt32(clamping: column)
        rawOffset = UInt32(clamping: offset)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.rawLine, lhs.rawColumn) < (rhs.rawLine, rhs.rawColumn)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open span `[start, end)` in one file; `end` is the position just after the last character,
/// which is also what SARIF's `endColumn` means.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// An empty range at one point, for problems that have a position but no extent.
    public init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }

    public var description: String { "\(start)-\(end)" }
}
