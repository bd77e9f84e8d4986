#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file or standard input with plain POSIX calls. Every stage that reads user files
/// (templates, env files, credentials, request bodies) goes through here, so none of them pulls in
/// Foundation, whose start-up would cost a pre-commit run more than linting a file does.
public enum FileBytes {
    public struct Failure: Error, Sendable {
        /// `cannot read: No such file or directory`.
        public let message: String
    }

    /// Reads `path` into memory. At most `maxBytes + 1` bytes are kept, so the caller can report a size
    /// limit without an unbounded file being read into memory.
    public static func contents(ofFile path: String, maxBytes: Int = .max - 1) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(lastError()) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(lastError()) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(Failure(message: "cannot read: it is a directory")) }
        return readAll(descriptor: descriptor, sizeHint: Int(info.st_size), maxBytes: maxBytes)
    }

    /// Reads standard input to its end (see `contents(ofFile:maxBytes:)` for the bound).
    public static func standardInput(maxBytes: Int = .max - 1) -> Result<[UInt8], Failure> {
        readAll(descriptor: 0, sizeHint: 0, maxBytes: maxBytes)
    }

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
                return .failure(lastError())
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .success(bytes)
    }

    private static func lastError() -> Failure {
        Failure(message: "cannot read: \(String(cString: strerror(errno)))")
    }
}
