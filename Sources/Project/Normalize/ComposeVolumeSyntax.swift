/// compose-go's `format.ParseVolume`: a service's short volume (`./data:/data:ro,z`, `logs:/logs`,
/// `/tmp`) as the long syntax Compose prints, `type` decided by the source (a path starting with `.`,
/// `/` or `~`, or a Windows drive, is a bind mount that Compose creates when missing; anything else a
/// named volume), and the options `ro`/`rw`, `nocopy`, SELinux `z`/`Z` and the propagation modes.
enum ComposeVolumeSyntax {
    static func longSyntax(_ value: ComposeValue) -> ComposeValue {
        guard case .string(let spec) = value else { return value }
        let scalars = Array(spec.unicodeScalars)
        guard scalars.count > 2 else { return .map(["type": .string("volume"), "target": .string(spec)]) }
        var sections: [String] = []
        var buffer = String.UnicodeScalarView()
        var nesting = 0
        for (index, scalar) in scalars.enumerated() {
            if scalar == "$", index + 1 < scalars.count, scalars[index + 1] == "{" {
                nesting += 1
            } else if scalar == "}", nesting > 0 {
                nesting -= 1
            } else if scalar == ":", buffer.count == 1, buffer.first!.properties.isAlphabetic {
                // A Windows drive letter stays in its section.
            } else if scalar == ":", nesting == 0 {
                sections.append(String(buffer))
                buffer = String.UnicodeScalarView()
                continue
            }
            buffer.append(scalar)
        }
        sections.append(String(buffer))
        guard sections.count <= 3, !sections.contains(where: \.isEmpty) else { return value }
        var volume: [String: ComposeValue] = [:]
        var bind: [String: ComposeValue]?
        var options: [String: ComposeValue]?
        if sections.count == 1 {
            volume["target"] = .string(cleanTarget(sections[0]))
        } else {
            volume["source"] = .string(sections[0])
            volume["target"] = .string(cleanTarget(sections[1]))
        }
        for option in sections.count == 3 ? sections[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init) : [] {
            switch option {
            case "ro": volume["read_only"] = .bool(true)
            case "rw": volume["read_only"] = .bool(false)
            case "nocopy": options = ["nocopy": .bool(true)]
            case "z", "Z": bind = (bind ?? [:]).merging(["selinux": .string(option)]) { $1 }
            case "rprivate", "private", "rshared", "shared", "rslave", "slave":
                bind = (bind ?? [:]).merging(["propagation": .string(option)]) { $1 }
            default: break
            }
        }
        if let source = volume["source"]?.string, isFilePath(source) {
            volume["type"] = .string("bind")
            var created = bind ?? [:]
            created["create_host_path"] = .bool(true)
            volume["bind"] = .map(created)
            if let options { volume["volume"] = .map(options) }
        } else {
            volume["type"] = .string("volume")
            volume["volume"] = .map(options ?? [:])
            if let bind { volume["bind"] = .map(bind) }
        }
        return .map(volume)
    }

    /// Go's `path.Clean` of a target: `/data/` is `/data`, `/a/../b` is `/b`.
    static func cleanTarget(_ target: String) -> String {
        target.isEmpty ? target : PathText.clean(target)
    }

    /// A source naming a host path: `.`, `/` or `~` first, a UNC `\\` path, or a Windows drive.
    static func isFilePath(_ source: String) -> Bool {
        guard let first = source.unicodeScalars.first else { return false }
        if first == "." || first == "/" || first == "~" || source.hasPrefix("\\\\") { return true }
        let rest = source.unicodeScalars.dropFirst()
        return rest.first == ":" && first.properties.isAlphabetic
    }
}

extension ComposeVolumeSyntax {
    /// A Windows absolute path (`C:\data`, `C:/data`, `\\server\share`), which Compose leaves as written.
    static func isWindowsAbsolute(_ path: String) -> Bool {
        if path.hasPrefix("\\\\") { return true }
        let scalars = Array(path.unicodeScalars.prefix(3))
        return scalars.count == 3 && scalars[0].properties.isAlphabetic && scalars[1] == ":" && (scalars[2] == "\\" || scalars[2] == "/")
    }
}
