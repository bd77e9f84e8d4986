import Model

/// A container run with every privilege the host has.
struct PrivilegedContainer: Rule {
    static let description = RuleDescription(
        id: "privileged-container", severity: .warning, kinds: [.compose, .pod], category: .security,
        summary: "containers should not run privileged",
        rationale: """
        A privileged container gets every Linux capability, all host devices and no seccomp or AppArmor confinement
        (Docker's run reference, "Runtime privilege and Linux capabilities",
        https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities): root in it is root
        on the host. CIS Docker Benchmark v1.6.0 §5.4 "Ensure that privileged containers are not used"; OWASP Docker
        Security Cheat Sheet RULE #3 ("do not run containers with the --privileged flag"). Compose's `privileged:
        true` (also a string Compose reads as true, such as `"yes"`) and a pod container's
        `securityContext.privileged: true` are reported; add only the capabilities the container needs instead
        (`cap_add`, `securityContext.capabilities.add`). A value written with a variable is judged by what it
        becomes: `privileged: ${PRIVILEGED:-false}` is no finding unless the variable is set to true.
        """,
        triggering: [
            Example("""
            services:
              agent:
                image: portainer/agent:2.21
                privileged: ↓true
              dind:
                image: docker:27-dind
                privileged: ↓"yes"
            """, messages: [
                "service 'agent' runs privileged (privileged: true): every capability and host device, no seccomp or AppArmor; remove it and add only the capabilities it needs with cap_add",
                "service 'dind' runs privileged (privileged: 'yes'): every capability and host device, no seccomp or AppArmor; remove it and add only the capabilities it needs with cap_add",
            ]),
            Example("""
            containers:
              - name: exporter
                image: node-exporter:1.8
                securityContext:
                  privileged: ↓true
            """, messages: [
                "container 'exporter' runs privileged (securityContext.privileged: true): every capability and host device, no seccomp or AppArmor; remove it and add only the capabilities it needs with securityContext.capabilities.add",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx:1.27
                privileged: false
                cap_add: [NET_BIND_SERVICE]
              job:
                image: app:1.0
                privileged: ${PRIVILEGED:-false}
            """),
            Example("""
            containers:
              - name: web
                image: nginx:1.27
                securityContext: {privileged: false, capabilities: {add: [NET_ADMIN]}}
            """),
        ])

    static let consequence = "every capability and host device, no seccomp or AppArmor"

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            for service in compose.services {
                guard let privileged = service.privileged, privileged.composeBoolean == true else { continue }
                let written = privileged.resolved == .bool(true) ? "true" : privileged.quotedForFinding
                context.report("\(service.owner) runs privileged (privileged: \(written)): \(Self.consequence); "
                               + "remove it and add only the capabilities it needs with cap_add", at: privileged)
            }
        case .pod(let pod):
            for container in pod.containers {
                guard let privileged = container.securityContext?.privileged, privileged.resolved == .bool(true) else { continue }
                context.report("\(container.label) runs privileged (securityContext.privileged: true): \(Self.consequence); "
                               + "remove it and add only the capabilities it needs with securityContext.capabilities.add", at: privileged)
            }
        default:
            break
        }
    }
}
