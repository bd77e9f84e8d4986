import Diagnostics

/// What `lint --fix` did to one file in memory: the text after every fix proven safe, the fixes made
/// and refused (with why), and the findings that remain. Nothing here has touched the disk
/// (`FixWriter` does that), so the same result serves `--fix`, `--fix --diff` and the tests.
public struct FileFix: Sendable {
    /// A fix and the finding it resolved, as reported in the text it was applied to.
    public struct Change: Sendable {
        public let finding: Diagnostic
        public let fix: Fix
        /// Empty for a fix made; otherwise why it was not.
        public let refusal: String
    }

    public let original: SourceFile
    public let fixed: SourceFile
    public let applied: [Change]
    public let refused: [Change]
    /// The findings of the text as it was read, for a file the fixes could not be written to.
    public let found: FileReport
    /// The findings of the fixed text: what is left to do by hand.
    public let remaining: FileReport

    public var changed: Bool { fixed.bytes != original.bytes }
}
