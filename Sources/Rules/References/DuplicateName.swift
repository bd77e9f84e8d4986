import Model

/// Two containers, volumes or ports of a pod, or two port mappings of an application, that share the
/// name or port that must identify each.
struct DuplicateName: Rule {
    static let description = RuleDescription(
        id: "duplicate-name", severity: .error, kinds: [.pod, .application],
        summary: "pod container, volume and port names, container ports and application port mappings must be unique",
        rationale: """
        The podstack template follows the Kubernetes pod spec (PLATFORM_API.md §5), whose validation refuses two
        containers or two volumes with one name, and two ports with one name in a container ("Duplicate value").
        Two ports of a container with the same `containerPort`, protocol, `hostPort` and `hostIP` describe one port
        twice, which Kubernetes warns about ("duplicate port definition"); so does a v2 application that maps the
        same `containerPort` and protocol twice in `portMappings`. Volume mounts may repeat a volume (at
        different paths); two mounts on one path are `mount-conflict`'s business. The finding is at the repeat,
        with a note at the first.
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
            context.reportRepeatedNames(pod.volumes.compactMap { $0["name"]?.string }) { "volume name '\($0)' is used twice in this pod\(unique)" }
            for container in pod.containers {
                context.reportRepeatedNames(container.ports.compactMap { $0["name"]?.string }) {
                    "port name '\($0)' is used twice in \(container.label)\(unique)"
                }
                let ports = container.ports.compactMap { port -> (key: PortKey, value: Located<Int64>)? in
                    guard let number = port["containerPort"]?.integer else { return nil }
                    let key = PortKey(port: number.value, protocol: port["protocol"]?.string?.value ?? "TCP",
                                      hostPort: port["hostPort"]?.integer?.value ?? 0, hostIP: port["hostIP"]?.string?.value ?? "")
                    return (key, number)
                }
                context.reportRepeats(ports) { key, _ in
                    "\(container.label) declares port \(key.port)/\(key.protocol) twice; remove one of them"
                }
            }
        case .other(.application, let root):
            let mappings = (root["portMappings"]?.items ?? []).compactMap { mapping -> (key: String, value: Located<Int64>)? in
                mapping["containerPort"]?.integer.map { ("\($0.value)/\(mapping["protocol"]?.string?.value ?? "tcp")", $0) }
            }
            context.reportRepeats(mappings) { key, _ in
                "port mapping \(key) is listed twice; remove one of them"
            }
        default:
            break
        }
    }
}
