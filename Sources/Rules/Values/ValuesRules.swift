import Model

/// Rules about the values of single fields.
let valueRules: [any Rule.Type] = [
    AbsolutePath.self,
    AlaudaAutoscaling.self,
    AlaudaDomain.self,
    AlaudaEnum.self,
    CommandSyntax.self,
    ComposeConflict.self,
    ConfigMapMount.self,
    ExtraHosts.self,
    HealthcheckTest.self,
    ImageReferenceFormat.self,
    ObsoleteVersion.self,
    PortSyntax.self,
    RestartPolicy.self,
    SecretBase64.self,
    SecretSource.self,
    ServiceImage.self,
    SingleInstanceDisk.self,
    VolumeDriverOpts.self,
    VolumeSyntax.self,
]

// Helpers the rules of this folder share; they live beside the list because every other file of the
// folder holds exactly one rule.

extension RuleContext {
    /// Reports a value outside a fixed set: the allowed values, and the closest one when the value
    /// looks like a typo or differs only in case — with a fix when it is the only close one.
    mutating func requireOneOf(_ value: Located<String>, _ allowed: [String], field: String) {
        guard !allowed.contains(value.value) else { return }
        report("\(field) is '\(value.value)', not one of \(Self.quotedList(allowed))\(Self.suggestion(for: value.value, among: allowed))", at: value,
               fix: Suggestions.only(to: value.value, among: allowed).flatMap { value.replacement($0) })
    }

    static func quotedList(_ values: [String]) -> String {
        values.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// `; did you mean 'X'?`, or nothing when no candidate is close.
    static func suggestion(for value: String, among candidates: [String]) -> String {
        Suggestions.closest(to: value, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}

extension NodeRef {
    /// The scalar's text when it is a string to check: nil for a collection, null, or a value that
    /// interpolation left empty or with an empty part (`on-failure:` from `on-failure:${N}`, `:80` from
    /// `${PORT}:80`) — the `unset-variable` warning already covers those.
    /// - Parameter separators: the characters that separate parts, as a string literal: a `Set` built at
    ///   every call cost more than the check, which runs for every port and name.
    func checkedString(separators: String = "") -> Located<String>? {
        guard let text = string else { return nil }
        // Each test once: this runs for every name and keyword a rule reads.
        guard isWrittenWithVariable else { return text }
        if text.value.contains(ascii: "$") || text.value.isEmpty
            || text.value.split(omittingEmptySubsequences: false, whereSeparator: separators.contains).contains(where: \.isEmpty) {
            return nil
        }
        return text
    }

    /// A scalar's text, without its place (only a finding needs that); nil for no scalar, and for one
    /// written with a variable and still holding a `$`: interpolation could not substitute it (a
    /// required variable was missing, and it reported that) and left the text as written. The text's
    /// `$` is asked first, the source's only then: nearly no value holds one.
    var substitutedText: String? {
        guard let text = scalarText, !(text.contains(ascii: "$") && isWrittenWithVariable) else { return nil }
        return text
    }
}

extension ComposeResource {
    /// Whether a top-level volume, network, secret or config is `external` as Compose reads it: `true`
    /// (or a string Compose converts to true, `"yes"`), or the deprecated mapping form (`external: {name: x}`).
    var isExternal: Bool {
        guard let external else { return false }
        return external.isMapping || external.composeBoolean == true
    }
}
