#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics

/// Reads an input into memory in one pass with plain POSIX calls: files are read once, into the buffer
/// libyaml will parse, and a file larger than the limit is refused before it is read.
public enum FileLoader {
    public struct Failure: Error, Sendable {
        public let message: String
    }

    /// `stdinName` is the name standard input is shown as (`--stdin-filename`), else `<stdin>`.
    public static func load(_ input: Input, maxBytes: Int, stdinName: String? = nil) -> Result<SourceFile, Failure> {
        switch input {
        case .standardInput:
            return readAll(descriptor: 0, sizeHint: 0, maxBytes: maxBytes).map { SourceFile(path: stdinName ?? input.displayName, bytes: $0) }
        case .file(let path):
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return .failure(Failure(message: "cannot read: \(String(cString: strerror(errno)))")) }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { return .failure(Failure(message: "cannot read: \(String(cString: strerror(errno)))")) }
            if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(Failure(message: "cannot read: it is a directory")) }
            return readAll(descriptor: descriptor, sizeHint: Int(info.st_size), maxBytes: maxBytes).map { SourceFile(path: path, bytes: $0) }
        }
    }

    /// Reads until end of file. At most `maxBytes + 1` bytes are kept, so the size limit can be reported
    /// by the reader without reading an unbounded stream into memory.
    private static func readAll(descriptor: Int32, sizeHint: Int, maxBytes: Int) -> Result<[UInt8], Failure> {
        let cap = maxBytes + 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(max(sizeHint, 4096), cap) + 1)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < cap {
            let wanted = min(chunk.count, cap - bytes.count)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(message: "cannot read: \(String(cString: strerror(errno)))"))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .success(bytes)
    }
}
