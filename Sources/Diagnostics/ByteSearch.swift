#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searches of a whole file's bytes with the C library's vectorised `memchr`: checks that
/// look for a rare character or word in every file (comment directives, `x-stackc`) would otherwise
/// cost a few instructions per byte of every file linted.
public enum ByteSearch {
    /// The offset of the first `byte` at or after `start`, or nil.
    public static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int = 0) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
    }

    /// Whether `word` occurs anywhere in `bytes`: `memchr` finds each candidate first byte, `memcmp`
    /// compares the rest (glibc's `memmem` is not exported to Swift).
    public static func contains(_ word: String, in bytes: [UInt8]) -> Bool {
        var word = word
        return word.withUTF8 { needle in
            guard let first = needle.first else { return true }
            return bytes.withUnsafeBufferPointer { haystack in
                guard let base = haystack.baseAddress, let wanted = needle.baseAddress else { return false }
                var start = 0
                while haystack.count - start >= needle.count, let found = memchr(base + start, Int32(first), haystack.count - start) {
                    let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    guard haystack.count - offset >= needle.count else { return false }
                    if memcmp(base + offset, wanted, needle.count) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }
}
