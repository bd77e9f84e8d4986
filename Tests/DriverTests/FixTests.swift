import Diagnostics
import Driver
import Foundation
import Interpolation
import Testing
import TestSupport

/// `lint --fix` in-process: which fixes are made, which refused and why, and what reaches the disk.
/// Every expected text here was written by hand.
struct FixTests {
    /// The text after `--fix --diff`'s work in memory, and the titles of the fixes made and refused.
    static func fix(_ text: String, bytes: [UInt8]? = nil) -> (text: String, applied: [String], refused: [String], remaining: [String]) {
        let file = SourceFile(path: "compose.yaml", bytes: bytes ?? Array(text.utf8))
        let result = FixEngine.fix(file) {
            LintPipeline.lint($0, environment: Environment(), directory: "", options: FrontEndOptions())
        }
        return (String(decoding: result.fixed.bytes, as: UTF8.self), result.applied.map(\.fix.title),
                result.refused.map { "\($0.fix.title): \($0.refusal)" }, result.remaining.diagnostics.map(\.message))
    }

    static func run(_ paths: [String], mode: FixMode?) -> JobRun {
        var job = LintJob(paths: paths, options: FrontEndOptions(), environment: EnvironmentOptions(process: []), jobs: 1)
        job.fix = mode
        return JobRun { job.run(output: $0, errors: $1) }
    }

    @Test func fixesKeyTyposValuesAndQuantitiesKeepingEverythingElse() {
        let result = Self.fix("""
        # the stack
        services:
          web:
            image: nginx   # pinned later
            restrat: always
            "dependson": [db]
            deploy: {restart_policy: {condition: on_failure}}
          db:
            image: postgres

        """)
        #expect(result.text == """
        # the stack
        services:
          web:
            image: nginx   # pinned later
            restart: always
            "depends_on": [db]
            deploy: {restart_policy: {condition: on-failure}}
          db:
            image: postgres

        """)
        #expect(result.applied.sorted() == ["rename key 'dependson' to 'depends_on'", "rename key 'restrat' to 'restart'", "replace 'on_failure' with 'on-failure'"].sorted())
        #expect(result.refused.isEmpty && result.remaining.isEmpty)
    }

    @Test func aKeyIsNotRenamedToOneThatIsThereOrWhenTwoAreClose() {
        let result = Self.fix("services:\n  web:\n    image: nginx\n    imag: x\n    net: host\n")
        #expect(result.text == "services:\n  web:\n    image: nginx\n    imag: x\n    net: host\n")
        #expect(result.applied.isEmpty && result.remaining.count == 2)
    }

    @Test func crlfBomTabsAndFlowStyleAreKeptByteForByte() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let text = "services:\r\n  web: {image: nginx,\timage_typo_: x, restrat: always}   # flow\r\n"
        let result = Self.fix("", bytes: bom + Array(text.utf8))
        #expect(Array(result.text.utf8) == bom + Array("services:\r\n  web: {image: nginx,\timage_typo_: x, restart: always}   # flow\r\n".utf8))
        #expect(result.applied == ["rename key 'restrat' to 'restart'"])
    }

    @Test func aFixInsideAnAnchoredNodeThatAnAliasReusesIsRefused() {
        let text = """
        x-base: &base
          image: nginx
          restrat: always
        services:
          web: *base
          api:
            <<: *base
            dependson: [web]

        """
        let result = Self.fix(text)
        #expect(result.text == text.replacingOccurrences(of: "dependson", with: "depends_on"))
        #expect(result.refused.contains { $0.hasPrefix("rename key 'restrat' to 'restart': it would edit a node that an alias or merge key") })
    }

    @Test func aFixThatWouldBringANewFindingIsRefused() {
        // Renaming the key makes its value checked: 'cache' is no service, so the fix is refused.
        let text = "services:\n  web:\n    image: nginx\n    dependson: [cache]\n"
        let result = Self.fix(text)
        #expect(result.text == text)
        #expect(result.refused.count == 1)
        #expect(result.refused.first?.contains("the fixed text would have a new finding: service 'web' depends on 'cache'") == true, "\(result.refused)")
    }

    @Test func reportsThatShowFixesKeepOnlyTheProvenOnes() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("c.yaml", "services:\n  web:\n    image: nginx\n    restrat: always\n    dependson: [cache]\n")
        func fixes(proving: Bool) -> [String] {
            LintPipeline.lint(.file(path), environment: Environment(), options: FrontEndOptions(), provingFixes: proving)
                .reports[0].diagnostics.map { $0.fix?.title ?? "-" }
        }
        #expect(fixes(proving: false) == ["rename key 'restrat' to 'restart'", "rename key 'dependson' to 'depends_on'"])
        #expect(fixes(proving: true) == ["rename key 'restrat' to 'restart'", "-"])
        // With --fix, what remains carries no fix: each was refused.
        let fixed = LintPipeline.fix(.file(path), environment: Environment(), options: FrontEndOptions())
        #expect(fixed.reports[0].diagnostics.map { $0.fix?.title ?? "-" } == ["-"])
    }

    @Test func aValueWrittenWithAVariableOrEscapesIsNeverFixed() {
        let text = "services:\n  web:\n    image: nginx\n    deploy: {restart_policy: {condition: \"on_fail\\x75re\"}}\n"
        let result = Self.fix(text)
        #expect(result.text == text && result.applied.isEmpty && result.remaining.count == 1)
    }

    @Test func onlyTheFirstDocumentIsFixedAndTheSecondIsUntouched() {
        let text = "services:\n  web:\n    image: nginx\n    restrat: always\n---\nservices:\n  web:\n    restrat: always\n"
        let result = Self.fix(text)
        #expect(result.text == "services:\n  web:\n    image: nginx\n    restart: always\n---\nservices:\n  web:\n    restrat: always\n")
    }

    @Test func writesInPlaceKeepingTheModeAndThroughASymlink() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("real.yaml", "services:\n  web:\n    image: nginx\n    restrat: always\n")
        chmod(path, 0o640)
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.yaml"), withDestinationPath: "real.yaml")
        let run = Self.run([folder.path("link.yaml")], mode: .write)
        #expect(run.status == .success, "\(run.errors)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "services:\n  web:\n    image: nginx\n    restart: always\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("link.yaml")) == "real.yaml")
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o640)
        #expect(run.errors.contains("link.yaml:4:5: fixed: rename key 'restrat' to 'restart' [unknown-field]"), "\(run.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["link.yaml", "real.yaml"])
    }

    @Test func theExitStatusReflectsWhatRemains() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("c.yaml", "services:\n  web:\n    image: nginx\n    restrat: always\n    ports: ['70000:80']\n")
        let run = Self.run([path], mode: .write)
        #expect(run.status == .findings)
        #expect(run.output.contains("port") && !run.output.contains("restrat"), "\(run.output)")
        #expect(run.errors.contains("stackc: fixed 1 finding in 1 file"), "\(run.errors)")
    }

    @Test func aReadOnlyFileIsNotWritten() throws {
        let folder = try TemporaryDirectory()
        let text = "services:\n  web:\n    image: nginx\n    restrat: always\n"
        let path = try folder.write("c.yaml", text)
        chmod(path, 0o444)
        let run = Self.run([path], mode: .write)
        #expect(run.status == .failure)
        #expect(run.errors.contains("c.yaml is read-only; not fixed"), "\(run.errors)")
        #expect(run.output.contains("has no key 'restrat'") && !run.errors.contains("fixed:"), "the findings of the file as it stays: \(run.output)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func aFileChangedSinceItWasReadIsNotWritten() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("c.yaml", "services:\n  web:\n    image: nginx\n    restrat: always\n")
        let file = SourceFile(path: path, bytes: Array(try String(contentsOfFile: path, encoding: .utf8).utf8))
        let result = FixEngine.fix(file) { LintPipeline.lint($0, environment: Environment(), directory: folder.path, options: FrontEndOptions()) }
        _ = try folder.write("c.yaml", "services:\n  web:\n    image: httpd\n    restrat: always\n")
        #expect(FixWriter.write(result, to: path) == "\(path) changed since it was read; not fixed (run --fix again)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("httpd"))
    }

    @Test func diffPrintsAPatchAndWritesNothing() throws {
        let folder = try TemporaryDirectory()
        let text = "services:\n  web:\n    image: nginx\n    restrat: always\n    a: 1\n    b: 2\n    c: 3\n    d: 4\n    e: 5\n    dependson: []\n"
        let path = try folder.write("c.yaml", text)
        let run = Self.run([path], mode: .diff)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        #expect(run.output == """
        --- a/\(path)
        +++ b/\(path)
        @@ -1,10 +1,10 @@
         services:
           web:
             image: nginx
        -    restrat: always
        +    restart: always
             a: 1
             b: 2
             c: 3
             d: 4
             e: 5
        -    dependson: []
        +    depends_on: []

        """)
        #expect(run.errors.contains("c.yaml:4:5: fixable: rename key 'restrat' to 'restart' [unknown-field]"), "\(run.errors)")
    }

    @Test func diffHunksAreSeparateWhenFarApartAndMarkAMissingFinalNewline() {
        let old = Array("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk".utf8)
        let new = Array("A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nK".utf8)
        #expect(UnifiedDiff.diff(old, new, path: "x") == """
        --- a/x
        +++ b/x
        @@ -1,4 +1,4 @@
        -a
        +A
         b
         c
         d
        @@ -8,4 +8,4 @@
         h
         i
         j
        -k
        \\ No newline at end of file
        +K
        \\ No newline at end of file

        """)
    }

    /// Two fixes of one scalar overlap: the first is applied, the file linted again, and the second,
    /// recomputed on the new text, applied in the next round.
    @Test func overlappingFixesAreAppliedInLaterRounds() {
        func lint(_ file: SourceFile) -> FileReport {
            let text = String(decoding: file.bytes, as: UTF8.self)
            guard let range = ["ab", "Ab"].lazy.compactMap({ text.range(of: $0) }).first else { return FileReport(file: file, diagnostics: []) }
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            let at = SourceRange(start: SourceLocation(line: 1, column: start + 1, offset: start), end: SourceLocation(line: 1, column: start + 3, offset: start + 2))
            func finding(_ rule: RuleID, _ replacement: String) -> Diagnostic {
                Diagnostic(rule: rule, severity: .error, message: "\(rule)", range: at,
                           fix: Fix(title: "write \(replacement)", edits: [Fix.Edit(range: start..<start + 2, replacement: replacement)]))
            }
            return FileReport(file: file, diagnostics: (text.contains("ab") ? [finding("first", "Ab")] : []) + [finding("second", "AB")])
        }
        let result = FixEngine.fix(SourceFile(path: "c.yaml", text: "v: [ab, cd]\n"), lint: lint)
        #expect(String(decoding: result.fixed.bytes, as: UTF8.self) == "v: [AB, cd]\n")
        #expect(result.applied.map(\.fix.title) == ["write Ab", "write AB"])
        #expect(result.refused.isEmpty && result.remaining.diagnostics.isEmpty)
    }
}
