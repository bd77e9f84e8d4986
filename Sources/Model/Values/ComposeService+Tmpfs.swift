extension ComposeService {
    /// The container paths of the service's `tmpfs` (a string or a list of `PATH[:OPTIONS]`), each
    /// located at its entry. Mount checks read tmpfs mounts beside `volumes`, because Docker puts both
    /// in one table of container paths.
    public var tmpfsPaths: [Located<String>] {
        (node["tmpfs"]?.stringList ?? []).map { entry in
            entry.map { String($0.split(ascii: ":", maxSplits: 1).first ?? "") }
        }
    }
}
