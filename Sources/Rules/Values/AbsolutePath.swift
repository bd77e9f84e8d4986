import Model

/// A path inside the container that is not absolute.
struct AbsolutePath: Rule {
    static let description = RuleDescription(
        id: "absolute-path", severity: .error, kinds: [.compose, .pod, .application, .alaudaService],
        summary: "paths inside the container must be absolute",
        rationale: """
        A path inside a container has no working directory to be relative to. Docker refuses a relative mount
        target or tmpfs path ("mount path must be absolute") and a relative `working_dir` when it creates the
        container, after the platform accepted the project; Kubernetes-based pods and applications mount volumes,
        config maps, secrets and cloud disks at absolute paths, and the platforms collect logs and data from the
        absolute `logPath`, `dataPath`, `dockerLogDir` and `dockerDataDir` (PLATFORM_API.md §5, e.g.
        `rbd1:/data/rbd1`); Alauda mounts `volumes[].app_volume_dir` (§4). An `aliyun.log_store_<name>` label takes
        `stdout` or an absolute file path or pattern (ALIYUN.md §3.2; Alibaba's Kompose rejects anything else).
        Windows-style volume entries (`C:\\data:D:\\config`) are left alone: Compose reads them by other rules.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                working_dir: ↓app
                volumes:
                  - ↓./site:usr/share/nginx/html
                tmpfs: [↓run]
                labels:
                  aliyun.log_store_access: ↓var/log/nginx/access.log
            """, messages: [
                "working_dir is 'app', not an absolute path; paths inside the container start with '/' (write '/app')",
                "the volume target is 'usr/share/nginx/html', not an absolute path; paths inside the container start with '/' (write '/usr/share/nginx/html')",
                "the tmpfs path is 'run', not an absolute path; paths inside the container start with '/' (write '/run')",
                "aliyun.log_store_access is 'var/log/nginx/access.log', neither 'stdout' nor an absolute path; paths inside the container start with '/' (write '/var/log/nginx/access.log')",
            ]),
            Example("""
            containers:
              - name: mysql
                image: mysql
                volumeMounts: [{name: data, mountPath: ↓var/lib/mysql}]
            volumes: [{name: data, emptyDir: {}}]
            annotation:
              - {containerName: mysql, logPath: ↓./logs, dataPath: /data}
            """),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            dockerLogDir: ↓log/dir
            volumes: ↓"rbd1:/data/rbd1,rbd2:data/rbd2"
            internalVolumes: [{allocateMode: new, fsType: ext4, volumeSize: 1, mountPath: ↓data}]
            configMap: [{type: Volume, name: conf, key: [a.conf], mountPath: ↓etc/config}]
            """, messages: [
                "dockerLogDir is 'log/dir', not an absolute path; paths inside the container start with '/' (write '/log/dir')",
                "the mount path of disk 'rbd2' in volumes is 'data/rbd2', not an absolute path; paths inside the container start with '/' (write '/data/rbd2')",
                "the configMap mountPath is 'etc/config', not an absolute path; paths inside the container start with '/' (write '/etc/config')",
                "the internalVolumes mountPath is 'data', not an absolute path; paths inside the container start with '/' (write '/data')",
            ]),
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            volumes: [{app_volume_dir: ↓data1, volume_type: EBS, size_gb: 10}]
            """),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
                working_dir: /app
                volumes:
                  - ./site:/usr/share/nginx/html:ro
                  - {type: bind, source: ./conf, target: /etc/nginx/conf.d}
                  - /var/cache/nginx
                  - ./logs:${LOG_DIR}
                tmpfs: ["/run:size=64m", /tmp]
                labels:
                  - aliyun.log_store_stdout=stdout
                  - aliyun.log_store_app=/var/log/app/*.log
            """),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            dockerLogDir: /log/dir
            dockerDataDir: /data/dir
            volumes: "rbd1:/data/rbd1, rbd2:/data/rbd2"
            secret: [{type: Env, name: creds, key: [PASSWORD]}]
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            for service in compose.services {
                requireAbsolute(service.workingDir?.checkedString(), "working_dir", context: &context)
                for volume in service.volumes where !volume.isWindowsStyle {
                    requireAbsolute(volume.target, "the volume target", context: &context)
                }
                for path in service.tmpfsPaths {
                    requireAbsolute(path, "the tmpfs path", context: &context)
                }
                for label in service.labels where label.name.value.hasPrefix(ascii: "aliyun.log_store_") && label.value?.value != "stdout" {
                    requireAbsolute(label.value, label.name.value, orStdout: true, context: &context)
                }
            }
        case .pod(let pod):
            for container in pod.containers {
                for mount in container.volumeMounts {
                    requireAbsolute(mount.mountPath?.string, "mountPath", context: &context)
                }
            }
            for annotation in pod.annotations {
                requireAbsolute(annotation.logPath?.string, "logPath", context: &context)
                requireAbsolute(annotation.dataPath?.string, "dataPath", context: &context)
            }
        case .application(let application):
            requireAbsolute(application.dockerLogDir?.string, "dockerLogDir", context: &context)
            requireAbsolute(application.dockerDataDir?.string, "dockerDataDir", context: &context)
            if let volumes = application.volumes?.string {
                for mount in DiskMountList.parse(volumes.value) {
                    guard let path = mount.mountPath else {
                        context.report("volumes entry '\(mount.disk)' has no mount path; write '\(mount.disk):/path/in/container'", at: volumes)
                        continue
                    }
                    requireAbsolute(volumes.map { _ in path }, "the mount path of disk '\(mount.disk)' in volumes", context: &context)
                }
            }
            let mounts = [("configMap", application.configMaps.map(\.mountPath)), ("secret", application.secrets.map(\.mountPath)),
                          ("internalVolumes", application.internalVolumes.map(\.mountPath))]
            for (section, paths) in mounts {
                for path in paths {
                    requireAbsolute(path?.string, "the \(section) mountPath", context: &context)
                }
            }
        case .alaudaService(let service):
            for volume in service.volumes {
                requireAbsolute(volume.appVolumeDir?.string, "app_volume_dir", context: &context)
            }
        default:
            break
        }
    }

    /// Reports a path that does not start with `/`; an empty one (missing, or an unset variable) is
    /// left to the checks for those.
    func requireAbsolute(_ path: Located<String>?, _ field: String, orStdout: Bool = false, context: inout RuleContext) {
        guard let path, !path.value.isEmpty, !path.value.hasPrefix(ascii: "/") else { return }
        let problem = orStdout ? "neither 'stdout' nor an absolute path" : "not an absolute path"
        var fixed = Substring(path.value)
        while fixed.hasPrefix(ascii: "./") { fixed = fixed.dropFirst(2) }
        context.report("\(field) is '\(path.value)', \(problem); paths inside the container start with '/' (write '/\(fixed)')", at: path)
    }
}
