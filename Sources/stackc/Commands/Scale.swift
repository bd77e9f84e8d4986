import ArgumentParser
import Submit

extension Stackc {
    struct Scale: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a deployed service's or application's instance count (aliyun services, Alauda services, v2 applications), or autoscale a v2 application.",
            discussion: """
            aliyun: --target aliyun-scale --project P --name S --replicas N scales the service P_S with the body `build --target aliyun-scale` makes from a template ({"type": "scale_to", "value": N}). v2 applications: --replicas N sends type=manual&scale=N; --auto sends type=auto with {minReplicas, maxReplicas, targetCPUUtilization}. Alauda services: --replicas N updates target_num_instances (--wait: until current_num_instances is N). Scaling to a count is repeated freely after a failure: a second attempt leaves the same count. The values are held to the scale bounds a template's are held to (replicas 0 or more; minReplicas at least 1, maxReplicas not below it, targetCPUUtilization 1–100).

            Exit status: 0 scaled, 1 a value in error, refused or absent, 2 usage, 3 unreachable or timed out.

            Examples:
              stackc scale --target aliyun-scale --project shop --name web --replicas 3 --cert-dir certs/ --endpoint https://master:4243
              STACKC_TOKEN=… stackc scale --target v2-application --project team --name web --replicas 3 --endpoint https://api
              STACKC_TOKEN=… stackc scale --target v2-application --project team --name web --auto --min-replicas 2 --max-replicas 10 --target-cpu 60 --endpoint https://api
              STACKC_TOKEN=… stackc scale --target alauda-service --project team --name web --replicas 4 --wait --endpoint https://api
            """
        )

        @OptionGroup var operation: OperationFlags
        @OptionGroup var scale: ScaleFlags
        @OptionGroup var wait: WaitFlags

        func run() throws {
            try operation.run(.scale) { ($0.arguments.scale, $0.wait) = (scale.setting, wait.options) }
        }
    }
}
