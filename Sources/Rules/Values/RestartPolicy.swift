import Diagnostics
import Model

/// A restart policy Docker or Kubernetes does not know.
struct RestartPolicy: Rule {
    static let description = RuleDescription(
        id: "restart-policy", severity: .error, kinds: [.compose, .pod],
        summary: "restart policies must be ones Docker and Kubernetes know",
        rationale: """
        Docker Compose passes a service's `restart` to Docker without checking it: `docker compose config` takes
        anything, and Docker refuses an unknown policy when the container is created ("invalid restart policy"), on
        the node, after the platform took the project. Compose splits the value at `:`, maps the name as it maps
        `deploy.restart_policy.condition` (`no` and `none` to no, `always` and `any` to always, `on-failure`,
        `unless-stopped`) and reads the count after the `:` as a number, 0 when it is none. Docker then refuses any
        other name, a count with a policy other than `on-failure` ("maximum retry count can only be used with
        'on-failure'") and a negative count: errors. Accepted without a finding: `restart: ""` (no policy, the
        default `no`), `none` and `any`. A count that is no number (`on-failure:three`) is a warning, since Compose
        reads 0 — retry without limit — as is a count of 0 with another policy (`always:0`), which Docker ignores.
        When `deploy.restart_policy` is set, Compose uses it and ignores `restart`: what is wrong there is a warning
        then. `deploy.restart_policy.condition` is `none`, `on-failure` or `any` (Docker Compose also maps `no`,
        `always` and `unless-stopped` onto those, and takes an empty one). A pod's `restartPolicy` is Kubernetes'
        `Always`, `OnFailure` or `Never`. A value left incomplete by an unset variable is the `unset-variable`
        warning's business.
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
                restart: ↓"on-failure:-1"
            """, messages: [
                "restart is 'allways', not one of 'no', 'always', 'on-failure', 'on-failure:N', 'unless-stopped'; did you mean 'always'?",
                "restart 'always:3' gives a retry count, which only 'on-failure' takes; write 'always' or 'on-failure:3'",
                "the retry count of restart 'on-failure:-1' is negative, which Docker refuses; write a number of 0 or more, such as 'on-failure:5'",
            ], fixed: """
            services:
              web:
                image: nginx
                restart: always
              worker:
                image: worker
                restart: always:3
              batch:
                image: batch
                restart: "on-failure:-1"
            """),
            Example("""
            services:
              batch:
                image: batch
                restart: ↓"on-failure:three"
              web:
                image: nginx
                restart: ↓"always:0"
              worker:
                image: worker
                restart: ↓allways
                deploy:
                  restart_policy: {condition: on-failure}
            """, messages: [
                "the retry count of restart 'on-failure:three' is not a number, so Compose reads 0 and Docker retries without limit; write a number, such as 'on-failure:5'",
                "restart 'always:0' gives a retry count, which only 'on-failure' takes; Docker ignores a count of 0, write 'always'",
                "restart is 'allways', not one of 'no', 'always', 'on-failure', 'on-failure:N', 'unless-stopped'; did you mean 'always'? Compose ignores it, as deploy.restart_policy is set",
            ], severity: .warning, fixed: """
            services:
              batch:
                image: batch
                restart: "on-failure:three"
              web:
                image: nginx
                restart: "always:0"
              worker:
                image: worker
                restart: always
                deploy:
                  restart_policy: {condition: on-failure}
            """),
            Example("""
            services:
              web:
                image: nginx
                deploy:
                  restart_policy:
                    condition: ↓on_failure
            """, messages: ["deploy.restart_policy.condition is 'on_failure', not one of 'none', 'on-failure', 'any'; did you mean 'on-failure'?"], fixed: """
            services:
              web:
                image: nginx
                deploy:
                  restart_policy:
                    condition: on-failure
            """),
            Example("""
            containers:
              - {name: job, image: busybox}
            restartPolicy: ↓always
            """, messages: ["restartPolicy is 'always', not one of 'Always', 'OnFailure', 'Never'; did you mean 'Always'?"], fixed: """
            containers:
              - {name: job, image: busybox}
            restartPolicy: Always
            """),
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
                deploy: {restart_policy: {condition: on-failure, max_attempts: 3}}
              h: {image: x, restart: ""}
              i: {image: x, restart: none}
              j: {image: x, restart: any}
              k:
                image: x
                deploy: {restart_policy: {condition: ""}}
            """),
            Example("""
            containers:
              - {name: job, image: busybox}
            restartPolicy: OnFailure
            """),
        ])

    static let policies = ["no", "always", "on-failure", "unless-stopped"]
    /// What Docker Compose also accepts as a policy name, mapping it onto one of the four above.
    static let policyAliases = ["none", "any"]
    static let conditions = ["none", "on-failure", "any"]
    /// What Docker Compose also accepts as a condition, mapping it onto the three above (the empty one
    /// is Docker's default, no restart).
    static let conditionAliases = ["no", "always", "unless-stopped", ""]

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            for service in compose.services {
                let deployPolicy = service.deploy?.restartPolicy
                // Nearly every service names a policy exactly, which is decided from the text alone.
                if let node = service.restart, case .string(let text) = node.resolved, !text.isEmpty, !Self.policies.contains(text),
                   let restart = node.checkedString(separators: ":") {
                    checkRestart(restart, ignored: deployPolicy != nil, context: &context)
                }
                if let condition = deployPolicy?.condition.flatMap(Self.stringValue),
                   !Self.conditionAliases.contains(condition.value) {
                    context.requireOneOf(condition, Self.conditions, field: "deploy.restart_policy.condition")
                }
            }
        case .pod(let pod):
            if let policy = pod.restartPolicy.flatMap(Self.stringValue) {
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

    /// `restart` as Compose reads it (`getRestartPolicy`): the name before the first `:`, the count after
    /// it through Go's `strconv.Atoi`, 0 when that fails.
    /// - Parameter ignored: whether `deploy.restart_policy` is set, so that Compose ignores `restart`.
    func checkRestart(_ restart: Located<String>, ignored: Bool, context: inout RuleContext) {
        let parts = restart.value.split(ascii: ":", maxSplits: 2)
        let name = String(parts[0])
        // A finding Docker would refuse is an error, unless Compose ignores the value.
        let refused: Severity? = ignored ? .warning : nil
        let suffix = ignored ? " Compose ignores it, as deploy.restart_policy is set" : ""
        guard Self.policies.contains(name) || Self.policyAliases.contains(name) else {
            let shown = Self.policies.flatMap { $0 == "on-failure" ? [$0, "on-failure:N"] : [$0] }
            let suggestion = RuleContext.suggestion(for: name, among: Self.policies)
            context.report("restart is '\(restart.value)', not one of \(RuleContext.quotedList(shown))\(suggestion)\(suggestion.isEmpty && ignored ? ";" : "")\(suffix)",
                           at: restart, severity: refused,
                           fix: parts.count == 1 ? Suggestions.only(to: name, among: Self.policies).flatMap { restart.replacement($0) } : nil)
            return
        }
        guard parts.count >= 2 else { return }
        let countText = parts[1]
        let count = Self.goAtoi(countText)
        if name != "on-failure" {
            let fix = count == 0 ? "Docker ignores a count of 0, write '\(name)'" : "write '\(name)' or 'on-failure:\(countText)'"
            context.report("restart '\(restart.value)' gives a retry count, which only 'on-failure' takes; \(fix)\(ignored ? ";" + suffix : "")", at: restart,
                           severity: count == 0 ? .warning : refused)
        } else if count == nil {
            context.report("the retry count of restart '\(restart.value)' is not a number, so Compose reads 0 and Docker retries without limit; "
                           + "write a number, such as 'on-failure:5'", at: restart, severity: .warning)
        } else if let count, count < 0 {
            context.report("the retry count of restart '\(restart.value)' is negative, which Docker refuses; write a number of 0 or more, such as 'on-failure:5'\(ignored ? ";" + suffix : "")",
                           at: restart, severity: refused)
        }
    }

    /// Go's `strconv.Atoi`: an optional sign and decimal digits, clamped to 64 bits; nil when it fails
    /// (Compose then uses 0).
    static func goAtoi(_ text: Substring) -> Int64? {
        var digits = text
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        var value: Int64 = 0
        for byte in digits.utf8 {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowAdd) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflow, !overflowAdd else { return negative ? .min : .max }
            value = sum
        }
        return negative ? -value : value
    }
}
