import Model

/// A restart policy Docker or Kubernetes does not know.
struct RestartPolicy: Rule {
    static let description = RuleDescription(
        id: "restart-policy", severity: .error, kinds: [.compose, .pod],
        summary: "restart policies must be ones Docker and Kubernetes know",
        rationale: """
        Docker accepts a service's `restart` only as `no`, `always`, `on-failure`, `on-failure:N` (N a retry count
        ≥ 0) or `unless-stopped`; anything else passes `docker compose config` and fails when the container is
        created ("invalid restart policy"), on the node, after the platform took the project. `deploy.restart_policy.condition`
        is `none`, `on-failure` or `any` (Docker Compose also maps `no`, `always` and `unless-stopped` onto those).
        A pod's `restartPolicy` is Kubernetes' `Always`, `OnFailure` or `Never`. A value left incomplete by an unset
        variable is the `unset-variable` warning's business.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                restart: ↓allways
              worker:
                image: worker
                restart: ↓always:3
              batch:
                image: batch
                restart: ↓"on-failure:three"
            """, messages: [
                "restart is 'allways', not one of 'no', 'always', 'on-failure', 'on-failure:N', 'unless-stopped'; did you mean 'always'?",
                "restart 'always:3' gives a retry count, which only 'on-failure' takes; write 'always' or 'on-failure:3'",
                "the retry count of restart 'on-failure:three' must be a number of 0 or more, such as 'on-failure:5'",
            ]),
            Example("""
            services:
              web:
                image: nginx
                deploy:
                  restart_policy:
                    condition: ↓on_failure
            """, messages: ["deploy.restart_policy.condition is 'on_failure', not one of 'none', 'on-failure', 'any'; did you mean 'on-failure'?"]),
            Example("""
            containers:
              - {name: job, image: busybox}
            restartPolicy: ↓always
            """, messages: ["restartPolicy is 'always', not one of 'Always', 'OnFailure', 'Never'; did you mean 'Always'?"]),
        ],
        nonTriggering: [
            Example("""
            services:
              a: {image: x, restart: "no"}
              b: {image: x, restart: always}
              c: {image: x, restart: "on-failure:5"}
              d: {image: x, restart: unless-stopped}
              e: {image: x, restart: "${RESTART:-on-failure}"}
              f: {image: x, restart: "on-failure:${RETRIES}"}
              g:
                image: x
                deploy: {restart_policy: {condition: any, max_attempts: 3}}
            """),
            Example("""
            containers:
              - {name: job, image: busybox}
            restartPolicy: OnFailure
            """),
        ])

    static let policies = ["no", "always", "on-failure", "unless-stopped"]
    static let conditions = ["none", "on-failure", "any"]
    /// What Docker Compose also accepts as a condition, mapping it onto the three above.
    static let conditionAliases = ["no", "always", "unless-stopped"]

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            for service in compose.services {
                // Nearly every service names a policy exactly, which is decided from the text alone.
                if let node = service["restart"], case .string(let text) = node.resolved, !Self.policies.contains(text),
                   let restart = node.checkedString(separators: ":") {
                    checkRestart(restart, context: &context)
                }
                if let condition = service["deploy"]?["restart_policy"]?["condition"].flatMap(Self.stringValue),
                   !Self.conditionAliases.contains(condition.value) {
                    context.requireOneOf(condition, Self.conditions, field: "deploy.restart_policy.condition")
                }
            }
        case .pod(let pod):
            if let policy = pod.root["restartPolicy"].flatMap(Self.stringValue) {
                context.requireOneOf(policy, ["Always", "OnFailure", "Never"], field: "restartPolicy")
            }
        default:
            break
        }
    }

    /// The text of a string scalar (a boolean or number is the schema check's business).
    static func stringValue(_ node: NodeRef) -> Located<String>? {
        guard case .string = node.resolved else { return nil }
        return node.checkedString(separators: ":")
    }

    func checkRestart(_ restart: Located<String>, context: inout RuleContext) {
        let parts = restart.value.split(ascii: ":", maxSplits: 1)
        let name = String(parts[0])
        guard Self.policies.contains(name) else {
            let shown = Self.policies.flatMap { $0 == "on-failure" ? [$0, "on-failure:N"] : [$0] }
            context.report("restart is '\(restart.value)', not one of \(RuleContext.quotedList(shown))\(RuleContext.suggestion(for: name, among: Self.policies))",
                           at: restart)
            return
        }
        guard parts.count == 2 else { return }
        if name != "on-failure" {
            context.report("restart '\(restart.value)' gives a retry count, which only 'on-failure' takes; write '\(name)' or 'on-failure:\(parts[1])'", at: restart)
        } else if (Int(parts[1]) ?? -1) < 0 {
            context.report("the retry count of restart '\(restart.value)' must be a number of 0 or more, such as 'on-failure:5'", at: restart)
        }
    }
}
