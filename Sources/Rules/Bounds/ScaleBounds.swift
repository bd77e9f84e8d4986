import Diagnostics
import Model

/// Replica counts and autoscaling settings the platform cannot run.
struct ScaleBounds: Rule {
    static let description = RuleDescription(
        id: "scale-bounds", severity: .error, kinds: [.compose, .pod, .application, .alaudaService],
        summary: "replica counts and autoscaling bounds must be whole numbers in range, minimum not above maximum",
        rationale: """
        Counts are whole numbers of 0 or more: Compose `replicas`, `scale` and `deploy.replicas` (Compose refuses
        anything else), the aliyun `aliyun.scale` label and the `aliyun.auto_scaling.*` thresholds, which the platform
        reads with `strconv.Atoi` (ALIYUN.md §3.2), a pod's `replicas` and an application's `instanceNum`
        (PLATFORM_API.md §5), and Alauda's `target_num_instances` (§4). The v2 autoscaler (`scale` of an application,
        and `minReplicas`/`maxReplicas`/`targetCPU` of a podstack request, whether flags, a stack manifest or the
        defaults set them) follows Kubernetes' HPA, as §5 reads it:
        `minReplicas` at least 1, `maxReplicas` not below `minReplicas`, `targetCPUUtilization` a percentage from 1 to
        100. For Alauda's `autoscaling_config` (§4): `minimum_num_instances` not above `maximum_num_instances`, deltas
        of at least 1, and thresholds that are fractions with `0 ≤ lower_threshold < upper_threshold ≤ 1`; the API
        sends them as strings ("0.6"), which are read as numbers. A minimum above its maximum leaves the autoscaler
        nothing to choose, and the server refuses it after the upload. Values too large for a 32-bit integer are
        `integer-overflow`'s; a value left empty by an unset variable is `unset-variable`'s.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                deploy:
                  replicas: ↓-1
              worker:
                image: app
                scale: ↓"-2"
                labels:
                  aliyun.scale: ↓3x
            """, messages: [
                "deploy.replicas of service 'web' is -1; use a whole number of 0 or more",
                "scale of service 'worker' is -2; use a whole number of 0 or more",
                "label aliyun.scale of service 'worker' is '3x', which is not a whole number; use a whole number of 0 or more",
            ]),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            instanceNum: 2
            scale: {minReplicas: ↓0, maxReplicas: 4, targetCPUUtilization: ↓120}
            """, messages: [
                "scale.minReplicas is 0; use a whole number of 1 or more",
                "scale.targetCPUUtilization is 120; use a whole number from 1 to 100",
            ]),
            Example("""
            web:
              image: nginx
              labels:
                - aliyun.auto_scaling.min_cpu=70
                - ↓aliyun.auto_scaling.max_cpu=30
            """, messages: [
                "label aliyun.auto_scaling.max_cpu of service 'web' is 30, less than label aliyun.auto_scaling.min_cpu 70; make it at least 70",
            ]),
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            autoscaling_config:
              upper_threshold: "0.5"
              lower_threshold: ↓"0.7"
              increase_delta: ↓"0"
              minimum_num_instances: "5"
              maximum_num_instances: ↓"2"
            """, messages: [
                "autoscaling_config.increase_delta is 0; use a whole number of 1 or more",
                "autoscaling_config.maximum_num_instances is 2, less than autoscaling_config.minimum_num_instances 5; make it at least 5",
                "autoscaling_config.lower_threshold 0.7 is not below upper_threshold 0.5; make lower_threshold the smaller of the two",
            ]),
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            autoscaling_config: {upper_threshold: ↓"60%", lower_threshold: ↓-0.1}
            """, messages: [
                "autoscaling_config.upper_threshold is '60%', which is not a number; use a fraction from 0 to 1, such as '0.6'",
                "autoscaling_config.lower_threshold is -0.1; use a fraction from 0 to 1, such as '0.6'",
            ]),
            Example("""
            containers: [{name: app, image: app}]
            replicas: ↓-2
            """),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
                scale: 3
                labels: {aliyun.scale: "2", aliyun.auto_scaling.min_cpu: "30", aliyun.auto_scaling.max_cpu: "70"}
              idle:
                image: app
                deploy: {replicas: 0}
              worker:
                image: app
                deploy:
                  replicas: "2"
              batch:
                image: app
                deploy:
                  replicas: ${BATCH_REPLICAS:-1}
            """),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            instanceNum: 0
            scale: {minReplicas: 2, maxReplicas: 2, targetCPUUtilization: 100}
            """),
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            target_num_instances: 2
            autoscaling_config:
              upper_threshold: "0.6"
              lower_threshold: 0
              decrease_delta: "1"
              increase_delta: 2
              minimum_num_instances: "2"
              maximum_num_instances: "5"
            """),
        ])

    /// Keys of a minimum and the maximum it must not exceed, within one group of fields.
    static let pairs: [(minimum: String, maximum: String)] = [
        ("scale.minReplicas", "scale.maxReplicas"),
        ("autoscaling_config.minimum_num_instances", "autoscaling_config.maximum_num_instances"),
    ] + IntegerField.autoScalingMetrics.map { ("label aliyun.auto_scaling.min_\($0)", "label aliyun.auto_scaling.max_\($0)") }

    func check(_ document: Document, context: inout RuleContext) {
        for group in IntegerField.groups(in: document, sharedBy: context) {
            for field in group {
                guard let bounds = field.bounds else { continue }
                if field.reading == .notInteger {
                    context.report(Self.notWhole(field.name, field.value.value, bounds), at: field.value)
                } else if let value = field.reading.within32Bits, !bounds.contains(value) {
                    context.report(Self.outside(field.name, value, bounds), at: field.value)
                }
            }
            // A group holds a handful of fields: scanning it beats hashing every key of every service.
            for (minimumKey, maximumKey) in Self.pairs {
                guard let minimum = group.last(where: { $0.key == minimumKey }), let maximum = group.last(where: { $0.key == maximumKey }),
                      let low = minimum.reading.within32Bits, let high = maximum.reading.within32Bits, high < low else { continue }
                context.report(Self.maximumBelowMinimum(maximum.name, high, minimum: minimum.key, low),
                               at: maximum.value, notes: [minimum.value.note("the minimum is set here")])
            }
        }
        if case .alaudaService(let service) = document, let autoscaling = service.autoscalingConfig {
            checkThresholds(autoscaling, context: &context)
        }
    }

    /// Alauda's CPU thresholds: fractions, the lower one below the upper one.
    func checkThresholds(_ autoscaling: AlaudaServiceDocument.Autoscaling, context: inout RuleContext) {
        func fraction(_ node: NodeRef?, key: String) -> (value: Double, text: Located<String>)? {
            guard let node, node.isNumberOrString else { return nil }
            let text = node.located(node.node.text)
            if let number = node.number?.value, (0...1).contains(number) { return (number, text) }
            context.report(Self.notFraction("autoscaling_config.\(key)", text.value, isNumber: node.number != nil), at: text)
            return nil
        }
        let upper = fraction(autoscaling.upperThreshold, key: "upper_threshold")
        let lower = fraction(autoscaling.lowerThreshold, key: "lower_threshold")
        if let upper, let lower, lower.value >= upper.value {
            context.report(Self.thresholdsCrossed(lower: lower.text.value, upper: upper.text.value),
                           at: lower.text, notes: [upper.text.note("the upper threshold is set here")])
        }
    }

    // MARK: Messages

    static func notWhole(_ name: String, _ text: String, _ bounds: CountBounds) -> String {
        "\(name) is '\(excerpt(text))', which is not a whole number; use a whole number \(bounds.phrase)"
    }

    static func outside(_ name: String, _ value: Int64, _ bounds: CountBounds) -> String {
        "\(name) is \(value); use a whole number \(bounds.phrase)"
    }

    static func maximumBelowMinimum(_ name: String, _ value: Int64, minimum: String, _ low: Int64) -> String {
        "\(name) is \(value), less than \(minimum) \(low); make it at least \(low)"
    }

    private static func notFraction(_ name: String, _ text: String, isNumber: Bool) -> String {
        let found = isNumber ? "\(name) is \(excerpt(text))" : "\(name) is '\(excerpt(text))', which is not a number"
        return "\(found); use a fraction from 0 to 1, such as '0.6'"
    }

    private static func thresholdsCrossed(lower: String, upper: String) -> String {
        "autoscaling_config.lower_threshold \(excerpt(lower)) is not below upper_threshold \(excerpt(upper)); make lower_threshold the smaller of the two"
    }
}
