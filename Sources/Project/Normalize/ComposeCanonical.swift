import Model

/// compose-go's `transform` and `SetDefaultValues` steps: every short syntax rewritten into its long
/// form, with the defaults the long form implies (`ports: ["8080:80"]` becomes
/// `{mode: ingress, target: 80, published: "8080", protocol: tcp}`, a volume string its
/// `{type, source, target, bind: {create_host_path: true}}`, a `depends_on` list its conditions …).
/// Runs on a model Compose accepts; a value that does not parse is left as written.
enum ComposeCanonical {
    static func transform(_ model: inout [String: ComposeValue]) {
        if var services = model["services"]?.map {
            for (name, service) in services {
                guard case .map(var members) = service else { continue }
                transformService(&members)
                services[name] = .map(members)
            }
            model["services"] = .map(services)
        }
        for kind in ["volumes", "networks", "secrets", "configs"] {
            guard var resources = model[kind]?.map else { continue }
            for (name, resource) in resources { resources[name] = maybeExternal(resource) }
            model[kind] = .map(resources)
        }
    }

    private static func transformService(_ service: inout [String: ComposeValue]) {
        if case .string(let context)? = service["build"] { service["build"] = .map(["context": .string(context)]) }
        if var build = service["build"]?.map {
            if build["context"] == nil { build["context"] = .string(".") }
            build["secrets"] = build["secrets"]?.list.map { .list($0.map(fileMount)) } ?? build["secrets"]
            build["additional_contexts"] = build["additional_contexts"].map(keyValueMap)
            if case .list(let keys)? = build["ssh"] { build["ssh"] = .map(sshKeys(keys)) }
            for key in ["provenance", "sbom"] where build[key] != nil && build[key]?.string == nil {
                build[key] = build[key]?.printed.map(ComposeValue.string)
            }
            service["build"] = .map(build)
        }
        service["depends_on"] = service["depends_on"].map(dependsOn)
        if let envFile = service["env_file"] {
            let entries = envFile.list ?? [envFile]
            service["env_file"] = .list(entries.map { entry in
                if case .string(let path) = entry { return .map(["path": .string(path), "required": .bool(true)]) }
                guard var members = entry.map else { return entry }
                if members["required"] == nil { members["required"] = .bool(true) }
                return .map(members)
            })
        }
        if case .string(let text)? = service["dns"] { service["dns"] = .list([.string(text)]) }
        if case .string(let count)? = service["gpus"] {
            service["gpus"] = .list([.map(["count": .string(count)])])
        }
        for key in ["networks", "models"] {
            if case .list(let names)? = service[key] {
                service[key] = .map(Dictionary(names.compactMap { $0.printed.map { ($0, ComposeValue.null) } }) { first, _ in first })
            }
        }
        if case .list(let volumes)? = service["volumes"] { service["volumes"] = .list(volumes.map(ComposeVolumeSyntax.longSyntax)) }
        if case .list(let devices)? = service["devices"] { service["devices"] = .list(devices.map(device)) }
        for key in ["secrets", "configs"] {
            guard case .list(let mounts)? = service[key] else { continue }
            service[key] = .list(mounts.map { mount in
                var long = fileMount(mount)
                if key == "secrets", long["target"] == nil, let source = long["source"]?.printed {
                    long["target"] = .string("/run/secrets/" + source)
                }
                return long
            })
        }
        if case .list(let ports)? = service["ports"] { service["ports"] = .list(ports.flatMap(ports(of:))) }
        if var deploy = service["deploy"]?.map, var resources = deploy["resources"]?.map,
           var reservations = resources["reservations"]?.map, case .list(let devices)? = reservations["devices"] {
            reservations["devices"] = .list(devices.map(deviceRequestDefaults))
            resources["reservations"] = .map(reservations)
            deploy["resources"] = .map(resources)
            service["deploy"] = .map(deploy)
        }
        if case .list(let gpus)? = service["gpus"] { service["gpus"] = .list(gpus.map(deviceRequestDefaults)) }
    }

    /// `ports` entries: a short one becomes one long entry per port of its ranges (Docker's
    /// `nat.ParsePortSpecs` keys them `80/tcp` and Compose sorts the keys as text, so `9-10` lists 10
    /// first); a long one gains `protocol: tcp` and `mode: ingress`.
    private static func ports(of entry: ComposeValue) -> [ComposeValue] {
        if var members = entry.map {
            if members["protocol"] == nil { members["protocol"] = .string("tcp") }
            if members["mode"] == nil { members["mode"] = .string("ingress") }
            return [.map(members)]
        }
        guard let text = entry.printed, case .success(let spec) = PortSpec.parse(text) else { return [entry] }
        let targets = Array(spec.target)
        let published = spec.published.map(Array.init)
        var bindings: [(key: String, port: [String: ComposeValue])] = []
        for (index, target) in targets.enumerated() {
            var port: [String: ComposeValue] = ["mode": .string("ingress"), "target": .int(Int64(target)), "protocol": .string(spec.protocol.lowercased())]
            if let hostIP = spec.hostIP, !hostIP.isEmpty { port["host_ip"] = .string(hostIP) }
            if let published {
                // A host range for one container port publishes the range; ranges of equal length pair up.
                if targets.count == 1 {
                    port["published"] = .string(published.count == 1 ? String(published[0]) : "\(published[0])-\(published[published.count - 1])")
                } else if index < published.count {
                    port["published"] = .string(String(published[index]))
                }
            }
            bindings.append(("\(target)/\(spec.protocol.lowercased())", port))
        }
        return bindings.sorted { $0.key < $1.key }.map { .map($0.port) }
    }

    /// `depends_on` as a mapping of services to `{condition, required}`.
    private static func dependsOn(_ value: ComposeValue) -> ComposeValue {
        if case .list(let names) = value {
            return .map(Dictionary(names.compactMap { $0.printed.map { ($0, ComposeValue.map(["condition": .string("service_started"), "required": .bool(true)])) } }) { first, _ in first })
        }
        guard var services = value.map else { return value }
        for (name, settings) in services {
            guard var members = settings.map else { continue }
            if members["condition"] == nil { members["condition"] = .string("service_started") }
            if members["required"] == nil { members["required"] = .bool(true) }
            services[name] = .map(members)
        }
        return .map(services)
    }

    /// A secret or config named by its source alone.
    private static func fileMount(_ value: ComposeValue) -> ComposeValue {
        if case .string(let source) = value { return .map(["source": .string(source)]) }
        return value
    }

    /// `KEY=value` list entries as a mapping.
    private static func keyValueMap(_ value: ComposeValue) -> ComposeValue {
        guard case .list(let entries) = value else { return value }
        var mapping: [String: ComposeValue] = [:]
        for entry in entries {
            guard let text = entry.printed, let equals = text.firstIndex(of: "=") else { return value }
            mapping[String(text[..<equals])] = .string(String(text[text.index(after: equals)...]))
        }
        return .map(mapping)
    }

    private static func sshKeys(_ keys: [ComposeValue]) -> [String: ComposeValue] {
        var result: [String: ComposeValue] = [:]
        for key in keys {
            guard let text = key.printed else { continue }
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = .string(String(text[text.index(after: equals)...]))
            } else {
                result[text] = .null
            }
        }
        return result
    }

    /// A device `HOST[:CONTAINER[:PERMISSIONS]]` as `{source, target, permissions}`.
    private static func device(_ value: ComposeValue) -> ComposeValue {
        guard case .string(let text) = value else { return value }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 3 else { return value }
        let source = parts[0]
        let target = parts.count > 1 && !parts[1].isEmpty ? parts[1] : source
        return .map(["source": .string(source), "target": .string(target), "permissions": .string(parts.count > 2 ? parts[2] : "rwm")])
    }

    /// A device request with neither `count` nor `device_ids` asks for all devices.
    private static func deviceRequestDefaults(_ value: ComposeValue) -> ComposeValue {
        guard var members = value.map, members["count"] == nil, members["device_ids"] == nil else { return value }
        members["count"] = .string("all")
        return .map(members)
    }

    /// `external: {name: N}`, the old form, as `external: true` and `name: N`.
    private static func maybeExternal(_ value: ComposeValue) -> ComposeValue {
        guard var resource = value.map, case .map(let external)? = resource["external"] else { return value }
        resource["external"] = .bool(true)
        if resource["name"] == nil, let name = external["name"] { resource["name"] = name }
        return .map(resource)
    }
}
