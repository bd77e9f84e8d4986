import Diagnostics
import Model

/// A short-syntax volume or device Docker Compose cannot parse.
struct VolumeSyntax: Rule {
    static let description = RuleDescription(
        id: "volume-syntax", severity: .error, kinds: [.compose],
        summary: "short-syntax volumes must be TARGET or SOURCE:TARGET[:OPTIONS], with no empty section; devices HOST[:CONTAINER[:PERMISSIONS]]",
        rationale: """
        Docker Compose splits a short-syntax volume on `:` (a Windows drive letter such as `C:` excepted) into a
        source, a target and comma-separated options, and refuses the file when a section is empty ("invalid spec:
        :/data: empty section between colons") or when there is a fourth one ("too many colons"); an empty entry
        is "invalid empty volume spec" (compose-go `format.ParseVolume`). The usual cause is a variable that is
        not set: `${DATA_DIR}:/data` becomes `:/data`, so the finding is made even though `unset-variable` also
        warns, and the entry is quoted as written, not as substituted. A short-syntax device is split the same way into
        at most three parts, host path, container path and permissions; a fourth is refused ("confusing device
        mapping, please use long syntax").
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                volumes:
                  - ↓":/data"
                  - ↓"./a:/a:ro:z"
                  - ↓"data:"
                  - ↓""
            volumes:
              data: {}
            """, messages: [
                "volume ':/data' of service 'web' has an empty section between colons; write TARGET or SOURCE:TARGET[:OPTIONS]",
                "volume './a:/a:ro:z' of service 'web' has too many colons; write SOURCE:TARGET[:OPTIONS] with the options separated by ','",
                "volume 'data:' of service 'web' has an empty section between colons; write TARGET or SOURCE:TARGET[:OPTIONS]",
                "volume '' of service 'web' is empty; write TARGET or SOURCE:TARGET[:OPTIONS]",
            ]),
            Example("""
            services:
              web:
                image: nginx
                volumes: [↓"${DATA_DIR}:/data"]
                devices: [↓"/dev/fuse:/dev/fuse:rwm:x"]
            """, messages: [
                "volume \"${DATA_DIR}:/data\" (after substitution) of service 'web' has an empty section between colons; write TARGET or SOURCE:TARGET[:OPTIONS]",
                "device '/dev/fuse:/dev/fuse:rwm:x' of service 'web' has more than three parts; write HOST[:CONTAINER[:PERMISSIONS]], or the long syntax {source, target, permissions}",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
                volumes:
                  - /cache
                  - data:/var/lib/data:ro,z
                  - ./conf:/etc/conf:rw
                  - 'C:\\\\data:/data'
                  - "${DATA_DIR:-./data}:/data"
                  - type: bind
                    source: ./x
                    target: /x
            volumes:
              data: {}
            """),
            Example("""
            services:
              web:
                image: nginx
                volumes: ["${DATA_DIR:-/srv/data}:/data", "/a:/b:ro,nocopy", "ab"]
                devices: ["/dev/fuse", "/dev/sda:/dev/xvda", "/dev/sdb:/dev/xvdb:r", {source: /dev/a, target: /dev/b}]
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        guard case .compose(let compose) = document else { return }
        for service in compose.services {
            for volume in service.volumesNode?.items ?? [] {
                guard case .string(let spec) = volume.resolved, let problem = ComposeSyntax.volumeProblem(spec) else { continue }
                context.report("volume \(volume.quotedForFinding) of service '\(service.name.value)' \(problem)", at: volume)
            }
            for device in service.devices?.items ?? [] {
                guard case .string(let spec) = device.resolved, let problem = ComposeSyntax.deviceProblem(spec) else { continue }
                context.report("device \(device.quotedForFinding) of service '\(service.name.value)' \(problem)", at: device)
            }
        }
    }
}
