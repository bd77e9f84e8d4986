import Diagnostics

/// Docker Compose's project names, in one place for the `project-name` rule (a file's `name:`) and for
/// the driver, which names a project from `-p`, `COMPOSE_PROJECT_NAME`, `name:` or its folder.
/// compose-go takes `-p` and the variable only as `NormalizeProjectName` would leave them
/// ("invalid project name"), and normalises a `name:` and the folder's name instead.
public enum ComposeProjectName {
    /// The rule that owns every finding on a project name.
    public static let rule: RuleID = "project-name"

    /// Lower-case letters, digits, `-` and `_`, starting with a letter or digit.
    static let pattern = NamePattern(allowed: NamePattern.lowerAlphanumerics.union(NamePattern.characters("-_")), first: NamePattern.lowerAlphanumerics,
                                     fix: "a–z 0–9 - _, starting with a letter or digit")

    /// The project name Docker Compose makes of a name (compose-go `NormalizeProjectName`): lower-cased
    /// (Go's `strings.ToLower`, so `K`, the Kelvin sign, becomes `k`), only `a–z 0–9 - _` kept, leading
    /// `-` and `_` dropped. Empty when nothing is left, which Compose refuses.
    public static func normalized(_ name: String) -> String {
        if pattern.problem(in: name) == nil { return name }
        var kept: [UInt8] = []
        for scalar in name.unicodeScalars {
            for lowered in scalar.properties.lowercaseMapping.utf8 where pattern.allowed.contains(lowered) {
                if kept.isEmpty, lowered == UInt8(ascii: "-") || lowered == UInt8(ascii: "_") { continue }
                kept.append(lowered)
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// Why Compose refuses `name` given by `-p` or `COMPOSE_PROJECT_NAME` (named by `source`), or nil
    /// when it takes it: Compose's own words, then the name that would do.
    public static func problem(with name: String, from source: String) -> String? {
        let normalized = normalized(name)
        guard normalized != name else { return nil }
        let suggestion = normalized.isEmpty ? "" : "; '\(normalized)' would do"
        return "invalid project name \"\(name)\" (\(source)): must consist only of lowercase alphanumeric characters, hyphens, and underscores "
            + "as well as start with a letter or number, as Docker Compose requires\(suggestion)"
    }
}
