import Model

/// The Docker daemon's socket reachable from inside a container.
struct DockerSocketMount: Rule {
    static let description = RuleDescription(
        id: "docker-socket-mount", severity: .warning, kinds: [.compose, .pod], category: .security,
        summary: "containers should not mount the Docker socket",
        rationale: """
        Whoever can talk to the Docker daemon's socket can start a privileged container with the host's `/` mounted:
        the socket is root on the host. OWASP Docker Security Cheat Sheet RULE #1 "Do not expose the Docker daemon
        socket (even to the containers)"; CIS Docker Benchmark v1.6.0 §5.31 "Ensure that the Docker socket is not
        mounted inside any containers". Reported: a bind mount of `/var/run/docker.sock` or `/run/docker.sock` in
        short (`/var/run/docker.sock:/var/run/docker.sock`) or long (`type: bind, source: …`) syntax, also read-only
        (`:ro` stops writes to the file, not requests over the socket); a bind mount of a host folder that holds the
        socket (`/`, `/run`, `/var/run`); a `volumes_from` of a service of the same file that mounts it, which
        inherits the mount; and a pod volume whose `hostPath` is one of these. Paths are compared cleaned
        (`/var/run//docker.sock/`). Tools that manage containers (Traefik, Portainer, CI runners) do need the
        API: give them a proxy that allows only the calls they make, and suppress the finding where the mount is the
        point (`# stackc-disable-next-line docker-socket-mount` above it).
        """,
        triggering: [
            Example("""
            services:
              proxy:
                image: traefik:v3.1
                volumes:
                  - ↓/var/run/docker.sock:/var/run/docker.sock:ro
                  - {type: bind, source: ↓/run/docker.sock, target: /var/run/docker.sock}
              backup:
                image: backup:2.0
                volumes_from: [↓proxy]
            """, messages: [
                "service 'proxy' mounts the Docker socket '/var/run/docker.sock', which is root on the host; remove the mount, or put a proxy that allows only the API calls it needs in front of the socket",
                "service 'proxy' mounts the Docker socket '/run/docker.sock', which is root on the host; remove the mount, or put a proxy that allows only the API calls it needs in front of the socket",
                "service 'backup' takes the volumes of service 'proxy' (volumes_from), the Docker socket among them, which is root on the host; mount only the volumes it needs",
            ]),
            Example("""
            services:
              monitor:
                image: cadvisor:0.49
                volumes: [↓"/:/rootfs:ro", ↓/var/run:/var/run]
            """, messages: [
                "service 'monitor' mounts the host folder '/', which holds the Docker socket, which is root on the host; mount only the subfolders it needs",
                "service 'monitor' mounts the host folder '/var/run', which holds the Docker socket, which is root on the host; mount only the subfolders it needs",
            ]),
            Example("""
            containers:
              - name: builder
                image: docker:27
                volumeMounts: [{name: docker, mountPath: /var/run/docker.sock}]
            volumes:
              - name: docker
                hostPath: {path: ↓/var/run/docker.sock}
            """, messages: [
                "volume 'docker' mounts the Docker socket '/var/run/docker.sock' (hostPath), which is root on the host; remove the volume, or put a proxy that allows only the API calls it needs in front of the socket",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx:1.27
                volumes:
                  - ./docker.sock:/var/run/docker.sock
                  - /var/run/app:/var/run/app
                  - docker-sock:/var/run/docker.sock
                  - {type: volume, source: run, target: /run}
              agent:
                image: agent:1.0
                volumes: ["${DOCKER_SOCKET}:/var/run/docker.sock"]
                volumes_from: [web, "container:sidecar"]
            volumes:
              docker-sock: {}
              run: {}
            """),
            Example("""
            containers:
              - name: app
                image: app:1.0
                volumeMounts: [{name: run, mountPath: /var/run/app}]
            volumes:
              - name: run
                hostPath: {path: /var/run/app}
            """),
        ])

    /// Where the daemon listens by default, and the host folders that hold it.
    static let socketPaths: Set<String> = ["/var/run/docker.sock", "/run/docker.sock"]
    static let socketFolders: Set<String> = ["/", "/run", "/var/run"]

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            var mounting: Set<String> = []
            for service in compose.services {
                for entry in service.volumes {
                    guard let (node, path) = Self.hostPath(of: entry), let message = Self.message(path, via: "", removing: "mount") else { continue }
                    context.report("\(service.owner) mounts \(message)", at: node)
                    mounting.insert(service.name.value)
                }
            }
            guard !mounting.isEmpty else { return }
            for service in compose.services {
                for source in service.dependencies where source.via == .volumesFrom && mounting.contains(source.name.value) {
                    context.report("\(service.owner) takes the volumes of service '\(source.name.value)' (volumes_from), the Docker socket among them, "
                                   + "which is root on the host; mount only the volumes it needs", at: source.name)
                }
            }
        case .pod(let pod):
            for volume in pod.volumes {
                guard let path = volume.hostPath, let text = path.policyText, let cleaned = MountConflict.normalized(text),
                      let message = Self.message(cleaned, via: " (hostPath)", removing: "volume") else { continue }
                let name = volume.name?.scalarText.map { "volume '\($0)'" } ?? "the volume at \(volume.node.path)"
                context.report("\(name) mounts \(message)", at: path)
            }
        default:
            break
        }
    }

    /// The node to report and the cleaned host path of a bind mount; nil for other mounts, and for a
    /// source a variable left empty.
    static func hostPath(of entry: VolumeEntry) -> (NodeRef, String)? {
        guard case .hostPath(let path) = entry.source, let cleaned = MountConflict.normalized(path) else { return nil }
        if entry.node.isMapping {
            guard let source = entry.sourceField, source.policyText != nil else { return nil }
            return (source, cleaned)
        }
        return entry.node.checkedString(separators: ":") == nil ? nil : (entry.node, cleaned)
    }

    /// What mounting a cleaned host path exposes and what to do instead; nil for a harmless path.
    static func message(_ path: String, via: String, removing what: String) -> String? {
        if socketPaths.contains(path) {
            return "the Docker socket '\(path)'\(via), which is root on the host; remove the \(what), "
                + "or put a proxy that allows only the API calls it needs in front of the socket"
        }
        if socketFolders.contains(path) {
            return "the host folder '\(path)'\(via), which holds the Docker socket, which is root on the host; mount only the subfolders it needs"
        }
        return nil
    }
}
