import Model

/// Two containers, volumes or ports of a pod, two port mappings of an application, or two Compose
/// services' containers, that share the name or port that must identify each.
struct DuplicateName: Rule {
    static let description = RuleDescription(
        id: "duplicate-name", severity: .error, kinds: [.pod, .application, .compose],
        summary: "pod container, volume and port names, container ports, application port mappings and Compose container_name values must be unique",
        rationale: """
        The podstack template follows the Kubernetes pod spec (PLATFORM_API.md §5), whose validation refuses two
        containers or two volumes with one name, and two ports with one name in a container ("Duplicate value").
        Two ports of a container with the same `containerPort`, protocol, `hostPort` and `hostIP` describe one port
        twice, which Kubernetes warns about ("duplicate port definition"); so does a v2 application that maps the
        same `containerPort` and protocol twice in `portMappings`. Volume mounts may repeat a volume (at
        different paths); two mounts on one path are `mount-conflict`'s business. Two Compose services with one
        `container_name` cannot both have their container, since Docker names one container per name, and Docker
        Compose refuses the file (`container name "app" is already in use by service …`); a `container_name` a
        service inherits through `extends` counts, reported at its `extends`. Compose compares only the services
        its profiles enable; stackc compares the services one selection of profiles can run together — both
        running by default, one of them, or both sharing a profile — so a profile that would clash is found before
        it is enabled, while services in different profiles (alternatives) may share a name. The finding is at
        the repeat, with a note at the first.
        """,
        triggering: [
            Example("""
            containers:
              - {name: web, image: nginx}
              - {name: ↓web, image: nginx:1.25}
            volumes:
              - {name: data, emptyDir: {}}
              - {name: ↓data, emptyDir: {}}
            """, messages: [
                "container name 'web' is used twice in this pod; rename one of them",
                "volume name 'data' is used twice in this pod; rename one of them",
            ]),
            Example("""
            containers:
              - name: mysql
                image: mysql
                ports:
                  - {containerPort: 3306, name: db}
                  - {containerPort: 33060, name: ↓db}
                  - {containerPort: ↓3306}
                  - {containerPort: 3306, protocol: UDP}
            """, messages: [
                "port name 'db' is used twice in container 'mysql'; rename one of them",
                "container 'mysql' declares port 3306/TCP twice; remove one of them",
            ]),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            portMappings:
              - {protocol: tcp, containerPort: 8080}
              - {protocol: tcp, containerPort: ↓8080}
            """, messages: ["port mapping 8080/tcp is listed twice; remove one of them"]),
            Example("""
            services:
              web:
                image: nginx
                container_name: app
              api:
                image: api
                container_name: ↓app
              base:
                image: worker
                container_name: worker
              worker:
                extends: ↓base
            """, messages: [
                "container_name 'app' of service 'api' is already used by service 'web'; Docker names one container per name: rename one of them",
                "container_name 'worker' of service 'worker' (from service 'base' through extends) is already used by service 'base'; Docker names one container per name: rename one of them",
            ]),
            Example("""
            services:
              db:
                image: postgres
                container_name: db
              db-debug:
                image: postgres
                profiles: [debug]
                container_name: ↓db
            """, messages: [
                "container_name 'db' of service 'db-debug' is already used by service 'db'; Docker names one container per name: rename one of them",
            ]),
        ],
        nonTriggering: [
            Example("""
            containers:
              - name: dns
                image: coredns
                ports:
                  - {containerPort: 53, name: dns}
                  - {containerPort: 53, name: dns-udp, protocol: UDP}
                  - {containerPort: 8080, hostPort: 80}
                  - {containerPort: 8080, hostPort: 8080}
                volumeMounts:
                  - {name: config, mountPath: /etc/coredns}
                  - {name: config, mountPath: /etc/hosts.d, subPath: hosts}
              - name: sidecar
                image: busybox
                ports: [{containerPort: 53, name: dns}]
            volumes:
              - {name: config, emptyDir: {}}
            """),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            portMappings:
              - {protocol: tcp, containerPort: 9999}
              - {protocol: udp, containerPort: 9999}
            """),
            Example("""
            services:
              base:
                image: worker
              web:
                image: nginx
                container_name: shop-web
              worker:
                extends: base
                container_name: shop-worker
              db-local:
                image: postgres
                profiles: [local]
                container_name: db
              db-cloud:
                image: cloudsql-proxy
                profiles: [cloud]
                container_name: db
            """),
        ])

    /// What identifies one port of a container: Kubernetes' key for duplicate port definitions.
    struct PortKey: Hashable {
        let port: Int64
        let `protocol`: String
        let hostPort: Int64
        let hostIP: String
    }

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .pod(let pod):
            let unique = "; rename one of them"
            context.reportRepeatedNames(pod.containers.compactMap(\.name)) { "container name '\($0)' is used twice in this pod\(unique)" }
            context.reportRepeatedNames(pod.volumes.compactMap { $0.name?.string }) { "volume name '\($0)' is used twice in this pod\(unique)" }
            for container in pod.containers {
                context.reportRepeatedNames(container.ports.compactMap { $0.name?.string }) {
                    "port name '\($0)' is used twice in \(container.label)\(unique)"
                }
                let ports = container.ports.compactMap { port -> (key: PortKey, value: Located<Int64>)? in
                    guard let number = port.containerPort?.integer else { return nil }
                    let key = PortKey(port: number.value, protocol: port.protocol?.string?.value ?? "TCP",
                                      hostPort: port.hostPort?.integer?.value ?? 0, hostIP: port.hostIP?.string?.value ?? "")
                    return (key, number)
                }
                context.reportRepeats(ports) { key, _ in
                    "\(container.label) declares port \(key.port)/\(key.protocol) twice; remove one of them"
                }
            }
        case .application(let application):
            let mappings = application.portMappings.compactMap { mapping -> (key: String, value: Located<Int64>)? in
                mapping.containerPort?.integer.map { ("\($0.value)/\(mapping.protocol?.string?.value ?? "tcp")", $0) }
            }
            context.reportRepeats(mappings) { key, _ in
                "port mapping \(key) is listed twice; remove one of them"
            }
        case .compose(let compose):
            checkContainerNames(ComposeRelations.of(compose, sharedBy: context), context: &context)
        default:
            break
        }
    }

    /// Compose services' container names, as each service has them after its `extends` chain is merged.
    func checkContainerNames(_ relations: ComposeRelations, context: inout RuleContext) {
        /// The services before this one that hold a name: the first, the first that runs by default,
        /// and the first in each profile. One of them is the first that can run with a later holder.
        struct Holders {
            let first: Int
            var firstByDefault: Int?
            var firstInProfile: [String: Int] = [:]
        }
        var holders: [String: Holders] = [:]
        for service in relations.services.indices {
            // An empty name (an unset variable) is no name: Compose then names the container itself.
            guard let name = relations.inherited(service, { $0.containerName }), !name.value.value.isEmpty else { continue }
            let runsByDefault = relations.isActiveByDefault[service]
            guard var earlier = holders[name.value.value] else {
                holders[name.value.value] = Holders(first: service, firstByDefault: runsByDefault ? service : nil,
                                                    firstInProfile: Dictionary(relations.profiles[service].map { ($0, service) }, uniquingKeysWith: { first, _ in first }))
                continue
            }
            let first = runsByDefault ? earlier.first
                : ([earlier.firstByDefault] + relations.profiles[service].map { earlier.firstInProfile[$0] }).compactMap { $0 }.min()
            if runsByDefault, earlier.firstByDefault == nil { earlier.firstByDefault = service }
            for profile in relations.profiles[service] where earlier.firstInProfile[profile] == nil { earlier.firstInProfile[profile] = service }
            holders[name.value.value] = earlier
            guard let first, let firstName = relations.inherited(first, { $0.containerName }) else { continue }
            // An inherited name is reported where the service inherits it.
            let at = name.owner == service ? name.value : relations.extendsTargets[service]!
            let firstAt = firstName.owner == first ? firstName.value : relations.extendsTargets[first]!
            context.report("container_name '\(name.value.value)' of \(relations.services[service].owner)\(relations.origin(name.owner, of: service)) is already used by "
                           + "\(relations.services[first].owner); Docker names one container per name: rename one of them",
                           at: at, notes: [firstAt.note("\(relations.services[first].owner) uses it here")])
        }
    }
}
