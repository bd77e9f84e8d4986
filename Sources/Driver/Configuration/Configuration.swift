import Diagnostics
import Model
import Rules

/// A parsed `.stackc.yaml`. Paths in it (env files, override globs) are relative to its folder, so a
/// repository's configuration means the same wherever stackc is run from.
public struct Configuration: Sendable {
    /// Override globs and the rule settings they bring, in file order (later ones win).
    struct Override: Sendable {
        var globs: [PathGlob]
        var rules: [(RuleID, RuleSetting)]
        var categories: [RuleCategory]
        var settings: SettingOverrides
    }

    /// The configuration file's path, as found or given.
    public var path: String
    /// Its folder, absolute: the base of every relative path in it.
    public var directory: String
    var rules: [(RuleID, RuleSetting)] = []
    /// `enable-categories:`: opt-in rule categories turned on.
    var categories: [RuleCategory] = []
    var settings = SettingOverrides()
    /// The env files to read instead of a template's `.env` (absolute, or relative to the working folder).
    public var envFiles: [String] = []
    var overrides: [Override] = []
    /// `projects:`: files checked together as one Compose project.
    public var projects: [DeclaredProject] = []

    /// The rule policy and settings for one template, given as an absolute path.
    func resolve(forAbsolutePath file: String) -> (policy: FindingPolicy, settings: SettingOverrides) {
        var policy = FindingPolicy()
        var settings = self.settings
        for (rule, setting) in rules { policy.set(rule, setting) }
        policy.enable(categories)
        let relative = AbsolutePath.relative(file, to: directory)
        for override in overrides where override.globs.contains(where: { $0.matches(relative) }) {
            for (rule, setting) in override.rules { policy.set(rule, setting) }
            policy.enable(override.categories)
            settings = settings.overlaid(with: override.settings)
        }
        return (policy, settings)
    }
}
