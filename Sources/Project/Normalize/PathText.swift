/// Go's `path.Clean` and `filepath.Join` for the slash-separated paths Compose resolves against the
/// project folder.
enum PathText {
    /// The shortest path naming the same place: repeated `/` and `.` removed, `..` applied lexically.
    static func clean(_ path: String) -> String {
        guard !path.isEmpty else { return "." }
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !rooted { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `filepath.Join(directory, path)`, cleaned.
    static func join(_ directory: String, _ path: String) -> String {
        clean(directory + "/" + path)
    }
}
