/// What the caller's environment says about one variable name.
///
/// `unset` and `value("")` are different answers on purpose: Compose's `-`/`?`/`+` operators test "set",
/// while `:-`/`:?`/`:+` test "set and not empty".
public enum VariableLookup: Sendable, Hashable {
    case value(String)
    case unset
    /// Leave the whole expression exactly as written, e.g. for names a server injects at deploy time.
    case preserve
}

/// One variable that interpolation actually evaluated (branches that were not taken are not listed).
public struct VariableReference: Sendable, Hashable {
    public var name: String
    /// UTF-8 offset of the expression's `$` in the input text, so a caller can point at the template.
    public var offset: Int
    /// True for a bare `$NAME` / `${NAME}` whose variable is unset: the case where Compose warns
    /// "The NAME variable is not set. Defaulting to a blank string." An operator (`-`, `?`, `+` …)
    /// means the author thought about "unset", so those never set this.
    public var isUnsetWithoutDefault: Bool

    public init(name: String, offset: Int, isUnsetWithoutDefault: Bool) {
        self.name = name
        self.offset = offset
        self.isUnsetWithoutDefault = isUnsetWithoutDefault
    }
}

/// Why a scalar could not be interpolated. Compose refuses the whole file in both cases, so a caller
/// reports it as an error.
public struct InterpolationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The text is not a valid expression (`${}`, `${A`, `${A:x}` …) or nests deeper than allowed.
        case syntax
        /// `${NAME:?message}` or `${NAME?message}` met an empty or unset variable.
        case required
    }

    public var kind: Kind
    /// The variable the failing expression names, when the text got that far.
    public var variable: String?
    /// For `.required`, the author's message after interpolation (possibly empty); otherwise what is wrong.
    public var message: String
    /// UTF-8 offset of the failing expression's `$` in the input text.
    public var offset: Int

    public init(kind: Kind, variable: String?, message: String, offset: Int) {
        self.kind = kind
        self.variable = variable
        self.message = message
        self.offset = offset
    }

    /// Compose's own wording for a missing required variable, so users recognise it.
    public var description: String {
        guard kind == .required, let variable else { return message }
        return message.isEmpty
            ? "required variable \(variable) is missing a value"
            : "required variable \(variable) is missing a value: \(message)"
    }
}

/// The outcome of interpolating one scalar.
public struct TextInterpolation: Sendable, Hashable {
    /// The substituted text; the input unchanged when `failure` is set, so later stages still have text.
    public var value: String
    /// Every variable evaluated, in evaluation order (an expression's own name before its word's).
    public var references: [VariableReference]
    /// UTF-8 ranges of `value` copied verbatim because the lookup said `.preserve`. Whoever writes
    /// `value` back into a template must not escape the `$` inside these.
    public var preservedRanges: [Range<Int>]
    public var failure: InterpolationFailure?

    public init(value: String, references: [VariableReference] = [], preservedRanges: [Range<Int>] = [],
                failure: InterpolationFailure? = nil) {
        self.value = value
        self.references = references
        self.preservedRanges = preservedRanges
        self.failure = failure
    }
}
