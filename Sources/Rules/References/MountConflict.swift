import Diagnostics
import Model

/// Two mounts on one container path of one service or container.
struct MountConflict: Rule {
    static let description = RuleDescription(
        id: "mount-conflict", severity: .warning, kinds: [.compose, .pod],
        summary: "a container path may have one mount per service or container",
        rationale: """
        Docker refuses to create a container with two mounts on one path ("Duplicate mount point"), and Kubernetes
        a container whose `volumeMounts` repeat a `mountPath` ("must be unique"), which the podstack template
        inherits (PLATFORM_API.md §5): for pods this is an error. Docker Compose, though, de-duplicates a service's
        `volumes` by container path before Docker sees them (compose-go `EnforceUnicity`): of two entries on one
        path it keeps the last, in the place of the first, so `./a:/data` then `./b:/data` mounts only `./b`. For
        Compose that is a warning — the earlier mount is silently dropped — and the same mount written twice is
        only info. Compose compares the path of a short entry cleaned (`/data/` is `/data`) and a long entry's
        `target` as written, and refuses two volumes it did not merge that still share a path ("target /data already
        mounted as services.web.volumes[0]"), a `tmpfs` path also mounted by a volume, and two `tmpfs` entries on one
        path unless they differ only after a `=` (`/run:size=1m` and `/run:size=2m`, where the last wins): those are
        errors. A `tmpfs` path and a volume or another `tmpfs` entry on one path spelled differently (`/srv/` and
        `/srv`) pass Compose and Docker, which mounts one over the other: a warning. Paths are compared after removing `.`, `..`, trailing and doubled `/`; Windows-style volume entries
        (`C:\\data:D:\\config`) are not compared. The finding is at the second mount, with a note at the first.
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
            """, messages: ["service 'db' mounts two things on '/var/lib/mysql'; Compose keeps only the last of them and drops the earlier mount, so remove one"]),
            Example("""
            services:
              web:
                image: nginx
                volumes: ["./data:/srv"]
                tmpfs: [↓/srv/]
            """, messages: [
                "service 'web' mounts two things on '/srv', written '/srv' and '/srv/', which Compose does not match up and Docker mounts one over the other; give each mount its own container path",
            ]),
            Example("""
            services:
              app:
                image: php
                volumes: [./src:/var/www, ↓./src:/var/www]
                tmpfs: [/run, ↓/run]
            """, messages: [
                "service 'app' mounts the same thing on '/var/www' twice; Compose keeps one of them, remove this one",
                "service 'app' mounts the same thing on '/run' twice; Compose keeps one of them, remove this one",
            ], severity: .info),
            Example("""
            services:
              web:
                image: nginx
                volumes:
                  - ./cache:/cache
                  - {type: bind, source: ./html, target: ↓/cache/}
                  - {type: tmpfs, target: /tmp}
                tmpfs:
                  - ↓/tmp:size=64m
                  - /run
                  - ↓/run:size=1m
            """, messages: [
                "service 'web' mounts two things on '/cache', which Compose refuses (\"already mounted\"); give each mount its own container path",
                "service 'web' mounts two things on '/tmp', which Compose refuses (\"already mounted\"); give each mount its own container path",
                "service 'web' mounts two things on '/run', which Compose refuses (\"already mounted\"); give each mount its own container path",
            ], severity: .error),
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
            """, messages: ["container 'mysql' mounts two things on '/var/lib/mysql'; give each mount its own container path"], severity: .error),
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
                checkCompose(service, context: &context)
            }
        case .pod(let pod):
            for container in pod.containers {
                let paths = container.volumeMounts.compactMap { $0.mountPath?.string }
                let keyed = paths.compactMap { path in Self.normalized(path.value).map { (key: $0, value: path) } }
                // Kubernetes refuses the pod: an error whatever the rule's severity for Compose.
                context.reportRepeats(keyed, note: "first mounted here", severity: .error) { path, _ in
                    "\(container.label) mounts two things on '\(path)'; give each mount its own container path"
                }
            }
        default:
            break
        }
    }

    /// One mount of a Compose service, with what Compose compares it by.
    struct ComposeMount {
        let path: Located<String>
        /// The path cleaned, as Docker and Compose's final check compare it.
        let normalized: String
        /// What Compose de-duplicates the entries of its list by: for `volumes` the path of a short entry
        /// cleaned and a long entry's `target` as written; for `tmpfs` the entry up to its first `=`.
        let key: String
        let isTmpfs: Bool
        /// What Compose's final check compares (after merging repeats): a volume's path cleaned, a
        /// tmpfs path as written.
        var compared: String { isTmpfs ? path.value : normalized }
        /// What makes two entries the same mount: the text of a short entry or a tmpfs entry, the source,
        /// type and read-only flag of a long one.
        let identity: String
    }

    func checkCompose(_ service: ComposeService, context: inout RuleContext) {
        var mounts: [ComposeMount] = []
        for entry in service.volumes where !entry.isWindowsStyle {
            guard let target = entry.target, let normalized = Self.normalized(target.value) else { continue }
            let node = entry.node
            let identity = node.isMapping
                ? ["type", "source", "read_only"].map { node[$0]?.scalarText ?? "" }.joined(separator: "\u{0}")
                : node.scalarText ?? ""
            mounts.append(ComposeMount(path: target, normalized: normalized, key: node.isMapping ? target.value : normalized, isTmpfs: false,
                                       identity: identity))
        }
        for entry in service.tmpfs?.stringList ?? [] {
            let path = entry.map { String($0.split(ascii: ":", maxSplits: 1).first ?? "") }
            guard let normalized = Self.normalized(path.value) else { continue }
            mounts.append(ComposeMount(path: path, normalized: normalized, key: String(entry.value.split(ascii: "=", maxSplits: 1).first ?? ""),
                                       isTmpfs: true, identity: entry.value))
        }
        guard mounts.count > 1 else { return }
        var first: [String: Int] = [:]
        for (index, mount) in mounts.enumerated() {
            guard let earlierIndex = first[mount.normalized] else {
                first[mount.normalized] = index
                continue
            }
            let earlier = mounts[earlierIndex]
            let owner = "service '\(service.name.value)'"
            if earlier.isTmpfs == mount.isTmpfs, earlier.key == mount.key {
                if earlier.identity == mount.identity {
                    context.report("\(owner) mounts the same thing on '\(mount.normalized)' twice; Compose keeps one of them, remove this one", at: mount.path,
                                   notes: [earlier.path.note("first mounted here")], severity: .info)
                } else {
                    context.report("\(owner) mounts two things on '\(mount.normalized)'; Compose keeps only the last of them and drops the earlier mount, so remove one",
                                   at: mount.path, notes: [earlier.path.note("first mounted here")])
                }
            } else if earlier.compared == mount.compared {
                context.report("\(owner) mounts two things on '\(mount.normalized)', which Compose refuses (\"already mounted\"); give each mount its own container path",
                               at: mount.path, notes: [earlier.path.note("first mounted here")], severity: .error)
            } else {
                context.report("\(owner) mounts two things on '\(mount.normalized)', written '\(earlier.path.value)' and '\(mount.path.value)', which Compose does not match up "
                               + "and Docker mounts one over the other; give each mount its own container path", at: mount.path, notes: [earlier.path.note("first mounted here")])
            }
        }
    }

    /// The path cleaned as Go's `path.Clean` cleans it (no doubled or trailing `/`, no `.`, `..` resolved),
    /// which is how Compose and Docker compare mount paths; nil for an empty one (missing, or an unset
    /// variable).
    static func normalized(_ path: String) -> String? {
        guard !path.isEmpty else { return nil }
        let rooted = path.hasPrefix(ascii: "/")
        var kept: [Substring] = []
        for component in path.split(ascii: "/", omittingEmpty: true) where component != "." {
            if component == ".." {
                if let last = kept.last, last != ".." {
                    kept.removeLast()
                } else if !rooted {
                    kept.append(component)
                }
            } else {
                kept.append(component)
            }
        }
        let joined = kept.joined(separator: "/")
        return rooted ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
