import Model

/// An Alauda service that scales automatically with no scaling policy.
struct AlaudaAutoscaling: Rule {
    static let description = RuleDescription(
        id: "alauda-autoscaling", severity: .error, kinds: [.alaudaService],
        summary: "an Alauda service with scaling_mode AUTO needs an autoscaling_config",
        rationale: """
        The Alauda v1 services API (PLATFORM_API.md §4, source 003) scales a service with `scaling_mode: AUTO` by its
        `autoscaling_config`: the metric (`metric_name`, `metric_stat`), the thresholds, the deltas and the least and
        greatest number of instances ("the settings used when automatic scaling is chosen", 003:
        当选择自动调节模式时的参数配置). Without one the autoscaler has no metric and no bounds, so the service cannot
        scale as asked. The finding is at `AUTO`: add the policy, or scale by hand
        with `MANUAL`. The policy's own values are `scale-bounds`' to check, the spelling of `AUTO` `alauda-enum`'s.
        """,
        triggering: [
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            scaling_mode: ↓AUTO
            target_num_instances: 2
            """, messages: [
                "scaling_mode is 'AUTO' but the service has no autoscaling_config; add one with the metric, thresholds and instance bounds, or set scaling_mode to 'MANUAL'",
            ]),
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            instance_size: S
            scaling_mode: ↓"AUTO"
            target_state: STARTED
            region_name: BEIJING1
            """),
        ],
        nonTriggering: [
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            scaling_mode: AUTO
            autoscaling_config:
              metric_name: CPU_UTILIZATION
              metric_stat: MEAN
              upper_threshold: "0.6"
              lower_threshold: "0.1"
              minimum_num_instances: "2"
              maximum_num_instances: "5"
            """),
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            scaling_mode: MANUAL
            target_num_instances: 3
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        guard case .alaudaService(let service) = document, let mode = service.scalingMode?.checkedString(), mode.value == "AUTO",
              service.autoscalingConfig == nil else { return }
        context.report("scaling_mode is 'AUTO' but the service has no autoscaling_config; add one with the metric, thresholds and instance bounds, or set scaling_mode to 'MANUAL'",
                       at: mode)
    }
}
