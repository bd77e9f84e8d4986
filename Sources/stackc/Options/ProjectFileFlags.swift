import ArgumentParser

/// `-f FILE…`: the files of one Compose project, for every command that reads one.
struct ProjectFileFlags: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("file")],
            help: ArgumentHelp("A file of one Compose project (repeatable): later files are merged onto earlier ones as Docker Compose merges them.",
                               valueName: "file"))
    var files: [String] = []
}

extension ProjectFileFlags {
    /// The one template `path` names, or the project's first file and the ones merged onto it; a usage
    /// error for both or neither.
    func template(path: String?) throws -> (path: String, overrides: [String]) {
        guard let first = path ?? files.first, (path == nil) != files.isEmpty else {
            throw ValidationError("name one template, or the files of one project with -f FILE…")
        }
        return (first, Array(files.dropFirst()))
    }
}
