import Diagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How `lint` of files and folders recognises a Compose override fragment, a file Compose users only
/// ever pass after its base (`docker compose -f compose.yaml -f compose.override.yaml`): its name is its
/// base's with an `override` part before the extension, and that base is beside it
/// (`compose.override.yaml`, `docker-compose.override.yml`, `app.override.yml` beside `app.yml`). Dropping
/// parts from the end finds the nearest base, so `docker-compose.test.override.yaml` belongs to
/// `docker-compose.test.yaml` when there is one, else to `docker-compose.yaml`. Other variants
/// (`compose.prod.yaml`) are often complete files run alone (`docker-compose.exporters.yml` in the shared
/// corpus conflicts with its neighbour merged), so only their name cannot tell.
enum ProjectFragment {
    static let extensions = ["yaml", "yml"]

    /// The base file the fragment at `path` is merged onto, or nil when `path` is no fragment.
    static func base(of path: String) -> String? {
        // Bytes, not Characters (a `/` is never inside another character's bytes), and one search that
        // rules out the files that are no fragment: this runs for every file lint reads.
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let name = slash.map { String(path[path.utf8.index(after: $0)...]) } ?? path
        guard ByteSearch.contains("override", in: Array(name.utf8)) else { return nil }
        let folder = slash.map { String(path[...$0]) } ?? ""
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, let last = parts.last, extensions.contains(last), parts.dropFirst().dropLast().contains("override") else { return nil }
        parts.removeLast()
        while parts.count > 1 {
            parts.removeLast()
            let stem = folder + parts.joined(separator: ".")
            for candidate in extensions.map({ stem + "." + $0 }) where access(candidate, F_OK) == 0 { return candidate }
        }
        return nil
    }
}
