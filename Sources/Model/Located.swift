import Diagnostics
import Syntax

/// A value read from a template together with where it was written, so a rule reports at the exact
/// scalar without ever computing a position itself.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let range: SourceRange
    /// Where the value was read; its path is spelled out when asked for (see `NodePlace`).
    public let place: NodePlace

    /// Spelled out from the tree on each call: for findings, not for reading.
    public var path: NodePath { place.path }

    // Inlinable, as are `map` and `NodeRef.located`: rules build located values in other modules, where
    // an unspecialized generic init looks up `Located<Value>`'s metadata at every call.
    @inlinable
    public init(_ value: Value, range: SourceRange, place: NodePlace) {
        self.value = value
        self.range = range
        self.place = place
    }

    @inlinable
    public func map<Other>(_ transform: (Value) -> Other) -> Located<Other> {
        Located<Other>(transform(value), range: range, place: place)
    }
}
