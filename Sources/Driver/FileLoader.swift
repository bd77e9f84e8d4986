import Diagnostics

/// Reads an input into memory in one pass: files are read once, into the buffer libyaml will parse,
/// and reading stops one byte past the size limit, so an oversized input is refused without being held.
public enum FileLoader {
    public typealias Failure = FileBytes.Failure

    /// `stdinName` is the name standard input is shown as (`--stdin-filename`), else `<stdin>`.
    public static func load(_ input: Input, maxBytes: Int, stdinName: String? = nil) -> Result<SourceFile, Failure> {
        switch input {
        case .standardInput:
            return FileBytes.standardInput(maxBytes: maxBytes)
                .map { SourceFile(path: stdinName ?? input.displayName, bytes: $0) }
        case .file(let path):
            return FileBytes.contents(ofFile: path, maxBytes: maxBytes).map { SourceFile(path: path, bytes: $0) }
        }
    }
}
