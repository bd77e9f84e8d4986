#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lexical path arithmetic for configuration lookup: absolute forms without `.` and `..`, and paths
/// relative to a folder. Symbolic links are not resolved, so a path means what the user typed.
public enum AbsolutePath {
    static func make(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : (currentDirectory() ?? "/") + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `file` relative to `directory` when it lies inside it; otherwise `file` unchanged.
    static func relative(_ file: String, to directory: String) -> String {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return file.hasPrefix(base) ? String(file.dropFirst(base.count)) : file
    }

    static func parent(_ path: String) -> String? {
        guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The working folder; nil when it cannot be read (it was removed).
    public static func currentDirectory() -> String? {
        guard let path = getcwd(nil, 0) else { return nil }
        defer { free(path) }
        return String(cString: path)
    }
}
