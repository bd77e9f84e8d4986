/// Substitutes Compose variable expressions in one scalar's text, the way `docker compose` does.
///
/// - `$NAME`, `${NAME}` and `${NAME<op>word}` with `op` one of `:-` `-` `:?` `?` `:+` `+`; `$$` is a
///   literal `$`, and a `$` that starts none of these stays as it is.
/// - A word is evaluated whether or not its branch is taken, as compose-go substitutes the default,
///   alternative or message before it looks the variable up: `${A:-${B:?x}}` fails when B is unset even
///   with A set, and the words' unset variables count as referenced. Only a taken branch is output.
///   (The word of a name kept for the server, `${ACS_DEFAULT_DOMAIN:-x}`, is only checked for syntax.)
/// - Substituted values are never interpolated again.
/// - A word nested inside more than `maxDepth` others is a `.syntax` failure rather than a deep stack:
///   the walk keeps its own stack, so no input depth can overflow the thread's.
///
/// A text without `$` is returned as it is, without copying.
public func interpolate(_ text: String, maxDepth: Int = 64,
                        lookup: (Substring) -> VariableLookup) -> TextInterpolation {
    var source = text
    source.makeContiguousUTF8()
    return withoutActuallyEscaping(lookup) { lookup in
        source.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.contains(ComposeGrammar.dollar) else { return TextInterpolation(value: source) }
            var walker = TextWalker(source: source, bytes: bytes, maxDepth: maxDepth, lookup: lookup)
            return walker.run()
        }!
    }
}

/// The state of one `interpolate` call: a left-to-right walk over the bytes with an explicit stack of
/// the expressions whose word is being walked.
private struct TextWalker {
    /// An expression whose word is being walked; popped when the walk reaches its closing brace.
    struct Frame {
        var resumeAt: Int
        var parentEnd: Int
        var parentEvaluates: Bool
        var parentEmits: Bool
        var parentLine: LineCache
        /// Set when the word is the message of a failed `?`/`:?`: popping the frame raises the failure.
        var failedRequirement: (name: String, dollar: Int, messageStart: Int)?
    }

    /// The last `}` on the current line of the current word, remembered so that many expressions on one
    /// long line do not each rescan it (that would be quadratic).
    struct LineCache {
        var lineEnd = -1
        var lastClose = -1
    }

    let source: String
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    let lookup: (Substring) -> VariableLookup

    var output: [UInt8] = []
    var references: [VariableReference] = []
    var preservedRanges: [Range<Int>] = []
    var stack: [Frame] = []
    var position = 0
    /// Where the current word (or the whole text) ends.
    var end: Int
    /// False while walking the word of a name kept for the server: it is only checked.
    var evaluates = true
    /// False while walking a word whose branch is not taken: it is evaluated, but not output.
    var emits = true
    var line = LineCache()

    init(source: String, bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int,
         lookup: @escaping (Substring) -> VariableLookup) {
        self.source = source
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.lookup = lookup
        self.end = bytes.count
    }

    mutating func run() -> TextInterpolation {
        output.reserveCapacity(bytes.count)
        while true {
            if position >= end {
                guard let frame = stack.popLast() else { break }
                if let failed = frame.failedRequirement {
                    let message = String(decoding: output[failed.messageStart...], as: UTF8.self)
                    return failure(.required, variable: failed.name[...], message: message, at: failed.dollar)
                }
                position = frame.resumeAt
                end = frame.parentEnd
                evaluates = frame.parentEvaluates
                emits = frame.parentEmits
                line = frame.parentLine
                continue
            }
            var next = position
            while next < end && bytes[next] != ComposeGrammar.dollar { next += 1 }
            emit(position..<next)
            position = next
            if next < end, let failure = expression(at: next) { return failure }
        }
        return TextInterpolation(value: String(decoding: output, as: UTF8.self), references: references,
                                 preservedRanges: preservedRanges)
    }

    /// Handles the `$` at `dollar`; returns a finished result only when the text fails.
    private mutating func expression(at dollar: Int) -> TextInterpolation? {
        let after = dollar + 1
        guard after < end else {
            emit(dollar..<after)
            position = after
            return nil
        }
        switch bytes[after] {
        case ComposeGrammar.dollar:
            emit(dollar..<after)
            position = after + 1
        case ComposeGrammar.openBrace:
            return braced(at: dollar)
        default:
            let nameEnd = ComposeGrammar.nameEnd(in: bytes, from: after, end: end)
            if nameEnd == after {
                emit(dollar..<after)
                position = after
            } else {
                substitute(name: after..<nameEnd, expression: dollar..<nameEnd)
                position = nameEnd
            }
        }
        return nil
    }

    private mutating func braced(at dollar: Int) -> TextInterpolation? {
        let nameStart = dollar + 2
        let nameEnd = ComposeGrammar.nameEnd(in: bytes, from: nameStart, end: end)
        guard nameEnd > nameStart else {
            return failure(.syntax, variable: nil, message: "invalid interpolation format: \"${\" must be followed "
                + "by a variable name (write \"$$\" for a literal \"$\")", at: dollar)
        }
        let name = text(nameStart..<nameEnd)
        guard nameEnd < end else {
            return failure(.syntax, variable: name, message:
                "invalid interpolation format: \"${\(name)\" is not closed by \"}\"", at: dollar)
        }
        if bytes[nameEnd] == ComposeGrammar.closeBrace {
            substitute(name: nameStart..<nameEnd, expression: dollar..<nameEnd + 1)
            position = nameEnd + 1
            return nil
        }
        guard let (op, wordStart) = ComposeGrammar.parseOperator(in: bytes, at: nameEnd, end: end) else {
            return failure(.syntax, variable: name, message:
                "invalid interpolation format: unexpected \(quotedScalar(at: nameEnd)) after \"${\(name)\"; "
                + "expected \"}\" or one of the operators :- - :? ? :+ +", at: dollar)
        }
        guard let lastClose = lastCloseBraceOnLine(from: wordStart) else {
            return failure(.syntax, variable: name, message:
                "invalid interpolation format: \"\(text(dollar..<wordStart))\" has no closing \"}\" on the same line",
                at: dollar)
        }
        guard stack.count < maxDepth else {
            return failure(.syntax, variable: name, message:
                "variable expressions nested deeper than \(maxDepth) levels", at: dollar)
        }
        let close = ComposeGrammar.closingBrace(in: bytes, dollar: dollar, lastClose: lastClose)
        var frame = Frame(resumeAt: close + 1, parentEnd: end, parentEvaluates: evaluates, parentEmits: emits, parentLine: line)
        var wordEvaluates = false
        var wordEmits = false
        if evaluates {
            let answer = lookup(name)
            references.append(VariableReference(name: String(name), offset: dollar, isUnsetWithoutDefault: false))
            switch answer {
            case .preserve:
                if emits { emitPreserved(dollar..<close + 1) }
            case .unset, .value:
                let value: String
                if case .value(let found) = answer { value = found } else { value = "" }
                wordEvaluates = true
                switch op.outcome(isSet: answer != .unset, isEmpty: value.isEmpty) {
                case .useValue:
                    if emits { output.append(contentsOf: value.utf8) }
                case .useWord:
                    wordEmits = emits
                case .fail:
                    // The message is output to be read back, whichever branch holds the expression.
                    wordEmits = true
                    frame.failedRequirement = (String(name), dollar, output.count)
                }
            }
        }
        stack.append(frame)
        position = wordStart
        end = close
        evaluates = wordEvaluates
        emits = wordEmits
        line = LineCache()
        return nil
    }

    /// `$NAME` or `${NAME}`: the value, nothing for an unset variable, or the text itself when preserved.
    private mutating func substitute(name: Range<Int>, expression: Range<Int>) {
        guard evaluates else { return }
        let answer = lookup(text(name))
        references.append(VariableReference(name: String(text(name)), offset: expression.lowerBound,
                                            isUnsetWithoutDefault: answer == .unset))
        guard emits else { return }
        switch answer {
        case .value(let value): output.append(contentsOf: value.utf8)
        case .unset: break
        case .preserve: emitPreserved(expression)
        }
    }

    /// Compose's `(.*)}` cannot cross a line break: the expression ends at the last `}` of its line.
    private mutating func lastCloseBraceOnLine(from start: Int) -> Int? {
        if start >= line.lineEnd {
            var lineEnd = start
            while lineEnd < end && bytes[lineEnd] != ComposeGrammar.newline { lineEnd += 1 }
            var lastClose = lineEnd - 1
            while lastClose >= start && bytes[lastClose] != ComposeGrammar.closeBrace { lastClose -= 1 }
            line = LineCache(lineEnd: lineEnd, lastClose: lastClose)
        }
        return line.lastClose >= start ? line.lastClose : nil
    }

    private mutating func emit(_ range: Range<Int>) {
        guard evaluates, emits, !range.isEmpty else { return }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
    }

    private mutating func emitPreserved(_ range: Range<Int>) {
        let start = output.count
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        preservedRanges.append(start..<output.count)
    }

    /// The text of a byte range; offsets into a native string's UTF-8 view are O(1).
    private func text(_ range: Range<Int>) -> Substring {
        let utf8 = source.utf8
        return source[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                      ..< utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
    }

    private func quotedScalar(at index: Int) -> String {
        let rest = text(index..<end)
        return "\"" + (rest.unicodeScalars.first.map { $0.escaped(asASCII: false) } ?? "") + "\""
    }

    private func failure(_ kind: InterpolationFailure.Kind, variable: Substring?, message: String,
                         at dollar: Int) -> TextInterpolation {
        let failure = InterpolationFailure(kind: kind, variable: variable.map(String.init), message: message,
                                           offset: dollar)
        return TextInterpolation(value: source, references: references, failure: failure)
    }
}
