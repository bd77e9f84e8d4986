import ArgumentParser
import Syntax

/// The resource limits of reading, each raisable for the rare legitimate file that exceeds it.
struct LimitFlags: ParsableArguments {
    @Option(name: .customLong("max-file-bytes"), help: "Largest file read, in bytes.")
    var maxFileBytes = ReaderLimits.default.maxFileBytes

    @Option(name: .customLong("max-depth"), help: "Deepest nesting of lists and mappings.")
    var maxDepth = ReaderLimits.default.maxDepth

    @Option(name: .customLong("max-nodes"), help: "Most nodes a document may expand to, aliases and merges counted in full.")
    var maxNodes = ReaderLimits.default.maxExpandedNodes

    @Option(name: .customLong("max-scalar-bytes"), help: "Longest single value, in bytes.")
    var maxScalarBytes = ReaderLimits.default.maxScalarBytes

    func validate() throws {
        for (name, value) in [("--max-file-bytes", maxFileBytes), ("--max-depth", maxDepth), ("--max-nodes", maxNodes), ("--max-scalar-bytes", maxScalarBytes)]
        where value < 1 {
            throw ValidationError("\(name) must be at least 1")
        }
    }

    var limits: ReaderLimits {
        ReaderLimits(maxFileBytes: maxFileBytes, maxDepth: maxDepth, maxExpandedNodes: maxNodes, maxScalarBytes: maxScalarBytes)
    }
}
