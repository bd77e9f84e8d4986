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

    /// Reads straight into the array's storage, sized from `stat` (one more byte, to see the end without
    /// growing), doubling only for pipes and files that grew; nothing is zeroed or copied on the way.
    private static func readAll(descriptor: Int32, sizeHint: Int, maxBytes: Int) -> Result<[UInt8], Failure> {
        let cap = maxBytes + 1
        var capacity = min(max(sizeHint + 1, 4096), cap)
        var bytes: [UInt8] = []
        while true {
            var errorNumber: Int32 = 0
            var reachedEnd = false
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = previous.count
                if count > 0 { _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<count]).initialize(from: previous) }
                while count < capacity {
                    let read = Self.read(descriptor, buffer.baseAddress! + count, capacity - count)
                    if read < 0 {
                        if errno == EINTR { continue }
                        errorNumber = errno
                        return
                    }
                    if read == 0 {
                        reachedEnd = true
                        return
                    }
                    count += read
                }
            }
            if errorNumber != 0 { return .failure(Failure(message: "cannot read: \(String(cString: strerror(errorNumber)))")) }
            if reachedEnd || capacity >= cap { return .success(bytes) }
            capacity = min(capacity * 2, cap)
        }
    }

    private static func read(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    private static func lastError() -> Failure {
        Failure(message: "cannot read: \(String(cString: strerror(errno)))")
    }
}
