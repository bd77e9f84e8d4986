#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics

/// Writes a fixed file in place of the one it was read from, or says why it did not. Atomic (the
/// file holds the old text or the whole new one, never part), with the file's permission bits kept.
/// A symbolic link is written through: its target gets the new text and the link stays a link, as an
/// editor saving the file would do. Refused: a file that no longer holds the bytes the fixes were made
/// for (changed by someone else since it was read), a read-only file (renaming over it would succeed
/// in a writable folder and silently defeat the permission), and a UTF-16 file (the fixes were made on
/// its UTF-8 reading, and writing that back would change its encoding).
public enum FixWriter {
    /// Nil when written; otherwise the problem, to report against the file.
    public static func write(_ fix: FileFix, to path: String) -> String? {
        var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard realpath(path, &resolved) != nil else { return "cannot resolve \(path): \(String(cString: strerror(errno)))" }
        let target = String(decoding: resolved.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var info = stat()
        guard stat(target, &info) == 0 else { return "cannot read \(path): \(String(cString: strerror(errno)))" }
        // The permission bits too: root may write any file, yet one marked read-only should stay as it is.
        guard access(target, W_OK) == 0, info.st_mode & 0o222 != 0 else { return "\(path) is read-only; not fixed" }
        switch FileBytes.contents(ofFile: target) {
        case .failure(let failure):
            return "cannot read \(path) again: \(failure.message)"
        case .success(let bytes):
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                return "\(path) is UTF-16; --fix writes only UTF-8 files (--fix --diff shows the fixes)"
            }
            guard bytes == fix.original.bytes else { return "\(path) changed since it was read; not fixed (run --fix again)" }
        }
        do {
            try AtomicFile.write(fix.fixed.bytes, to: target, mode: info.st_mode & 0o7777)
        } catch {
            return error.description
        }
        return nil
    }
}
