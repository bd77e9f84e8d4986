/// compose-go's `EnforceUnicity` after the long syntax is in place: in the lists whose entries Compose
/// keys (ports by address, published port, target and protocol, volumes and devices by target,
/// secrets and configs by mount path, `KEY=value` lists by key …), a later entry with the key of an
/// earlier one replaces it in the earlier one's place. So `["3000", "3000-3005"]` publishes 3000 once.
enum ComposeUnicity {
    static func enforce(_ model: inout [String: ComposeValue]) {
        guard var services = model["services"]?.map else { return }
        for (name, service) in services {
            guard case .map(var members) = service else { continue }
            for (key, indexer) in serviceLists {
                if case .list(let entries)? = members[key] { members[key] = .list(unique(entries, by: indexer)) }
            }
            if var build = members["build"]?.map {
                for key in ["args", "additional_contexts", "platform", "tags", "labels"] {
                    if case .list(let entries)? = build[key] { build[key] = .list(unique(entries, by: keyValue)) }
                }
                members["build"] = .map(build)
            }
            if var deploy = members["deploy"]?.map, case .list(let labels)? = deploy["labels"] {
                deploy["labels"] = .list(unique(labels, by: keyValue))
                members["deploy"] = .map(deploy)
            }
            if var networks = members["networks"]?.map {
                for (network, settings) in networks {
                    guard case .map(var attachment) = settings else { continue }
                    for key in ["aliases", "link_local_ips"] {
                        if case .list(let entries)? = attachment[key] { attachment[key] = .list(unique(entries, by: keyValue)) }
                    }
                    networks[network] = .map(attachment)
                }
                members["networks"] = .map(networks)
            }
            services[name] = .map(members)
        }
        model["services"] = .map(services)
    }

    private typealias Indexer = @Sendable (ComposeValue) -> String

    private static let serviceLists: [(String, Indexer)] = [
        ("ports", port), ("volumes", target), ("devices", target), ("expose", { $0.printed ?? "" }),
        ("secrets", mount(defaultFolder: "/run/secrets")), ("configs", mount(defaultFolder: "")),
        ("env_file", { $0["path"]?.printed ?? $0.printed ?? "" }),
    ] + ["annotations", "cap_add", "cap_drop", "dns", "dns_opt", "dns_search", "environment", "labels", "links", "profiles", "sysctls", "tmpfs"]
        .map { ($0, keyValue) }

    /// The entries with the later of two equal keys kept in the earlier one's place.
    private static func unique(_ entries: [ComposeValue], by indexer: Indexer) -> [ComposeValue] {
        var kept: [ComposeValue] = []
        var positions: [String: Int] = [:]
        for entry in entries {
            let key = indexer(entry)
            if let position = positions[key] {
                kept[position] = entry
            } else {
                positions[key] = kept.count
                kept.append(entry)
            }
        }
        return kept
    }

    /// `KEY=value` and `KEY` entries by their key.
    private static func keyValue(_ entry: ComposeValue) -> String {
        let text = entry.printed ?? ""
        return text.firstIndex(of: "=").map { String(text[..<$0]) } ?? text
    }

    private static func target(_ entry: ComposeValue) -> String {
        entry["target"]?.printed ?? entry.printed ?? ""
    }

    /// A port by `host_ip:published:target/protocol`, each printed as Go's `%s` prints it (an unset
    /// published port as `%!s(<nil>)`, a number as `%!s(int=80)`), so entries only match their like.
    private static func port(_ entry: ComposeValue) -> String {
        guard let members = entry.map else { return entry.printed ?? "" }
        let published: String = switch members["published"] {
        case .string(let text)?: text
        case .int(let number)?: "%!s(int=\(number))"
        case nil, .null?: "%!s(<nil>)"
        case let other?: other.printed ?? ""
        }
        let target = members["target"]?.printed ?? ""
        return "\(members["host_ip"]?.printed ?? "0.0.0.0"):\(published):\(target)/\(members["protocol"]?.printed ?? "tcp")"
    }

    private static func mount(defaultFolder: String) -> Indexer {
        { entry in entry["target"]?.printed ?? "\(defaultFolder)/\(entry["source"]?.printed ?? entry.printed ?? "")" }
    }
}
