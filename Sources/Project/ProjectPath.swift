import Glibc

/// Paths as a project's loader needs them, worked out on the text alone (as Go's `filepath` does):
/// no file system call but `isFolder` and `isFile`, so a path that names no file still joins and a test needs no folder.
public enum ProjectPath {
    /// Whether `path` names a folder.
    public static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` names a regular file (or a link to one).
    static func isFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// `path` resolved against `directory` (unchanged when absolute), cleaned.
    public static func join(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty { return clean(path) }
        return clean(directory + "/" + path)
    }

    /// The folder of `path` ("" for a bare file name, "/" at the root).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndexOfSlash else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last element of `path`.
    static func base(of path: String) -> String {
        path.lastIndexOfSlash.map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// `.` elements dropped and `name/..` pairs removed; a relative path keeps its leading `..`. The
    /// loader names the files `extends` and `include` reach so; a path met otherwise is compared cleaned.
    public static func clean(_ path: String) -> String {
        if isClean(path) { return path }
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// Whether `clean` would leave `path` as it is, told from its bytes without splitting it: no empty,
    /// `.` or `..` element and no trailing `/` (a leading `..`, which `clean` keeps, is left to it too).
    /// Most paths are clean, and lint cleans the path of every report it prints (`ReportedOnce`).
    private static func isClean(_ path: String) -> Bool {
        var length = 0, dots = 0, first = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if length == 0 ? !first : dots == length && dots <= 2 { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
            first = false
        }
        return length > 0 && !(dots == length && dots <= 2)
    }
}

private extension String {
    var lastIndexOfSlash: String.Index? { lastIndex(of: "/") }
}

extension ProjectPath {
    /// `path` written relative to `directory`, both taken as they are written (absolute or relative to
    /// the same folder); `path` itself when one is absolute and the other not.
    static func relative(_ path: String, to directory: String) -> String {
        let path = clean(path), directory = clean(directory)
        guard path.hasPrefix("/") == directory.hasPrefix("/") else { return path }
        let from = directory.split(separator: "/").filter { $0 != "." }
        let to = path.split(separator: "/").filter { $0 != "." }
        let common = zip(from, to).prefix { $0 == $1 }.count
        let parts = Array(repeating: "..", count: from.count - common) + to.dropFirst(common).map(String.init)
        return parts.isEmpty ? "" : parts.joined(separator: "/")
    }
}
