import Model

/// A capability that hands a container (nearly) all of root's power over the host.
struct BroadCapability: Rule {
    static let description = RuleDescription(
        id: "broad-capability", severity: .warning, kinds: [.compose, .pod], category: .security,
        summary: "containers should not add ALL or SYS_ADMIN capabilities",
        rationale: """
        Docker starts a container with a short list of capabilities; each added one widens what root in the container
        can do to the host. `ALL` adds every one, which is most of `privileged`; `SYS_ADMIN` allows mounting file
        systems, namespace and BPF operations and much more — capabilities(7) calls it overloaded, and the Kubernetes
        Pod Security Standards' Baseline profile forbids adding either. CIS Docker Benchmark v1.6.0 §5.3 "Ensure that
        Linux kernel capabilities are restricted within containers"; OWASP Docker Security Cheat Sheet RULE #3 "Limit
        capabilities (grant only specific capabilities needed by a container)". Reported: `ALL` or `SYS_ADMIN` in a
        Compose service's `cap_add` or a pod container's `securityContext.capabilities.add`, in any case and with or
        without the `CAP_` prefix (Docker reads `cap_sys_admin` as `CAP_SYS_ADMIN`). Narrower capabilities
        (`NET_ADMIN`, `SYS_PTRACE`) are a judgement per service and are left to review.
        """,
        triggering: [
            Example("""
            services:
              vpn:
                image: wireguard:1.0
                cap_add: [NET_ADMIN, ↓ALL]
              fuse:
                image: rclone/rclone:1.68
                cap_add:
                  - ↓cap_sys_admin
            """, messages: [
                "service 'vpn' adds every capability (cap_add: ALL), nearly what privileged gives; add only the ones it needs, such as NET_BIND_SERVICE",
                "service 'fuse' adds SYS_ADMIN (cap_add: cap_sys_admin), which allows mounting file systems and much of what root can do on the host; add the narrower capability it needs instead",
            ]),
            Example("""
            containers:
              - name: debug
                image: busybox:1.36
                securityContext:
                  capabilities:
                    add: [↓SYS_ADMIN]
            """, messages: [
                "container 'debug' adds SYS_ADMIN (securityContext.capabilities.add: SYS_ADMIN), which allows mounting file systems and much of what root can do on the host; add the narrower capability it needs instead",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx:1.27
                cap_drop: [ALL]
                cap_add: [NET_BIND_SERVICE, CHOWN]
              tool:
                image: tool:1.0
                cap_add: ["${EXTRA_CAP}"]
            """),
            Example("""
            containers:
              - name: web
                image: nginx:1.27
                securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            for service in compose.services {
                check(service.capAdd, owner: service.owner, field: "cap_add", context: &context)
            }
        case .pod(let pod):
            for container in pod.containers {
                check(container.securityContext?.addedCapabilities, owner: container.label,
                      field: "securityContext.capabilities.add", context: &context)
            }
        default:
            break
        }
    }

    func check(_ list: NodeRef?, owner: String, field: String, context: inout RuleContext) {
        for item in list?.items ?? [] {
            guard let text = item.policyText else { continue }
            let written = item.isWrittenWithVariable ? item.quotedForFinding : text
            switch Self.normalized(text) {
            case "ALL":
                context.report("\(owner) adds every capability (\(field): \(written)), nearly what privileged gives; "
                               + "add only the ones it needs, such as NET_BIND_SERVICE", at: item)
            case "SYS_ADMIN":
                context.report("\(owner) adds SYS_ADMIN (\(field): \(written)), which allows mounting file systems and much of what root can do "
                               + "on the host; add the narrower capability it needs instead", at: item)
            default:
                continue
            }
        }
    }

    /// A capability name as Docker reads it: upper case, without the `CAP_` prefix.
    static func normalized(_ name: String) -> String {
        let upper = name.uppercased()
        return upper.hasPrefix("CAP_") ? String(upper.dropFirst(4)) : upper
    }
}
