import Diagnostics
import Interpolation
import Syntax
import Testing

/// The tree-level pass: which scalars are substituted, how they are typed afterwards, and where its
/// findings point.
struct TreeInterpolatorTests {
    func run(_ text: String, _ variables: [String: String] = [:], preserved: Set<String> = []) -> InterpolatedTree {
        var environment = Environment()
        for (name, value) in variables.sorted(by: { $0.key < $1.key }) {
            environment.set(name, value, source: .commandLine)
        }
        let read = YAMLReader.read(SourceFile(path: "t.yaml", text: text))
        #expect(read.diagnostics.isEmpty)
        return TreeInterpolator.interpolate(read.tree!, settings: InterpolationSettings(environment: environment, preservedNames: preserved))
    }

    func value(_ result: InterpolatedTree, _ key: String) -> YAMLNode {
        result.tree[result.tree.value(forKey: key, in: result.tree.root)!]
    }

    func brief(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.rule)@\(diagnostic.range!.start.line):\(diagnostic.range!.start.column)"
    }

    @Test func plainScalarsAreTypedAgainQuotedOnesStayStrings() {
        let result = run("plain: ${N}\nquoted: \"${N}\"\nflag: ${B}\n", ["N": "3", "B": "true"])
        #expect(value(result, "plain").resolved == .int(3))
        #expect(value(result, "quoted").resolved == .string("3"))
        #expect(value(result, "flag").resolved == .bool(true))
        #expect(result.diagnostics.isEmpty)
    }

    /// A `$` written as an escape in a double-quoted scalar is substituted like any other, as
    /// `docker compose config` does (`image: "\x24{FOO}"` with FOO=bar gives `image: bar`): the file
    /// holds no `$` byte, so the search that lets most files skip this pass must not skip it.
    @Test func escapedDollarInADoubleQuotedScalarIsSubstituted() {
        let result = run(#"image: "\x24{FOO}""# + "\n", ["FOO": "bar"])
        #expect(value(result, "image").text == "bar")
    }

    @Test func keysAreNeverInterpolated() {
        let result = run("${SERVICE}:\n  image: ${IMAGE}\n", ["SERVICE": "web", "IMAGE": "nginx"])
        let key = result.tree[result.tree.pairs(of: result.tree.root)[0].key]
        #expect(key.text == "${SERVICE}")
        #expect(result.tree[result.tree.value(forKey: "image", in: result.tree.pairs(of: result.tree.root)[0].value)!].text == "nginx")
    }

    @Test func unsetVariableWarnsAtTheDollarSign() {
        let result = run("services:\n  web:\n    image: \"ünïcode-${TAG}\"\n")
        #expect(result.diagnostics.map(brief) == ["unset-variable@3:21"])
        #expect(result.diagnostics[0].severity == .warning)
        #expect(result.diagnostics[0].path?.description == "services.web.image")
        #expect(result.diagnostics[0].message.hasPrefix("variable TAG is not set"))
    }

    @Test func positionsSurviveEscapesAndBlockScalars() {
        let result = run("a: \"\\t\\u00e9 $X\"\nb: |\n  echo one\n  echo ${Y}\n")
        #expect(result.diagnostics.map(brief) == ["unset-variable@1:14", "unset-variable@4:8"])
    }

    @Test func secondUseOfAnUnsetVariableIsANote() {
        let result = run("a: $X\nb:\n  - ${X}\n  - x $X\n")
        #expect(result.diagnostics.map(brief) == ["unset-variable@1:4"])
        #expect(result.diagnostics[0].notes.map { "\($0.range!.start.line):\($0.range!.start.column)" } == ["3:5", "4:7"])
    }

    @Test func requiredVariableShowsTheAuthorsMessage() {
        let result = run("a: x\nb: ${DB_PASSWORD:?set the database password}\n")
        #expect(result.diagnostics.map(brief) == ["required-variable@2:4"])
        #expect(result.diagnostics[0].message == "required variable DB_PASSWORD is missing a value: set the database password")
    }

    @Test func malformedExpressionIsAnError() {
        let result = run("image: \"nginx:${TAG\"\n")
        #expect(result.diagnostics.map(brief) == ["interpolation-syntax@1:15"])
        #expect(result.diagnostics[0].message.contains("write a literal $ as $$"))
        #expect(result.diagnostics[0].message.contains("\"nginx:${TAG\""))
    }

    @Test func valuesFromTheEnvironmentAreNotExpandedAgain() {
        let result = run("a: ${X}\n", ["X": "${Y} and $$"])
        #expect(value(result, "a").text == "${Y} and $$")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func escapedDollar() {
        let result = run("a: $$HOME costs $$5\n")
        #expect(value(result, "a").text == "$HOME costs $5")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func preservedNamesStayAsWrittenAndAreNotReportedUnset() {
        let result = run("a: ${ACS_DEFAULT_DOMAIN}-$X\n", ["X": "1"], preserved: ["ACS_DEFAULT_DOMAIN"])
        #expect(value(result, "a").text == "${ACS_DEFAULT_DOMAIN}-1")
        #expect(result.diagnostics.isEmpty)
        let id = result.tree.value(forKey: "a", in: result.tree.root)!
        #expect(result.originals[id]?.text == "${ACS_DEFAULT_DOMAIN}-$X")
        #expect(result.originals[id]?.preservedRanges == [0..<21])
    }

    @Test func aliasedScalarsAreSubstitutedAndReportedOnce() {
        let result = run("a: &v ${X}\nb: *v\n")
        #expect(result.diagnostics.map(brief) == ["unset-variable@1:7"])
        #expect(value(result, "b").text == "")
    }

    @Test func referencedNamesInFirstUseOrder() {
        let result = run("a: ${B:-$A}\nb: $C $B\n", ["B": "x"])
        #expect(result.referencedNames == ["B", "A", "C"], "the unused default's variable counts, as in Compose")
    }

    @Test func originalsKeepTheTemplateText() {
        let result = run("secret: ${DB_PASSWORD}\nplain: text\n", ["DB_PASSWORD": "hunter2"])
        let secret = result.tree.value(forKey: "secret", in: result.tree.root)!
        let plain = result.tree.value(forKey: "plain", in: result.tree.root)!
        #expect(result.originals[secret]?.text == "${DB_PASSWORD}")
        #expect(result.originals[plain] == nil)
    }
}
