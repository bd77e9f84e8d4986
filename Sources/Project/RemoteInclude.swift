/// An `include` entry Docker Compose would fetch instead of reading a file: an OCI artifact
/// (`oci://…`, docker/compose's `ociRemoteLoader`) or a git repository (its `gitRemoteLoader`, which
/// takes what buildkit's `ParseGitRef` takes: `git@host:repo`, `ssh://`, `git://`, `github.com/…`,
/// and `http(s)://` URLs whose path ends in `.git`). stackc never fetches, so it cannot check these.
enum RemoteInclude {
    /// What `path` names when Compose would fetch it, nil for a local path.
    static func kind(of path: String) -> String? {
        if path.hasPrefix("oci://") { return "an OCI artifact" }
        if path.hasPrefix("./") || path.hasPrefix("../") { return nil }
        if ["git://", "ssh://", "github.com/"].contains(where: path.hasPrefix) || isSCPLike(path) { return "a git repository" }
        if path.hasPrefix("https://") || path.hasPrefix("http://") {
            // The `.git` suffix is the path's, before a `#ref:subdir` or a `?query`.
            let end = path.firstIndex { $0 == "#" || $0 == "?" } ?? path.endIndex
            return path[..<end].hasSuffix(".git") ? "a git repository" : nil
        }
        return nil
    }

    /// `user@host:path`, git's scp-like syntax (`git@github.com:org/repo.git`).
    private static func isSCPLike(_ path: String) -> Bool {
        guard let at = path.firstIndex(of: "@"), let colon = path[at...].firstIndex(of: ":") else { return false }
        let user = path[..<at], host = path[path.index(after: at)..<colon]
        let isWord = { (text: Substring, extra: String) in
            !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || extra.contains($0)) }
        }
        return isWord(user, "-_") && isWord(host, "-.")
    }
}
