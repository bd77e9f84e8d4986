import ArgumentParser
import Submit

extension Stackc {
    struct Logs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a deployed Alauda service's logs between two instants.",
            discussion: """
            Alauda services: GET /v1/services/{namespace}/{name}/logs/?start_time=&end_time= (Unix seconds, both required: 003 gives no default). Text: one line per entry, time, instance and message; --format json: the answer as one JSON line.

            Exit status: 0 printed, 1 refused or absent, 2 usage, 3 unreachable or timed out.

            Example:
              STACKC_TOKEN=… stackc logs --target alauda-service --project team --name web --start-time 1433753210 --end-time 1433753270 --endpoint https://api
            """
        )

        @OptionGroup var operation: OperationFlags

        @Option(name: .customLong("start-time"), help: ArgumentHelp("The first instant, Unix seconds (start_time).", valueName: "seconds"))
        var startTime: Int?

        @Option(name: .customLong("end-time"), help: ArgumentHelp("The last instant, Unix seconds (end_time).", valueName: "seconds"))
        var endTime: Int?

        func validate() throws {
            if let startTime, let endTime, endTime < startTime { throw ValidationError("--end-time is before --start-time") }
        }

        func run() throws {
            try operation.run(.logs) { ($0.arguments.startTime, $0.arguments.endTime) = (startTime, endTime) }
        }
    }
}
