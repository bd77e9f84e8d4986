import Interpolation
import Testing

/// What the Compose oracle cannot show: positions, preserved names, laziness and limits.
struct TextInterpolationTests {
    /// A lookup over a fixed table that also records which names were asked for.
    final class Table: @unchecked Sendable {
        let values: [String: String]
        let preserved: Set<String>
        var asked: [String] = []

        init(_ values: [String: String] = [:], preserved: Set<String> = []) {
            self.values = values
            self.preserved = preserved
        }

        func callAsFunction(_ name: Substring) -> VariableLookup {
            asked.append(String(name))
            if preserved.contains(String(name)) { return .preserve }
            return values[String(name)].map(VariableLookup.value) ?? .unset
        }
    }

    static func utf8Offset(of needle: String, in text: String) -> Int {
        let range = text.range(of: needle)!
        return text.utf8.distance(from: text.startIndex, to: range.lowerBound)
    }

    @Test func textWithoutDollarComesBackAsIs() {
        let table = Table()
        let result = interpolate("plain text, no variables") { table($0) }
        #expect(result == TextInterpolation(value: "plain text, no variables"))
        #expect(table.asked.isEmpty)
    }

    @Test func referencesCarryTheOffsetOfTheirDollarAfterMultiByteText() {
        let text = "été $U and ${V} then ${W:-x} 日本$SET"
        let result = interpolate(text) { Table(["SET": "1"])($0) }
        #expect(result.failure == nil)
        #expect(result.value == "été  and  then x 日本1")
        #expect(result.references == [
            VariableReference(name: "U", offset: Self.utf8Offset(of: "$U", in: text), isUnsetWithoutDefault: true),
            VariableReference(name: "V", offset: Self.utf8Offset(of: "${V}", in: text), isUnsetWithoutDefault: true),
            VariableReference(name: "W", offset: Self.utf8Offset(of: "${W", in: text), isUnsetWithoutDefault: false),
            VariableReference(name: "SET", offset: Self.utf8Offset(of: "$SET", in: text),
                              isUnsetWithoutDefault: false),
        ])
    }

    @Test func onlyBareReferencesToUnsetVariablesWarn() {
        let result = interpolate("$U ${U} ${U-} ${U:-} ${U+x} ${U:+x} ${E} ${E:-}") { Table(["E": ""])($0) }
        #expect(result.references.map(\.isUnsetWithoutDefault) == [true, true, false, false, false, false, false, false])
    }

    @Test func requiredFailurePointsAtItsDollarAndKeepsTheMessage() throws {
        let text = "日本 ${OK} ${NEED:?set NEED to ${OK}}"
        let result = interpolate(text) { Table(["OK": "ok"])($0) }
        let failure = try #require(result.failure)
        #expect(failure.kind == .required)
        #expect(failure.variable == "NEED")
        #expect(failure.message == "set NEED to ok")
        #expect(failure.offset == Self.utf8Offset(of: "${NEED", in: text))
        #expect(failure.description == "required variable NEED is missing a value: set NEED to ok")
        #expect(result.value == text, "a failed scalar keeps its text")
    }

    @Test func requiredFailureWithoutMessageUsesComposeWording() throws {
        let failure = try #require(interpolate("${E:?}") { Table(["E": ""])($0) }.failure)
        #expect(failure.message == "")
        #expect(failure.description == "required variable E is missing a value")
    }

    @Test func syntaxFailurePointsAtItsDollarAfterMultiByteText() throws {
        for (text, needle) in [("é ${", "${"), ("ü${A}日${B:x}", "${B"), ("€ ${A:-x\n}", "${A:-"), ("😀${ }", "${ ")] {
            let failure = try #require(interpolate(text) { Table()($0) }.failure, "\(text)")
            #expect(failure.kind == .syntax)
            #expect(failure.offset == Self.utf8Offset(of: needle, in: text), "\(text)")
        }
    }

    @Test func syntaxMessagesSayWhatIsWrong() {
        func message(_ text: String) -> String? { interpolate(text) { _ in .unset }.failure?.message }
        #expect(message("${}")?.contains("must be followed by a variable name") == true)
        #expect(message("${NAME")?.contains("\"${NAME\" is not closed") == true)
        #expect(message("${NAME=x}")?.contains("unexpected \"=\" after \"${NAME\"") == true)
        #expect(message("${NAME:-x")?.contains("\"${NAME:-\" has no closing \"}\"") == true)
    }

    @Test func preservedExpressionsAreCopiedVerbatimAndRecorded() {
        let text = "é${P:-d}-$P-${U:-${P}}-${P:?unused ${}x}"
        let table = Table(preserved: ["P"])
        let result = interpolate(text) { table($0) }
        // A syntax error stays an error even inside a preserved expression: the server would see it too.
        #expect(result.failure?.kind == .syntax)

        let valid = "é${P:-d}-$P-${U:-${P}}"
        let ok = interpolate(valid) { table($0) }
        #expect(ok.failure == nil)
        #expect(ok.value == "é${P:-d}-$P-${P}")
        let bytes = Array(ok.value.utf8)
        let preserved = ok.preservedRanges.map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(preserved == ["${P:-d}", "$P", "${P}"])
        #expect(ok.preservedRanges.first == 2..<9)
    }

    /// As compose-go does, a word is evaluated before the variable is looked at: an unused branch's `?`
    /// fails and its variables are referenced, but only the branch taken is output.
    @Test func unusedBranchesAreEvaluatedButNotOutput() {
        let table = Table(["A": "a", "B": "b", "D": "d"])
        let result = interpolate("${A:-${B:?never}} ${A-$C} ${U:+${D:?never}}") { table($0) }
        #expect(result.failure == nil)
        #expect(result.value == "a a ")
        #expect(table.asked == ["A", "B", "A", "C", "U", "D"])
        #expect(result.references.map(\.name) == ["A", "B", "A", "C", "U", "D"])
        let failing = interpolate("${A:-${B:?never}}") { Table(["A": "a"])($0) }
        #expect(failing.failure?.kind == .required && failing.failure?.variable == "B")
        let alternative = interpolate("${U:+${U2:?x}}") { Table([:])($0) }
        #expect(alternative.failure?.variable == "U2")
    }

    @Test func unusedBranchesAreStillCheckedForSyntax() {
        #expect(interpolate("${A:-${}}") { _ in .value("a") }.failure?.kind == .syntax)
        #expect(interpolate("${A:+x}${B-${C:y}}") { _ in .value("b") }.failure?.kind == .syntax)
    }

    @Test func substitutedValuesAreNeverInterpolatedAgain() {
        let table = Table(["A": "${B:?boom} $C $$ ${", "D": "$A"])
        let result = interpolate("$A|${U:-$D}|${A:+$D}") { table($0) }
        #expect(result.failure == nil)
        #expect(result.value == "${B:?boom} $C $$ ${|$A|$A")
        #expect(table.asked == ["A", "U", "D", "A", "D"])
    }

    @Test func dollarEscapes() {
        let result = interpolate("$$A $${A} $$$A $ $1 a$") { _ in .value("x") }
        #expect(result.value == "$A ${A} $x $ $1 a$")
    }

    @Test func nestingUpToMaxDepthWorksAndOneMoreFails() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "${U:-", count: depth) + "end" + String(repeating: "}", count: depth)
        }
        #expect(interpolate(nested(3), maxDepth: 3) { _ in .unset }.value == "end")
        let failure = try #require(interpolate(nested(4), maxDepth: 3) { _ in .unset }.failure)
        #expect(failure.kind == .syntax)
        #expect(failure.message == "variable expressions nested deeper than 3 levels")
        #expect(failure.offset == 15, "the fourth `${`")
        #expect(interpolate(nested(64)) { _ in .unset }.value == "end")
        #expect(interpolate(nested(65)) { _ in .unset }.failure?.message
                == "variable expressions nested deeper than 64 levels")
    }

    @Test func fiveThousandLevelsNeitherOverflowTheStackNorPass() throws {
        let deep = String(repeating: "${A:-", count: 5000) + "x" + String(repeating: "}", count: 5000)
        let failure = try #require(interpolate(deep) { _ in .unset }.failure)
        #expect(failure.kind == .syntax)
        #expect(failure.offset == 64 * 5)
        // With the limit raised the walk still uses its own stack, not the thread's.
        let result = interpolate(deep, maxDepth: 10_000) { _ in .unset }
        #expect(result.failure == nil)
        #expect(result.value == "x")
        let unterminated = String(repeating: "${A:-", count: 5000)
        #expect(interpolate(unterminated, maxDepth: 10_000) { _ in .unset }.failure?.kind == .syntax)
    }

    @Test(.timeLimit(.minutes(1)))
    func manyExpressionsOnOneLongLineStayLinear() {
        let text = String(repeating: "${U:-x}", count: 50_000) + " }"
        let result = interpolate(text) { _ in .unset }
        #expect(result.value == String(repeating: "x", count: 50_000) + " }")
    }
}
