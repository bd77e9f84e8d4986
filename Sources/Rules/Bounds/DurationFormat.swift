import Diagnostics
import Model
import Syntax

/// A duration or a number of seconds the platform cannot read.
struct DurationFormat: Rule {
    static let description = RuleDescription(
        id: "duration", severity: .error, kinds: [.compose, .alaudaService],
        summary: "durations must be Compose durations such as '1m30s' or '1d', or whole seconds (Alauda, aliyun probe labels)",
        rationale: """
        Docker Compose reads `healthcheck.interval`, `timeout`, `start_period` and `start_interval`, `stop_grace_period`
        and the `delay`, `monitor` and `window` of `deploy.update_config`, `rollback_config` and `restart_policy` with
        compose-go's duration decoder (`go-str2duration`): Go's `time.ParseDuration` syntax — numbers each followed by a
        unit, `ns`, `us` (or `µs`), `ms`, `s`, `m`, `h` — plus `d` (24h) and `w` (7 days), as in `1m30s`, `10s`, `1.5s`,
        `500ms`, `1d` or `1w2d`, and a bare `0`; `30` without a unit, `10 s`, `1D` or `1 minute` are refused, and Compose's
        schema wants a string. Stricter than `docker compose config`, because Docker refuses them when the container is
        created: a health-check time shorter than 1ms other than 0, negative ones included ("Interval in Healthcheck
        cannot be less than 1ms"), and a negative `deploy` delay, monitor or window, which swarm refuses ("restart-delay
        cannot be negative"; `docker compose up` ignores these fields). A negative `stop_grace_period` is only a
        warning: Compose and Docker take it, and Docker then waits for the container to stop without ever killing it.
        Alauda's `autoscaling_config.wait_period` (PLATFORM_API.md §4) and the aliyun labels `aliyun.probe.timeout_seconds`
        and `aliyun.probe.initial_delay_seconds` (ALIYUN.md §3.2) are whole seconds instead, sent as strings: `"60"`, not
        `60s`.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                healthcheck:
                  test: [CMD, "true"]
                  interval: ↓"${PROBE_INTERVAL}"
            """, messages: [
                "healthcheck.interval of service 'web', written \"${PROBE_INTERVAL}\", is empty after substitution; Docker Compose refuses an empty value there: set the variable or give it a default, such as ${INTERVAL:-30s}",
            ]),
            Example("""
            services:
              web:
                image: nginx
                healthcheck:
                  interval: ↓"30"
                  timeout: ↓10 s
                  start_period: ↓500us
                  start_interval: ↓-1d
                stop_grace_period: ↓1D
                deploy:
                  restart_policy: {delay: ↓5sec, window: ↓-1m}
            """, messages: [
                "healthcheck.interval of service 'web' is '30', which has no unit; write '30s'",
                "healthcheck.timeout of service 'web' is '10 s', which is not a duration; write numbers with units, such as '1m30s', '10s' or '500ms' (units w d h m s ms us ns)",
                "healthcheck.start_period of service 'web' is '500us', shorter than the 1ms Docker allows for health checks; write '1ms' or more, or 0",
                "healthcheck.start_interval of service 'web' is '-1d', shorter than the 1ms Docker allows for health checks; write '1ms' or more, or 0",
                "stop_grace_period of service 'web' is '1D', which is not a duration; write numbers with units, such as '1m30s', '10s' or '500ms' (units w d h m s ms us ns)",
                "deploy.restart_policy.delay of service 'web' is '5sec', which is not a duration; write numbers with units, such as '1m30s', '10s' or '500ms' (units w d h m s ms us ns)",
                "deploy.restart_policy.window of service 'web' is '-1m', which is negative, and swarm refuses that; write a duration such as '10s'",
            ]),
            Example("""
            services:
              web:
                image: nginx
                stop_grace_period: ↓-5s
            """, messages: [
                "stop_grace_period of service 'web' is '-5s', which is negative: Docker then waits for the container to stop without ever killing it; write a duration such as '10s' for a time limit",
            ], severity: .warning),
            Example("""
            web:
              image: nginx
              labels:
                aliyun.probe.url: http://container/health
                aliyun.probe.timeout_seconds: ↓5s
                aliyun.probe.initial_delay_seconds: ↓"-1"
            """, messages: [
                "label aliyun.probe.timeout_seconds of service 'web' is '5s', which is not a whole number of seconds; write a whole number of seconds from 0 to 2147483647, such as '5'",
                "label aliyun.probe.initial_delay_seconds of service 'web' is -1; write a whole number of seconds from 0 to 2147483647, such as '5'",
            ]),
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            autoscaling_config: {wait_period: ↓1m}
            """),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
                healthcheck:
                  interval: 1d
                  timeout: "10s"
                  start_period: 0s
                  start_interval: 1.5s
                stop_grace_period: 1h
                deploy:
                  update_config: {delay: 500ms, monitor: 2µs}
                  rollback_config: {delay: 0s, monitor: 1d12h}
                  restart_policy: {delay: 5s, window: 1w}
                labels:
                  aliyun.probe.timeout_seconds: "5"
                  aliyun.probe.initial_delay_seconds: 30
            """),
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            autoscaling_config: {wait_period: "60"}
            """),
        ])

    static let durationFix = "write numbers with units, such as '1m30s', '10s' or '500ms' (units w d h m s ms us ns)"
    static let secondsFix = "write a whole number of seconds from 0 to \(Int32.max), such as '5'"
    static let probeLabels = ["aliyun.probe.timeout_seconds", "aliyun.probe.initial_delay_seconds"]
    static let healthCheckKeys: [(key: String, field: @Sendable (ComposeHealthcheck) -> NodeRef?)] = [
        ("interval", { $0.interval }), ("timeout", { $0.timeout }), ("start_period", { $0.startPeriod }), ("start_interval", { $0.startInterval }),
    ]
    /// The duration keys of each `deploy` section, grouped so that each section is looked up once.
    static let deployKeys: [(section: String, policy: @Sendable (ComposeDeploy) -> ComposeUpdatePolicy?,
                             keys: [(key: String, field: @Sendable (ComposeUpdatePolicy) -> NodeRef?)])] = [
        ("update_config", { $0.updateConfig }, [("delay", { $0.delay }), ("monitor", { $0.monitor })]),
        ("rollback_config", { $0.rollbackConfig }, [("delay", { $0.delay }), ("monitor", { $0.monitor })]),
        ("restart_policy", { $0.restartPolicy }, [("delay", { $0.delay }), ("window", { $0.window })]),
    ]

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            for service in compose.services {
                checkCompose(service, context: &context)
            }
        case .alaudaService(let service):
            if let node = service.autoscalingConfig?.waitPeriod, node.isCheckableScalar {
                checkSeconds(node.located(node.text), reading: IntegerReading(node, accepts: .numbersOrStrings), name: "autoscaling_config.wait_period",
                             context: &context)
            }
        default:
            break
        }
    }

    func checkCompose(_ service: ComposeService, context: inout RuleContext) {
        // Compose's schema takes only strings here: a number (`interval: 30`) is its `type-mismatch`.
        func check(_ node: NodeRef?, _ key: @autoclosure () -> String, field: Field) {
            guard let node, !context.reportLeftEmpty(node, "\(key()) of \(service.owner)", example: "${INTERVAL:-30s}"),
                  case .string(let text)? = node.checkableValue,
                  let (problem, severity) = Self.problem(text, field: field) else { return }
            context.report("\(key()) of \(service.owner) is '\(excerpt(text))', \(problem)", at: node, severity: severity)
        }
        if let healthcheck = service.healthcheck {
            for (key, field) in Self.healthCheckKeys { check(field(healthcheck), "healthcheck.\(key)", field: .healthCheck) }
        }
        check(service.stopGracePeriod, "stop_grace_period", field: .stopGracePeriod)
        if let deploy = service.deploy {
            for (section, policy, keys) in Self.deployKeys {
                guard let settings = policy(deploy) else { continue }
                for (key, field) in keys { check(field(settings), "deploy.\(section).\(key)", field: .deploy) }
            }
        }
        for label in service.aliyunLabels where Self.probeLabels.contains(label.name.value) && !label.valueHasVariable {
            guard let value = label.value else { continue }
            checkSeconds(value, reading: IntegerReading(text: value.value), name: "label \(label.name.value) of \(service.owner)", context: &context)
        }
    }

    /// What Docker does with a duration beyond its syntax differs by field.
    enum Field {
        /// Refused under 1ms, negative included, unless 0.
        case healthCheck
        /// Negative: no time limit.
        case stopGracePeriod
        /// Negative: refused by swarm, ignored by `docker compose up`.
        case deploy
    }

    /// What is wrong with a Compose duration, phrased to follow its value, and its severity when it is
    /// not the rule's; nil when nothing is.
    static func problem(_ text: String, field: Field) -> (String, Severity?)? {
        guard let duration = Duration(composeSyntax: Substring(text)) else {
            switch ScalarValue.resolve(text, style: .plain, tag: nil) {
            case .int, .float: return ("which has no unit; write '\(excerpt(text))s'", nil)
            default: return ("which is not a duration; \(durationFix)", nil)
            }
        }
        switch field {
        case .healthCheck where duration != .zero && duration < .milliseconds(1):
            return ("shorter than the 1ms Docker allows for health checks; write '1ms' or more, or 0", nil)
        case .stopGracePeriod where duration < .zero:
            return ("which is negative: Docker then waits for the container to stop without ever killing it; write a duration such as '10s' for a time limit",
                    .warning)
        case .deploy where duration < .zero:
            return ("which is negative, and swarm refuses that; write a duration such as '10s'", nil)
        default:
            return nil
        }
    }

    /// Whole seconds from 0, as the APIs take them (strings of digits).
    func checkSeconds(_ value: Located<String>, reading: IntegerReading, name: String, context: inout RuleContext) {
        switch reading {
        case .notInteger:
            context.report("\(name) is '\(excerpt(value.value))', which is not a whole number of seconds; \(Self.secondsFix)", at: value)
        case .integer(let seconds) where (0...Int64(Int32.max)).contains(seconds):
            break
        case .integer, .tooLarge:
            context.report("\(name) is \(excerpt(value.value)); \(Self.secondsFix)", at: value)
        case .absent:
            break
        }
    }
}
