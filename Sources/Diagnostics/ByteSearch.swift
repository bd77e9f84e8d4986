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

    /// Whether `word` occurs anywhere in `bytes`: `memchr` finds each candidate for the word's byte at
    /// `anchor`, `memcmp` compares the whole word (glibc's `memmem` is not exported to Swift). Anchored at
    /// a byte rare in the text searched (the `x` of `extends`), `memchr` stops far less often than at a
    /// common first letter.
    public static func contains(_ word: String, in bytes: [UInt8], anchor: Int = 0) -> Bool {
        var word = word
        return word.withUTF8 { needle in
            guard anchor < needle.count else { return needle.isEmpty }
            return bytes.withUnsafeBufferPointer { haystack in
                guard let base = haystack.baseAddress, let wanted = needle.baseAddress else { return false }
                var start = anchor
                while haystack.count - start >= needle.count - anchor,
                      let found = memchr(base + start, Int32(needle[anchor]), haystack.count - start) {
                    let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) - anchor
                    guard haystack.count - offset >= needle.count else { return false }
                    if memcmp(base + offset, wanted, needle.count) == 0 { return true }
                    start = offset + anchor + 1
                }
                return false
            }
        }
    }
}
