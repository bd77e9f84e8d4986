import Diagnostics

// Ids of checks the driver makes around the stages (suppressions, configuration). They live here so
// the catalogue can document them and suppressions can recognise them.

extension RuleID {
    /// A suppression (comment or `x-stackc.ignore`) names a rule id stackc does not have.
    public static let suppressionUnknownRule: RuleID = "suppression-unknown-rule"
    /// A suppression that hid no finding: the problem was fixed or the comment is on the wrong line.
    public static let suppressionUnused: RuleID = "suppression-unused"
    /// A `# stackc-…` comment that is not one of the directives.
    public static let suppressionInvalid: RuleID = "suppression-invalid"
    /// A file a Compose file names (`env_file`, `label_file`) that is not there.
    public static let missingFile: RuleID = "missing-file"
    /// A `.stackc.yaml` that cannot be used as written (unknown key, wrong type, unknown rule id).
    public static let invalidConfig: RuleID = "invalid-config"
}
