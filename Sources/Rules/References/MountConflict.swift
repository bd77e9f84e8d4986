import Model

/// Two mounts on one container path of one service or container.
struct MountConflict: Rule {
    static let description = RuleDescription(
        id: "mount-conflict", severity: .error, kinds: [.compose, .pod],
        summary: "a container path may have one mount per service or container",
        rationale: """
        Docker refuses to create a container with two mounts on one path ("Duplicate mount point"), so a Compose
        service whose `volumes` (short or long syntax) and `tmpfs` entries share a target deploys and then fails to
        start; Kubernetes refuses a container whose `volumeMounts` repeat a `mountPath` ("must be unique"), which the
        podstack template inherits (PLATFORM_API.md §5). Paths are compared after removing trailing and doubled
        `/`; Windows-style volume entries (`C:\\data:D:\\config`) are not compared. The finding is at the second
        mount, with a note at the first.
        """,
        triggering: [
            Example("""
            services:
              db:
                image: mysql
                volumes:
                  - db-data:/var/lib/mysql
                  - ↓./backup:/var/lib/mysql/
            volumes:
              db-data: {}
            """, messages: ["service 'db' mounts two things on '/var/lib/mysql'; give each mount its own container path"]),
            Example("""
            web:
              image: nginx
              volumes:
                - {type: tmpfs, target: /cache}
              tmpfs:
                - ↓/cache:size=64m
            """),
            Example("""
            containers:
              - name: mysql
                image: mysql
                volumeMounts:
                  - {name: data, mountPath: /var/lib/mysql}
                  - {name: conf, mountPath: ↓/var/lib/mysql}
            volumes:
              - {name: data, emptyDir: {}}
              - {name: conf, emptyDir: {}}
            """, messages: ["container 'mysql' mounts two things on '/var/lib/mysql'; give each mount its own container path"]),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
                volumes:
                  - ./site:/usr/share/nginx/html
                  - ./site/conf:/etc/nginx/conf.d
                tmpfs: /var/cache/nginx
              worker:
                image: nginx
                volumes:
                  - ./site:/usr/share/nginx/html
            """),
            Example("""
            containers:
              - name: a
                image: x
                volumeMounts: [{name: data, mountPath: /data}]
              - name: b
                image: x
                volumeMounts: [{name: data, mountPath: /data}]
            volumes:
              - {name: data, emptyDir: {}}
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            for service in compose.services {
                report(service.volumes.filter { !$0.isWindowsStyle }.compactMap(\.target) + service.tmpfsPaths, of: "service '\(service.name.value)'", context: &context)
            }
        case .pod(let pod):
            for container in pod.containers {
                report(container.volumeMounts.compactMap { $0["mountPath"]?.string }, of: container.label, context: &context)
            }
        default:
            break
        }
    }

    func report(_ paths: [Located<String>], of owner: String, context: inout RuleContext) {
        let keyed = paths.compactMap { path in Self.normalized(path.value).map { (key: $0, value: path) } }
        context.reportRepeats(keyed, note: "first mounted here") { path, _ in
            "\(owner) mounts two things on '\(path)'; give each mount its own container path"
        }
    }

    /// The path without doubled or trailing `/`; nil for an empty one (missing, or an unset variable).
    static func normalized(_ path: String) -> String? {
        guard !path.isEmpty else { return nil }
        let components = path.split(ascii: "/", omittingEmpty: true)
        return (path.hasPrefix(ascii: "/") ? "/" : "") + components.joined(separator: "/")
    }
}
