@testable import Project
import Testing

/// The pieces of `render --normalize` that print as Go prints, each value checked against what Docker
/// Compose v2.40.3 printed for it (the cases of Tests/DriverTests/Fixtures/compose-normalize.jsonl named
/// beside each group).
struct ComposeNormalizeFormatTests {
    /// `time.Duration.String` (synthetic/durations/*).
    @Test(arguments: [
        (Int64(0), "0s"), (90_000_000_000, "1m30s"), (86_400_000_000_000, "24h0m0s"), (604_800_000_000_000, "168h0m0s"),
        (1_500_000_000, "1.5s"), (1_500_000, "1.5ms"), (250_000_000, "250ms"), (100_000, "100\u{B5}s"), (10, "10ns"),
        (5_400_000_000_000, "1h30m0s"), (-5_000_000_000, "-5s"),
    ])
    func durationsAsGoPrintsThem(nanoseconds: Int64, printed: String) {
        #expect(GoDuration.string(nanoseconds) == printed)
    }

    /// `fmt.Sprint` of a float, how a number becomes a string value (numbers/environment-floats).
    @Test(arguments: [(1e21, "1e+21"), (0.0000001, "1e-07"), (1.0, "1"), (1_000_000.0, "1e+06"), (3.14159, "3.14159"),
                      (1.5, "1.5"), (0.0001, "0.0001"), (123456789.0, "1.23456789e+08"), (-2.5, "-2.5")])
    func floatsAsFmtSprintPrintsThem(value: Double, printed: String) {
        #expect(GoNumber.formatG(value) == printed)
    }

    /// `encoding/json` of a float (numbers/extension-floats, numbers/floats).
    @Test(arguments: [(1e21, 64, "1e+21"), (0.0000001, 64, "1e-7"), (1.0, 64, "1"), (-2.5, 64, "-2.5"), (0.1, 32, "0.1"),
                      (0.333, 32, "0.333"), (12345678901, 64, "12345678901")])
    func floatsAsEncodingJSONPrintsThem(value: Double, bits: Int, printed: String) {
        #expect(GoNumber.formatJSON(value, bits: bits) == printed)
    }

    /// Strings escaped the HTML-safe way, `$` left for the caller (environment/html).
    @Test func stringsEscapedAsGoEscapesThem() {
        #expect(GoJSON.indented(.string("<a href=\"x\">&amp;</a>\t\n\u{1}\u{2028}é")) == #""\u003ca href=\"x\"\u003e\u0026amp;\u003c/a\u003e\t\n\u0001\u2028é""#)
        #expect(GoJSON.indented(.object([.init("a", .array([])), .init("b", .object([]))])) == "{\n  \"a\": [],\n  \"b\": {}\n}")
    }

    /// `ExtractVariables`, its regular expression's greed included (interpolation/*).
    @Test func variablesFoundAsComposeFindsThem() {
        let found = ComposeVariables.variables(in: "${A:-x}-${B:+y} $C ${D?no} $$E ${F:-${G:-z}}")
        #expect(Set(found.map(\.name)) == ["A", "B", "C", "D", "F", "G"])
        let byName = Dictionary(found.map { ($0.name, $0) }) { _, last in last }
        #expect(byName["A"]?.defaultValue == "x")
        #expect(byName["B"]?.presenceValue == "y")
        #expect(byName["D"]?.required == true)
        #expect(byName["E"] == nil, "$$ escapes")
        #expect(byName["F"]?.defaultValue == "${G:-z}")
        #expect(byName["G"]?.defaultValue == "z")
    }

    /// The table's columns: at least 20 wide, 3 spaces after the widest cell, the last unpadded.
    @Test func variablesTablePadsAsTabwriter() {
        let table = ComposeVariables.table([.init(name: "A_VERY_LONG_VARIABLE_NAME", defaultValue: "1", presenceValue: "", required: true)])
        #expect(table == """
            NAME                        REQUIRED            DEFAULT VALUE       ALTERNATE VALUE
            A_VERY_LONG_VARIABLE_NAME   true                1                   

            """)
    }

    /// `format.ParseVolume` (volumes/*).
    @Test func volumeShortSyntaxAsParseVolumeReadsIt() {
        let volume = ComposeVolumeSyntax.longSyntax(.string("./a:/data/:ro,z"))
        #expect(volume == .map(["type": .string("bind"), "source": .string("./a"), "target": .string("/data"), "read_only": .bool(true),
                                "bind": .map(["selinux": .string("z"), "create_host_path": .bool(true)])]))
        #expect(ComposeVolumeSyntax.longSyntax(.string("a:b:c:d"))["source"] == .string("a:b"), "a one-letter source reads as a Windows drive")
        #expect(ComposeVolumeSyntax.longSyntax(.string("/tmp")) == .map(["type": .string("volume"), "target": .string("/tmp"), "volume": .map([:])]))
    }
}
