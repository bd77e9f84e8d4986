import ArgumentParser
import Submit

extension Stackc {
    struct Scale: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a deployed v2 application's or Alauda service's instance count, or autoscale a v2 application.",
            discussion: """
            v2 applications: --replicas N sends type=manual&scale=N; --auto sends type=auto with {minReplicas, maxReplicas, targetCPUUtilization}. Alauda services: --replicas N updates target_num_instances (--wait: until current_num_instances is N). The values are held to the scale bounds a template's are held to (replicas 0 or more; minReplicas at least 1, maxReplicas not below it, targetCPUUtilization 1–100).

            Exit status: 0 scaled, 1 a value in error, refused or absent, 2 usage, 3 unreachable or timed out.

            Examples:
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
