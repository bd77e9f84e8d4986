import Model

/// A container that may take all of the host's memory.
struct MissingMemoryLimit: Rule {
    static let description = RuleDescription(
        id: "missing-memory-limit", severity: .warning, kinds: [.compose, .pod], category: .security,
        summary: "containers should have a memory limit",
        rationale: """
        "By default, a container has no resource constraints and can use as much of a given resource as the host's
        kernel scheduler allows" (Docker, Resource constraints, https://docs.docker.com/engine/containers/resource_constraints/):
        one leaking or attacked container can push the host into out-of-memory kills of its neighbours. CIS Docker
        Benchmark v1.6.0 §5.10 "Ensure that the memory usage for containers is limited"; OWASP Docker Security Cheat
        Sheet RULE #7 "Limit resources". Reported at the service's name: a Compose service with neither `mem_limit` nor
        `deploy.resources.limits.memory`, and a pod container without `resources.limits.memory` (Kubernetes, "Assign
        Memory Resources to Containers and Pods"). Not reported where this file cannot tell: a service that `extends`
        another, a `provider` service, a service with neither `image` nor `build` (a fragment another `-f` file
        completes), and any service of an override fragment (`*.override.yml`), which is merged onto a base file. An application's `resources.mem` is not checked: PLATFORM_API.md does not say whether it is a
        request or a limit.
        """,
        triggering: [
            Example("""
            services:
              ↓web:
                image: nginx:1.27
                deploy:
                  resources:
                    reservations: {memory: 128m}
              db:
                image: postgres:17
                mem_limit: 1g
            """, messages: [
                "service 'web' has no memory limit and can take all of the host's memory; set one, such as 'mem_limit: 512m' or deploy.resources.limits.memory",
            ]),
            Example("""
            ↓web:
              image: nginx:1.27
            """),
            Example("""
            containers:
              - name: ↓mysql
                image: mysql:8.0
                resources: {requests: {cpu: 100m, memory: 128Mi}}
            """, messages: [
                "container 'mysql' has no memory limit and can take all of the node's memory; set resources.limits.memory, such as '512Mi'",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx:1.27
                deploy: {resources: {limits: {memory: 256M}}}
              db:
                image: postgres:17
                mem_limit: ${DB_MEMORY:-1g}
              admin:
                extends: {file: base.yml, service: admin}
              zulip:
                environment: {CERTIFICATES: certbot}
            """),
            Example("""
            containers:
              - name: mysql
                image: mysql:8.0
                resources: {limits: {memory: 512Mi}}
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            for service in compose.services where service.isWholeIn(fileName: context.fileName) {
                guard service.memLimit == nil, service.deploy?.resources?.limits?.memory == nil else { continue }
                context.report("\(service.owner) has no memory limit and can take all of the host's memory; "
                               + "set one, such as 'mem_limit: 512m' or deploy.resources.limits.memory", at: service.name)
            }
        case .pod(let pod):
            for container in pod.containers {
                guard let name = container.name, container.resources?.memoryLimit == nil else { continue }
                context.report("\(container.label) has no memory limit and can take all of the node's memory; set resources.limits.memory, "
                               + "such as '512Mi'", at: name)
            }
        default:
            break
        }
    }
}
