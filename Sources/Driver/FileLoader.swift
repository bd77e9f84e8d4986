import Diagnostics

/// Reads an input into memory in one pass: files are read once, into the buffer libyaml will parse,
/// and a file larger than the limit is refused before it is read.
public enum FileLoader {
    public struct Failure: Error, Sendable {
        public let message: String
    }

    /// `stdinName` is the name standard input is shown as (`--stdin-filename`), else `<stdin>`.
    public static func load(_ input: Input, maxBytes: Int, stdinName: String? = nil) -> Result<SourceFile, Failure> {
        switch input {
        case .standardInput:
            return FileBytes.standardInput(maxBytes: maxBytes)
                .map { SourceFile(path: stdinName ?? input.displayName, bytes: $0) }.mapError { Failure(message: $0.message) }
        case .file(let path):
            return FileBytes.contents(ofFile: path, maxBytes: maxBytes).map { SourceFile(path: path, bytes: $0) }.mapError { Failure(message: $0.message) }
        }
    }
}
