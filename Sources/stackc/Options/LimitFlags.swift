import ArgumentParser
import Driver
import Syntax

/// The resource limits of reading, each raisable for the rare legitimate file that exceeds it. Unset
/// flags leave the value to `.stackc.yaml` (`limits:`) or the default.
struct LimitFlags: ParsableArguments {
    @Option(name: .customLong("max-file-bytes"), help: "Largest file read, in bytes (default: \(ReaderLimits.default.maxFileBytes)).")
    var maxFileBytes: Int?

    @Option(name: .customLong("max-depth"), help: "Deepest nesting of lists and mappings (default: \(ReaderLimits.default.maxDepth)).")
    var maxDepth: Int?

    @Option(name: .customLong("max-nodes"), help: "Most nodes a document may expand to, aliases and merges counted in full (default: \(ReaderLimits.default.maxExpandedNodes)).")
    var maxNodes: Int?

    @Option(name: .customLong("max-scalar-bytes"), help: "Longest single value, in bytes (default: \(ReaderLimits.default.maxScalarBytes)).")
    var maxScalarBytes: Int?

    func validate() throws {
        for (name, value) in [("--max-file-bytes", maxFileBytes), ("--max-depth", maxDepth), ("--max-nodes", maxNodes), ("--max-scalar-bytes", maxScalarBytes)]
        where (value ?? 1) < 1 {
            throw ValidationError("\(name) must be at least 1")
        }
    }

    var settings: LimitSettings {
        LimitSettings(maxFileBytes: maxFileBytes, maxDepth: maxDepth, maxNodes: maxNodes, maxScalarBytes: maxScalarBytes)
    }

    var limits: ReaderLimits { settings.limits }
}

/// The values of `LimitFlags` (see `LintSettings`); nil is a flag not given.
struct LimitSettings: Equatable {
    var maxFileBytes: Int?
    var maxDepth: Int?
    var maxNodes: Int?
    var maxScalarBytes: Int?

    var limits: ReaderLimits {
        let defaults = ReaderLimits.default
        return ReaderLimits(maxFileBytes: maxFileBytes ?? defaults.maxFileBytes, maxDepth: maxDepth ?? defaults.maxDepth,
                            maxExpandedNodes: maxNodes ?? defaults.maxExpandedNodes, maxScalarBytes: maxScalarBytes ?? defaults.maxScalarBytes)
    }

    /// Only the limits typed on the command line, to be layered over a configuration's.
    var overrides: SettingOverrides {
        SettingOverrides(maxFileBytes: maxFileBytes, maxDepth: maxDepth, maxNodes: maxNodes, maxScalarBytes: maxScalarBytes)
    }
}
