import Interpolation
import Testing

/// What the Compose oracle cannot show about `.env` files: positions, recovery after an error, and
/// where lookups go.
struct DotEnvTests {
    static func parse(_ text: String,
                      _ outside: [String: String] = [:]) -> (entries: [DotEnvEntry], failures: [DotEnvFailure]) {
        parseDotEnv(text) { outside[String($0)] }
    }

    @Test func entriesKnowWhereTheirKeyIs() {
        let parsed = Self.parse("\u{FEFF}A=1\n  export B=\"two\nlines\"\né=3\nC: yaml\n\tD\n", ["D": "outside"])
        #expect(parsed.failures.isEmpty)
        #expect(parsed.entries == [
            DotEnvEntry(key: "A", value: "1", line: 1, column: 1),
            DotEnvEntry(key: "B", value: "two\nlines", line: 2, column: 10),
            DotEnvEntry(key: "é", value: "3", line: 4, column: 1),
            DotEnvEntry(key: "C", value: "yaml", line: 5, column: 1),
            DotEnvEntry(key: "D", value: "outside", line: 6, column: 2),
        ])
    }

    @Test func laterEntriesWinAndSeeEarlierOnes() {
        let parsed = Self.parse("A=1\nA=${A}2\nB=$A")
        #expect(parsed.entries.map(\.value) == ["1", "12", "12"])
    }

    @Test func theOutsideEnvironmentIsLookedUpBeforeEarlierEntries() {
        let parsed = Self.parse("A=file\nB=$A\nC='$A'", ["A": "outside"])
        #expect(parsed.entries.map(\.value) == ["file", "outside", "$A"])
    }

    @Test func everyBadStatementIsReportedAndTheRestStillParses() {
        let parsed = Self.parse("A B=1\nC$=2\nD=ok\nE=${\nF=fine\n")
        #expect(parsed.failures.map(\.line) == [1, 2, 4])
        #expect(parsed.failures[0].message == "key cannot contain a space")
        #expect(parsed.failures[1].message == "unexpected character \"$\" in variable name \"C$\"")
        #expect(parsed.failures[1].column == 2)
        #expect(parsed.entries.map(\.key) == ["D", "F"])
    }

    @Test func interpolationFailuresPointAtTheDollarEvenAfterEscapes() throws {
        let parsed = Self.parse("A=1\nB=\"\\t\\\\é ${U:?needed}\"")
        let failure = try #require(parsed.failures.first)
        #expect(failure.line == 2)
        #expect(failure.column == 10, "B=\"\\t\\\\é ${ — the `$` is the tenth scalar")
        #expect(failure.message == "required variable U is missing a value: needed")

        let unquoted = try #require(Self.parse("KEY=日本 ${").failures.first)
        #expect(unquoted.column == 8)
    }

    /// Compose's messages quote the line or the value; a value may be a secret, so none is quoted here.
    @Test func aBadStatementsMessageQuotesNoValue() {
        let parsed = Self.parse("DB$PASSWORD=s3cr3t-one\nAPI KEY=s3cr3t-two\nTOKEN=\"s3cr3t-three\n")
        #expect(parsed.failures.count == 3)
        #expect(parsed.failures.map(\.message) == [
            "unexpected character \"$\" in variable name \"DB$PASSWORD\"", "key cannot contain a space",
            "unterminated quoted value: the \" that opens it is never closed",
        ])
        #expect(!parsed.failures.contains { $0.message.contains("s3cr3t") })
    }

    /// Compose reports an unterminated quote on the line where it gave up looking (the end of the file);
    /// the opening quote is what the user has to fix, so we point there.
    @Test func unterminatedQuotePointsAtTheOpeningQuote() throws {
        let parsed = Self.parse("A=1\nB=  \"never closed\nC=3\nD=4\n")
        let failure = try #require(parsed.failures.first)
        #expect((failure.line, failure.column) == (2, 5))
        #expect(failure.message == "unterminated quoted value: the \" that opens it is never closed")
        #expect(parsed.failures.count == 1)
        #expect(parsed.entries.map(\.key) == ["A"])
    }

    @Test func bareKeysCopyOnlyFromOutside() {
        let parsed = Self.parse("A=inside\nA\nB\n", ["A": "outside"])
        #expect(parsed.entries.map(\.value) == ["inside", "outside"])
    }

    @Test func aLastLineWithoutEqualsIsTheEmptyKeysValue() {
        #expect(Self.parse("A=1\nB").entries.last == DotEnvEntry(key: "", value: "B", line: 2, column: 1))
    }
}
