import Diagnostics
import Syntax

/// A Compose project in Docker Compose's canonical form, printed as `docker compose config --format
/// json` prints it: compose-go's loading steps after substitution and merging (long syntax,
/// defaults, the `default` network, resource names, absolute paths; `ComposeCanonical`,
/// `ComposeDefaults`), the services whose profiles are not active and the networks, volumes, secrets
/// and configs no service uses left out, then each value in its Go type (`ComposeEncoder`). A CI job
/// can then diff stackc's output against what Compose would deploy without Docker installed.
public struct ComposeNormalizer: Sendable {
    /// The project name, already as Compose normalises it (`ProjectName`).
    public var projectName: String
    /// The project folder, absolute: relative paths are resolved against it.
    public var directory: String
    /// The variables of the project (process and `.env`), for entries written without a value.
    public var variables: [String: String]
    /// The profiles enabled (`COMPOSE_PROFILES`); `*` enables every one.
    public var activeProfiles: Set<String>

    public init(projectName: String, directory: String, variables: [String: String], activeProfiles: Set<String>) {
        self.projectName = projectName
        self.directory = directory
        self.variables = variables
        self.activeProfiles = activeProfiles
    }

    /// The canonical model of a substituted (and merged) tree. `typed` holds the types Compose gives
    /// substituted values (`ComposeTypedValues`).
    public func model(of tree: YAMLTree, typed: [NodeID: ScalarValue]) -> [String: ComposeValue] {
        var model = ComposeValue(tree, tree.root, typed: typed).map ?? [:]
        if let services = model["services"]?.map { model["services"] = .map(services.filter { isActive($0.value) }) }
        ComposeCanonical.transform(&model)
        ComposeUnicity.enforce(&model)
        ComposeDefaults(projectName: projectName, directory: directory, lookup: { variables[$0] }, home: variables["HOME"]).apply(&model)
        Self.dropUnusedResources(&model)
        return model
    }

    /// The JSON Compose prints for the model, `$` written `$$` as Compose escapes it, no final newline.
    public func json(of model: [String: ComposeValue]) -> String {
        var top: [String: JSONValue] = ["name": .string(projectName)]
        var services: [JSONValue.Member] = []
        for (name, service) in Self.sorted(model["services"]?.map ?? [:]) {
            var members = service.map ?? [:]
            // Compose folds env and label files into `environment` and `labels` and prints neither key.
            members["env_file"] = nil
            members["label_file"] = nil
            services.append(.init(name, ComposeEncoder.encode(.map(members), as: .service).json))
        }
        top["services"] = .object(services)
        let shapes: [(String, ComposeShape)] = [("networks", .network), ("volumes", .volume), ("secrets", .fileObject(printsContent: false)),
                                                ("configs", .fileObject(printsContent: true))]
        for (kind, shape) in shapes {
            guard let resources = model[kind]?.map, !resources.isEmpty else { continue }
            top[kind] = .object(Self.sorted(resources).map { name, resource in
                var members = resource.map ?? [:]
                // A config read from a variable prints no content.
                if kind == "configs", members["environment"]?.printed?.isEmpty == false { members["content"] = nil }
                return .init(name, ComposeEncoder.encode(.map(members), as: shape).json)
            })
        }
        for (key, value) in model where key.hasPrefix("x-") { top[key] = ComposeEncoder.raw(value) }
        let document = JSONValue.object(Self.sorted(top).map { .init($0.key, $0.value) })
        return GoJSON.indented(document).replacing("$", with: "$$")
    }

    /// A service without `profiles` is always active; one with them when a profile of it is enabled.
    func isActive(_ service: ComposeValue) -> Bool {
        guard let profiles = service["profiles"]?.list, !profiles.isEmpty else { return true }
        return activeProfiles.contains("*") || profiles.contains { $0.printed.map(activeProfiles.contains) ?? false }
    }

    /// compose-go's `WithoutUnnecessaryResources`: only the networks, named volumes, secrets and
    /// configs some service uses stay.
    static func dropUnusedResources(_ model: inout [String: ComposeValue]) {
        var used: [String: Set<String>] = ["networks": [], "volumes": [], "secrets": [], "configs": []]
        for service in (model["services"]?.map ?? [:]).values {
            used["networks"]!.formUnion(service["networks"]?.map?.keys ?? [:].keys)
            for volume in service["volumes"]?.list ?? [] where volume["type"]?.string == "volume" {
                if let source = volume["source"]?.printed, !source.isEmpty { used["volumes"]!.insert(source) }
            }
            for kind in ["secrets", "configs"] {
                for mount in service[kind]?.list ?? [] { if let source = mount["source"]?.printed { used[kind]!.insert(source) } }
            }
            for mount in service["build"]?["secrets"]?.list ?? [] { if let source = mount["source"]?.printed { used["secrets"]!.insert(source) } }
        }
        for (kind, names) in used {
            guard let resources = model[kind]?.map else { continue }
            model[kind] = .map(resources.filter { names.contains($0.key) })
        }
    }

    /// Go's order of map keys: by bytes.
    static func sorted<Value>(_ members: [String: Value]) -> [(key: String, value: Value)] {
        members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }
}
