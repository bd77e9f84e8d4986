import Driver

/// What a command's job wrote to each stream and the status it returned, run in-process.
struct JobRun: Sendable {
    let status: ExitStatus
    let output: String
    let errors: String

    /// Exit 1 with nothing on the output: what render and build do with what lint refuses.
    var refused: Bool { status == .findings && output.isEmpty }

    /// The output of a run that succeeded, else nil.
    var printed: String? { status == .success ? output : nil }

    /// Runs `job`, which gets the output and error streams (`RenderJob.run`, `BuildJob.run`, `LintJob.run`).
    init(_ job: (_ output: (String) -> Void, _ errors: (String) -> Void) -> ExitStatus) {
        var output = ""
        var errors = ""
        status = job({ output += $0 }, { errors += $0 })
        self.output = output
        self.errors = errors
    }
}
