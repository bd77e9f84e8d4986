/// compose-go's `Normalize` and `ResolveRelativePaths` steps, after the long syntax is in place: the
/// implicit `default` network and each service's attachment to it, build defaults, `environment` and
/// build `args` entries without a value taken from the environment, the dependencies `links`,
/// `network_mode: service:…` and `volumes_from` imply, resource names prefixed with the project's,
/// and relative paths made absolute against the project folder.
struct ComposeDefaults {
    var projectName: String
    /// The project folder, absolute.
    var directory: String
    /// The variables Compose resolves `environment: [NAME]` with (the process and `.env`).
    var lookup: (String) -> String?
    /// The home folder, for `~` in paths.
    var home: String?

    func apply(_ model: inout [String: ComposeValue]) {
        attachDefaultNetwork(&model)
        if var services = model["services"]?.map {
            for (name, service) in services {
                guard case .map(var members) = service else { continue }
                normalizeService(&members)
                resolvePaths(&members)
                services[name] = .map(members)
            }
            model["services"] = .map(services)
        }
        nameResources(&model)
        for kind in ["secrets", "configs"] {
            guard var resources = model[kind]?.map else { continue }
            for (name, resource) in resources {
                if case .string(let file)? = resource["file"] { resources[name]?["file"] = .string(absolute(file)) }
            }
            model[kind] = .map(resources)
        }
        if var volumes = model["volumes"]?.map {
            for (name, volume) in volumes where volume["driver"]?.string == "local" {
                guard var options = volume["driver_opts"]?.map, options["o"]?.string == "bind",
                      case .string(let device)? = options["device"] else { continue }
                options["device"] = .string(absolute(device))
                volumes[name]?["driver_opts"] = .map(options)
            }
            model["volumes"] = .map(volumes)
        }
    }

    /// A service that names no network (and has no `network_mode` or `provider`) joins `default`, which
    /// the project then declares if it does not.
    private func attachDefaultNetwork(_ model: inout [String: ComposeValue]) {
        var usesDefault = false
        if var services = model["services"]?.map {
            for (name, service) in services {
                guard var members = service.map, members["provider"] == nil, members["network_mode"] == nil else { continue }
                if let networks = members["networks"]?.map, !networks.isEmpty {
                    if networks["default"] != nil { usesDefault = true }
                } else {
                    members["networks"] = .map(["default": .null])
                    usesDefault = true
                }
                services[name] = .map(members)
            }
            model["services"] = .map(services)
        }
        var networks = model["networks"]?.map ?? [:]
        if usesDefault, networks["default"] == nil { networks["default"] = .null }
        if !networks.isEmpty { model["networks"] = .map(networks) }
    }

    private func normalizeService(_ service: inout [String: ComposeValue]) {
        if service["pull_policy"]?.string == "if_not_present" { service["pull_policy"] = .string("missing") }
        if var build = service["build"]?.map {
            if build["context"] == nil || build["context"] == .null { build["context"] = .string(".") }
            if (build["dockerfile"] ?? .null) == .null, (build["dockerfile_inline"] ?? .null) == .null { build["dockerfile"] = .string("Dockerfile") }
            if let args = build["args"] { build["args"] = resolve(args, keepEmpty: false) }
            service["build"] = .map(build)
        }
        if let environment = service["environment"] { service["environment"] = resolve(environment, keepEmpty: true) }
        var dependsOn = service["depends_on"]?.map ?? [:]
        func implied(_ name: String, restart: Bool) {
            if dependsOn[name] == nil {
                dependsOn[name] = .map(["condition": .string("service_started"), "restart": .bool(restart), "required": .bool(true)])
            }
        }
        for link in service["links"]?.list ?? [] {
            guard let text = link.printed else { continue }
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            implied(parts.count == 2 ? String(parts[0]) : text, restart: true)
        }
        for namespace in ["network_mode", "ipc", "pid", "uts", "cgroup"] {
            if let reference = service[namespace]?.string, reference.hasPrefix("service:") { implied(String(reference.dropFirst(8)), restart: true) }
        }
        if case .list(var volumes)? = service["volumes"] {
            for index in volumes.indices {
                if case .string(let target)? = volumes[index]["target"] { volumes[index]["target"] = .string(PathText.clean(target)) }
            }
            service["volumes"] = .list(volumes)
        }
        for source in service["volumes_from"]?.list ?? [] {
            guard let text = source.printed, !text.hasPrefix("container:") else { continue }
            implied(String(text.split(separator: ":", omittingEmptySubsequences: false)[0]), restart: false)
        }
        if !dependsOn.isEmpty { service["depends_on"] = .map(dependsOn) }
    }

    /// compose-go's `resolve`: a `NAME` entry, or `NAME:` with no value, takes the variable's value;
    /// when it has none the entry stays without a value (`environment`) or is dropped (build `args`).
    private func resolve(_ value: ComposeValue, keepEmpty: Bool) -> ComposeValue {
        switch value {
        case .list(let entries):
            return .list(entries.compactMap { entry in
                guard case .string(let text) = entry, !text.contains("=") else { return entry }
                if let found = lookup(text) { return .string("\(text)=\(found)") }
                return keepEmpty ? entry : nil
            })
        case .map(let members):
            var resolved: [String: ComposeValue] = [:]
            for (key, member) in members {
                if member != .null {
                    resolved[key] = member
                } else if let found = lookup(key) {
                    resolved[key] = .string(found)
                } else if keepEmpty {
                    resolved[key] = .null
                }
            }
            return .map(resolved)
        default:
            return value
        }
    }

    /// A network, volume, secret or config without `name` is named `PROJECT_KEY`, an external one `KEY`.
    private func nameResources(_ model: inout [String: ComposeValue]) {
        for kind in ["networks", "volumes", "configs", "secrets"] {
            guard var resources = model[kind]?.map else { continue }
            for (key, resource) in resources {
                var members = resource.map ?? [:]
                if (members["name"] ?? .null) == .null {
                    let external = members["external"].map(Self.isTrue) ?? false
                    members["name"] = .string(external ? key : "\(projectName)_\(key)")
                }
                resources[key] = .map(members)
            }
            model[kind] = .map(resources)
        }
    }

    private static func isTrue(_ value: ComposeValue) -> Bool {
        switch value {
        case .bool(let flag): flag
        case .string(let text): ["1", "t", "T", "TRUE", "true", "True"].contains(text)
        case .int(let number): number == 1
        default: false
        }
    }

    /// The paths of a service Compose resolves against the project folder.
    private func resolvePaths(_ service: inout [String: ComposeValue]) {
        if var build = service["build"]?.map {
            if case .string(let context)? = build["context"] { build["context"] = .string(contextPath(context)) }
            if var contexts = build["additional_contexts"]?.map {
                for (name, context) in contexts { if case .string(let text) = context { contexts[name] = .string(contextPath(text)) } }
                build["additional_contexts"] = .map(contexts)
            }
            if var keys = build["ssh"]?.map {
                for (id, path) in keys { if case .string(let text) = path { keys[id] = .string(absolute(text)) } }
                build["ssh"] = .map(keys)
            }
            service["build"] = .map(build)
        }
        if case .list(var files)? = service["env_file"] {
            for index in files.indices {
                if case .string(let path)? = files[index]["path"], !path.isEmpty { files[index]["path"] = .string(absolute(path)) }
            }
            service["env_file"] = .list(files)
        }
        if var develop = service["develop"]?.map, case .list(var triggers)? = develop["watch"] {
            for index in triggers.indices {
                if case .string(let path)? = triggers[index]["path"], !path.isEmpty { triggers[index]["path"] = .string(absolute(path)) }
            }
            develop["watch"] = .list(triggers)
            service["develop"] = .map(develop)
        }
        if case .list(var volumes)? = service["volumes"] {
            for index in volumes.indices where volumes[index]["type"]?.string == "bind" {
                if case .string(let source)? = volumes[index]["source"] { volumes[index]["source"] = .string(absolute(source)) }
            }
            service["volumes"] = .list(volumes)
        }
    }

    /// A build context: URLs, `service:` and remote Git contexts stay as written.
    private func contextPath(_ context: String) -> String {
        if context.contains("://") || context.hasPrefix("service:") { return context }
        if ["https://", "http://", "git://", "ssh://", "github.com/", "git@"].contains(where: context.hasPrefix) { return context }
        return context.isEmpty ? context : absolute(context)
    }

    /// `~` expanded, then a relative path joined to the project folder.
    func absolute(_ path: String) -> String {
        var expanded = path
        if let home, path == "~" || path.hasPrefix("~/") { expanded = home + path.dropFirst() }
        return expanded.hasPrefix("/") || ComposeVolumeSyntax.isWindowsAbsolute(expanded) ? expanded : PathText.join(directory, expanded)
    }
}
