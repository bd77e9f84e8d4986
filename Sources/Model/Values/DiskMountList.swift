/// The `volumes` string of a v2 application: the cloud disks it mounts, `NAME:PATH` joined by commas
/// (`rbd1:/data/rbd1,rbd2:/data/rbd2`, PLATFORM_API.md §5). One string holds every mount, so rules that
/// check paths or count disks read it through this parser rather than each splitting it their own way.
public enum DiskMountList {
    public struct Mount: Sendable, Equatable {
        public let disk: String
        /// Nil when the entry has no `:`.
        public let mountPath: String?
    }

    /// The mounts in order; spaces around entries and parts are ignored, empty entries skipped.
    public static func parse(_ text: String) -> [Mount] {
        text.split(ascii: ",", omittingEmpty: true).compactMap { entry in
            let trimmed = entry.trimmingCharacters(in: " \t")
            guard !trimmed.isEmpty else { return nil }
            guard let colon = trimmed.firstIndex(ascii: ":") else { return Mount(disk: trimmed, mountPath: nil) }
            return Mount(disk: trimmed[..<colon].trimmingCharacters(in: " \t"),
                         mountPath: trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: " \t"))
        }
    }
}
