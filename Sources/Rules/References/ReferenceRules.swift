import Diagnostics
import Model

/// Rules about references between parts of a template.
let referenceRules: [any Rule.Type] = [
    DependencyCycle.self,
    DuplicateEnv.self,
    DuplicateName.self,
    HostPortConflict.self,
    InactiveDependency.self,
    MountConflict.self,
    UndefinedContainer.self,
    UndefinedService.self,
    UndefinedVolume.self,
]

// Helpers the rules of this folder share; they live beside the list because every other file of the
// folder holds exactly one rule.

extension PodContainer {
    /// How messages name a container: `container 'mysql'`, or by its path when it has no name.
    var label: String {
        name.map { "container '\($0.value)'" } ?? "the container at \(node.path)"
    }
}

extension RuleContext {
    /// Reports every value whose key repeats an earlier value's: at the repeat, with a note at the first
    /// one, so the user sees both places and keeps the right one.
    mutating func reportRepeats<Key: Hashable, Value>(_ values: [(key: Key, value: Located<Value>)], note: String = "first defined here",
                                                      severity: Severity? = nil, message: (_ key: Key, _ repeat: Located<Value>) -> String) {
        // Most lists (a service's environment, its ports) hold a handful of entries: comparing each with
        // the ones before it costs less than hashing every key, which pays off only for long lists.
        if values.count <= Self.repeatScanLimit {
            for index in values.indices {
                let (key, value) = values[index]
                if let earlier = values[..<index].first(where: { $0.key == key }) {
                    report(message(key, value), at: value, notes: [earlier.value.note(note)], severity: severity)
                }
            }
            return
        }
        var first: [Key: Located<Value>] = [:]
        for (key, value) in values {
            if let earlier = first[key] {
                report(message(key, value), at: value, notes: [earlier.note(note)], severity: severity)
            } else {
                first[key] = value
            }
        }
    }

    /// The longest list `reportRepeats` checks by comparing entries pairwise.
    static let repeatScanLimit = 16

    /// `reportRepeats` for values that are their own key.
    mutating func reportRepeatedNames(_ names: [Located<String>], message: (_ name: String) -> String) {
        reportRepeats(names.map { ($0.value, $0) }) { name, _ in message(name) }
    }
}
