import ArgumentParser
import Driver
import Model
import Rules

/// Flags that decide how variables are substituted; shared by every command that reads templates.
struct EnvironmentFlags: ParsableArguments {
    @Option(name: .customLong("env-file"), help: ArgumentHelp("Read variables from this file instead of the .env beside the template (repeatable).", valueName: "file"))
    var envFiles: [String] = []

    @Option(name: .customShort("e"), help: ArgumentHelp("Set a variable, overriding the environment and env files (repeatable).", valueName: "KEY=VALUE"))
    var variables: [String] = []

    @Option(name: [.customShort("p"), .customLong("project-name")], help: "Project name, which sets COMPOSE_PROJECT_NAME.")
    var projectName: String?

    @Option(name: .customLong("profile"), help: ArgumentHelp("Enable a Compose profile of the project (repeatable; else COMPOSE_PROFILES).", valueName: "name"))
    var profiles: [String] = []

    @Flag(name: .customLong("no-interpolate"), help: "Do not substitute variables; check the template as written.")
    var noInterpolate = false

    @Flag(name: .customLong("strict-env"), help: "Make unset variables without a default errors instead of warnings (for CI).")
    var strictEnv = false

    func validate() throws {
        for variable in variables where !variable.contains("=") || variable.hasPrefix("=") {
            throw ValidationError("-e expects KEY=VALUE, got '\(variable)'")
        }
    }

    var settings: EnvironmentSettings {
        EnvironmentSettings(envFiles: envFiles, variables: variables, projectName: projectName, profiles: profiles, noInterpolate: noInterpolate,
                            strictEnv: strictEnv)
    }

    var environmentOptions: EnvironmentOptions { settings.environmentOptions }

    func frontEndOptions() -> FrontEndOptions { settings.frontEndOptions() }
}

/// The values of `EnvironmentFlags` (see `LintSettings`), defaults being the flags' own.
struct EnvironmentSettings: Equatable {
    var envFiles: [String] = []
    /// `KEY=VALUE`, as validated by `EnvironmentFlags`.
    var variables: [String] = []
    var projectName: String?
    var profiles: [String] = []
    var noInterpolate = false
    var strictEnv = false

    var environmentOptions: EnvironmentOptions {
        let overrides = variables.map { variable in
            let equals = variable.firstIndex(of: "=")!
            return (name: String(variable[..<equals]), value: String(variable[variable.index(after: equals)...]))
        }
        return EnvironmentOptions(envFiles: envFiles, overrides: overrides, projectName: projectName)
    }

    func frontEndOptions(kind: DocumentKind? = nil, platform: Platform? = nil) -> FrontEndOptions {
        var options = FrontEndOptions(interpolate: !noInterpolate, projectName: projectName, kind: kind, platform: platform)
        options.strictEnvironment = strictEnv
        options.profiles = profiles
        return options
    }
}
