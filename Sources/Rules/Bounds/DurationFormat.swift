import Diagnostics
import Model
import Syntax

/// A duration or a number of seconds the platform cannot read.
struct DurationFormat: Rule {
    static let description = RuleDescription(
        id: "duration", severity: .error, kinds: [.compose, .alaudaService],
        summary: "durations must be Go durations such as '1m30s' (Compose) or whole seconds (Alauda, aliyun probe labels)",
        rationale: """
        Docker Compose reads `healthcheck.interval`, `timeout`, `start_period` and `start_interval`, `stop_grace_period`
        and the `delay`, `monitor` and `window` of `deploy.update_config`, `rollback_config` and `restart_policy` with Go's
        `time.ParseDuration`: numbers each followed by a unit — `ns`, `us` (or `µs`), `ms`, `s`, `m`, `h` — as in `1m30s`,
        `10s`, `1.5s` or `500ms`, and a bare `0`; `30` without a unit, `10 s` or `1 minute` are refused, and Compose's
        schema wants a string. A negative duration is never meant, and Docker refuses health-check times shorter than
        1ms other than 0 ("Interval in Healthcheck cannot be less than 1ms"). Alauda's `autoscaling_config.wait_period`
        (PLATFORM_API.md §4) and the aliyun labels `aliyun.probe.timeout_seconds` and `aliyun.probe.initial_delay_seconds`
        (ALIYUN.md §3.2) are whole seconds instead, sent as strings: `"60"`, not `60s`.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                healthcheck:
                  interval: ↓"30"
                  timeout: ↓10 s
                  start_period: ↓500us
                stop_grace_period: ↓-5s
                deploy:
                  restart_policy: {delay: ↓5sec}
            """, messages: [
                "healthcheck.interval of service 'web' is '30', which has no unit; write '30s'",
                "healthcheck.timeout of service 'web' is '10 s', which is not a duration; write numbers with units, such as '1m30s', '10s' or '500ms' (units h m s ms us ns)",
                "healthcheck.start_period of service 'web' is '500us', shorter than the 1ms Docker allows for health checks; write '1ms' or more, or 0",
                "stop_grace_period of service 'web' is '-5s', which is negative; write a duration such as '10s'",
                "deploy.restart_policy.delay of service 'web' is '5sec', which is not a duration; write numbers with units, such as '1m30s', '10s' or '500ms' (units h m s ms us ns)",
            ]),
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
                  interval: 1m30s
                  timeout: "10s"
                  start_period: 0s
                  start_interval: 1.5s
                stop_grace_period: 1h
                deploy:
                  update_config: {delay: 500ms, monitor: 2µs}
                  rollback_config: {delay: 0s}
                  restart_policy: {delay: 5s, window: 2m}
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

    static let durationFix = "write numbers with units, such as '1m30s', '10s' or '500ms' (units h m s ms us ns)"
    static let secondsFix = "write a whole number of seconds from 0 to \(Int32.max), such as '5'"
    static let probeLabels = ["aliyun.probe.timeout_seconds", "aliyun.probe.initial_delay_seconds"]
    static let healthCheckKeys = ["interval", "timeout", "start_period", "start_interval"]
    /// The duration keys of each `deploy` section, grouped so that each section is looked up once.
    static let deployKeys = [("update_config", ["delay", "monitor"]), ("rollback_config", ["delay", "monitor"]), ("restart_policy", ["delay", "window"])]

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            for service in compose.services {
                checkCompose(service, context: &context)
            }
        case .other(.alaudaService, let root):
            if let node = root["autoscaling_config"]?["wait_period"], node.isCheckableScalar {
                checkSeconds(node.located(node.text), reading: IntegerReading(node, accepts: .numbersOrStrings), name: "autoscaling_config.wait_period",
                             context: &context)
            }
        default:
            break
        }
    }

    func checkCompose(_ service: ComposeService, context: inout RuleContext) {
        // Compose's schema takes only strings here: a number (`interval: 30`) is its `type-mismatch`.
        func check(_ node: NodeRef?, _ key: @autoclosure () -> String, isHealthCheck: Bool = false) {
            guard let node, case .string(let text)? = node.checkableValue,
                  let problem = Self.problem(text, isHealthCheck: isHealthCheck) else { return }
            context.report("\(key()) of \(service.owner) is '\(excerpt(text))', \(problem)", at: node)
        }
        if let healthcheck = service["healthcheck"] {
            for key in Self.healthCheckKeys { check(healthcheck[key], "healthcheck.\(key)", isHealthCheck: true) }
        }
        check(service["stop_grace_period"], "stop_grace_period")
        if let deploy = service["deploy"] {
            for (section, keys) in Self.deployKeys {
                guard let settings = deploy[section] else { continue }
                for key in keys { check(settings[key], "deploy.\(section).\(key)") }
            }
        }
        for label in service.aliyunLabels where Self.probeLabels.contains(label.name.value) && !label.valueHasVariable {
            guard let value = label.value else { continue }
            checkSeconds(value, reading: IntegerReading(text: value.value), name: "label \(label.name.value) of \(service.owner)", context: &context)
        }
    }

    /// What is wrong with a Compose duration, phrased to follow its value, or nil.
    static func problem(_ text: String, isHealthCheck: Bool) -> String? {
        guard let duration = Duration(goSyntax: Substring(text)) else {
            switch ScalarValue.resolve(text, style: .plain, tag: nil) {
            case .int, .float: return "which has no unit; write '\(excerpt(text))s'"
            default: return "which is not a duration; \(durationFix)"
            }
        }
        if duration < .zero { return "which is negative; write a duration such as '10s'" }
        if isHealthCheck, duration != .zero, duration < .milliseconds(1) {
            return "shorter than the 1ms Docker allows for health checks; write '1ms' or more, or 0"
        }
        return nil
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
