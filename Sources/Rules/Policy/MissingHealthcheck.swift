import Model

/// A container whose health nobody checks.
struct MissingHealthcheck: Rule {
    static let description = RuleDescription(
        id: "missing-healthcheck", severity: .warning, kinds: [.compose, .pod], category: .security,
        summary: "containers should say how their health is checked",
        rationale: """
        Without a health check a container that hangs or serves errors still counts as running: nothing restarts it,
        `depends_on: {condition: service_healthy}` cannot wait for it, and a rolling update cannot tell a broken
        release. CIS Docker Benchmark v1.6.0 §5.26 "Ensure that container health is checked at runtime" (and §4.6,
        HEALTHCHECK in the image); Compose's `healthcheck` (https://docs.docker.com/reference/compose-file/services/#healthcheck).
        Reported at the name: a Compose service without `healthcheck` and without the aliyun probe labels
        (`aliyun.probe.url`, `aliyun.probe.cmd`), and a pod container with neither `livenessProbe` nor `readinessProbe`.
        An image may define its own HEALTHCHECK, which Docker runs when the service sets none — stackc cannot see the
        image, so for such a service say so in the file (`healthcheck: {test: [CMD, …]}` repeating it), or suppress the
        finding; Kubernetes ignores an image's HEALTHCHECK, so pods need probes. A health check disabled on purpose
        (`healthcheck: {disable: true}` or `test: [NONE]`) is a visible decision and not reported, nor is a service that
        `extends` another, a `provider` service, a service with neither `image` nor `build` (a fragment another `-f` file
        completes), or a service of an override fragment (`*.override.yml`).
        """,
        triggering: [
            Example("""
            services:
              ↓api:
                image: api:1.0
              db:
                image: postgres:17
                healthcheck:
                  test: [CMD, pg_isready, -U, postgres]
            """, messages: [
                "service 'api' has no healthcheck, so a hung container still counts as running (unless its image defines a HEALTHCHECK); add one, such as 'healthcheck: {test: [CMD, curl, -f, http://localhost/]}', or disable it explicitly",
            ]),
            Example("""
            containers:
              - name: ↓web
                image: nginx:1.27
              - name: mysql
                image: mysql:8.0
                readinessProbe: {tcpSocket: {port: 3306}}
            """, messages: [
                "container 'web' has no livenessProbe or readinessProbe, so a hung container still counts as running (Kubernetes ignores an image's HEALTHCHECK); add one, such as 'livenessProbe: {httpGet: {path: /, port: 80}}'",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              job:
                image: migrate:1.0
                healthcheck: {disable: true}
              worker:
                image: worker:1.0
                healthcheck: {test: [NONE]}
              web:
                image: nginx:1.27
                labels: {aliyun.probe.url: "http://container/health"}
              zulip:
                environment: {CERTIFICATES: certbot}
            """),
            Example("""
            containers:
              - name: web
                image: nginx:1.27
                livenessProbe: {httpGet: {path: /, port: 80}}
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            for service in compose.services where service.isWholeIn(fileName: context.fileName) && service.healthcheck == nil {
                guard !service.aliyunLabels.contains(where: { $0.name.value == "aliyun.probe.url" || $0.name.value == "aliyun.probe.cmd" }) else { continue }
                context.report("\(service.owner) has no healthcheck, so a hung container still counts as running (unless its image defines a HEALTHCHECK); "
                               + "add one, such as 'healthcheck: {test: [CMD, curl, -f, http://localhost/]}', or disable it explicitly", at: service.name)
            }
        case .pod(let pod):
            for container in pod.containers {
                guard let name = container.name, container.livenessProbe == nil, container.readinessProbe == nil else { continue }
                context.report("\(container.label) has no livenessProbe or readinessProbe, so a hung container still counts as running "
                               + "(Kubernetes ignores an image's HEALTHCHECK); add one, such as 'livenessProbe: {httpGet: {path: /, port: 80}}'", at: name)
            }
        default:
            break
        }
    }
}
