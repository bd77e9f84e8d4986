import Model
import Rules

/// The shape of `.stackc.yaml`. Checked with the same validator as templates, so a misspelt key gets
/// a position and a "did you mean", and published as `schemas/stackc-config.schema.json` for editors.
enum ConfigurationSchema {
    static let ruleSettings: FieldType = .map(.enumeration(RuleSetting.allCases.map(\.rawValue)))
    static let kind: FieldType = .enumeration(DocumentKind.allCases.map(\.rawValue))
    static let target: FieldType = .enumeration(Platform.allCases.map(\.rawValue))
    /// The categories `--enable-category` takes.
    static let categories: FieldType = .list(.enumeration(RuleCategory.allCases.map(\.rawValue)))

    static let limits = ObjectSchema("limits", allowsExtensions: false, fields: [
        ("max-file-bytes", .integer),
        ("max-depth", .integer),
        ("max-nodes", .integer),
        ("max-scalar-bytes", .integer),
        ("max-findings", .integer),
    ])

    static let override = ObjectSchema("per-path override", allowsExtensions: false, required: ["files"], fields: [
        ("files", .stringOrList),
        ("rules", ruleSettings),
        ("enable-categories", categories),
        ("kind", kind),
        ("target", target),
    ])

    static let project = ObjectSchema("project", allowsExtensions: false, required: ["files"], fields: [
        ("files", .stringOrList),
        ("profiles", .stringOrList),
        ("env-files", .stringOrList),
    ])

    static let document = ObjectSchema("stackc configuration", allowsExtensions: false, fields: [
        ("rules", ruleSettings),
        ("enable-categories", categories),
        ("kind", kind),
        ("target", target),
        ("env-files", .stringOrList),
        ("limits", .object(limits)),
        ("overrides", .list(.object(override))),
        ("projects", .list(.object(project))),
    ])

    static let type: FieldType = .object(document)

    static let description = """
    stackc's own settings (.stackc.yaml, found upward from each linted file or given with --config): \
    rules turned off or re-graded, opt-in rule categories turned on, per-path overrides, default kind and target, env files, limits \
    and Compose projects whose files are checked together.
    """
}
