import Driver
import Foundation
import Model
import Submit

/// What a flow run in this process printed, how it ended and how long it took.
struct FlowRun {
    let result: CommandResult
    let stdout: String
    let stderr: String
    let seconds: Double

    /// The exit status the command would have (a usage error is 2).
    var status: Int32 {
        switch result {
        case .exit(let status): status
        case .usage: 2
        }
    }
}

/// Collects a flow's two streams; the flows write from the test's own thread, the lock is for safety.
private final class Streams: @unchecked Sendable {
    private let lock = NSLock()
    private var texts = ["", ""]

    func append(_ text: String, to index: Int) {
        lock.withLock { texts[index] += text }
    }

    var stdout: String { lock.withLock { texts[0] } }
    var stderr: String { lock.withLock { texts[1] } }
}

/// The emulator listens on 127.0.0.1; a proxy configured for the machine must not carry the test's
/// requests (libcurl reads these variables of this process).
private let emulatorOffProxy: Void = {
    setenv("no_proxy", "127.0.0.1", 1)
    setenv("NO_PROXY", "127.0.0.1", 1)
}()

private func captured(_ body: (CommandOutput) -> CommandResult) -> FlowRun {
    emulatorOffProxy
    let streams = Streams()
    let output = CommandOutput(standardOutput: { streams.append($0, to: 0) }, standardError: { streams.append($0, to: 1) })
    let started = ContinuousClock.now
    let result = body(output)
    let elapsed = (ContinuousClock.now - started).components
    return FlowRun(result: result, stdout: streams.stdout, stderr: streams.stderr,
                   seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
}

/// `stackc submit PATH --target TARGET …` in-process, with `environment` as the whole process
/// environment (the token, the AccessKey) and `options` set up by the test.
func submitFlow(_ path: String, _ target: TargetID, _ values: [RequestField: String] = [:], environment: [String: String] = [:],
                _ configure: (inout SubmitOptions) -> Void) -> FlowRun {
    var options = SubmitOptions()
    configure(&options)
    let build = buildJob(path, target, values, environment: environment)
    return captured { SubmitJob(build: build, submit: options).run(output: $0) }
}

/// `stackc plan PATH --target TARGET …` in-process, as `submitFlow`.
func planFlow(_ path: String, _ target: TargetID, _ values: [RequestField: String] = [:], environment: [String: String] = [:],
              _ configure: (inout SubmitOptions) -> Void) -> FlowRun {
    var options = SubmitOptions()
    configure(&options)
    let build = buildJob(path, target, values, environment: environment)
    return captured { PlanJob(build: build, submit: options).run(output: $0) }
}

private func buildJob(_ path: String, _ target: TargetID, _ values: [RequestField: String], environment: [String: String]) -> BuildJob {
    BuildJob(path: path, flags: BuildFlags(target: target, values: values), options: FrontEndOptions(),
             environment: EnvironmentOptions(process: environment.map { ($0.key, $0.value) }))
}

/// `stackc trigger URL …` in-process.
func triggerFlow(_ url: String, _ configure: (inout TriggerJob) -> Void = { _ in }) -> FlowRun {
    var job = TriggerJob(url: url)
    configure(&job)
    return captured { job.run(output: $0) }
}

/// `stackc sign …` in-process.
func signFlow(_ job: SignJob, environment: [String: String]) -> FlowRun {
    captured { job.run(environment: environment, output: $0) }
}

/// `stackc get|list|create|start|stop|kill|scale|rollout|extend|delete --target TARGET …` in-process, with
/// the value checks the command runs first.
func operationFlow(_ operation: PlatformOperation, _ target: OperationTarget, environment: [String: String] = [:],
                   _ configure: (inout OperationJob) -> Void) -> FlowRun {
    var job = OperationJob(operation: operation, target: target)
    configure(&job)
    return captured { OperationCheck.run(job, environment: environment, output: $0) }
}

/// The same for a target `submit` creates.
func operationFlow(_ operation: PlatformOperation, _ target: TargetID, environment: [String: String] = [:],
                   _ configure: (inout OperationJob) -> Void) -> FlowRun {
    operationFlow(operation, .template(target), environment: environment, configure)
}

/// `stackc certs --cluster-id … --out DIR` in-process.
func certsFlow(_ job: CertsJob, environment: [String: String]) -> FlowRun {
    captured { job.run(environment: environment, output: $0) }
}

extension Emulator {
    /// The v2/Alauda API with the emulator's CA.
    func api(_ access: inout PlatformAccess) {
        access.endpoint = apiURL
        access.connection.ca = certificates + "/ca.pem"
    }

    /// The aliyun cluster API with the emulator's certificates.
    func cluster(_ access: inout PlatformAccess) {
        access.endpoint = clusterURL
        access.connection.certDir = certificates
    }

    func api(_ options: inout SubmitOptions) {
        api(&options.access)
    }

    func cluster(_ options: inout SubmitOptions) {
        cluster(&options.access)
    }
}

/// `stackc submit -f FILE -f FILE …` in-process: the files of a Compose project sent as one template.
func submitProjectFlow(_ paths: [String], _ target: TargetID, _ values: [RequestField: String], _ configure: (inout SubmitOptions) -> Void) -> FlowRun {
    var options = SubmitOptions()
    configure(&options)
    var build = BuildJob(path: paths[0], flags: BuildFlags(target: target, values: values), options: FrontEndOptions(),
                         environment: EnvironmentOptions(process: []))
    build.overrides = Array(paths.dropFirst())
    return captured { SubmitJob(build: build, submit: options).run(output: $0) }
}
