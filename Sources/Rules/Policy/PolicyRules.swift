import Model

/// Opt-in rules of the `security` category: each checks a hardening practice, cites where it comes
/// from, and runs only when the category (or the rule) is enabled.
let policyRules: [any Rule.Type] = [
    BroadCapability.self,
    DockerSocketMount.self,
    HostNamespace.self,
    MissingHealthcheck.self,
    MissingMemoryLimit.self,
    PortAllInterfaces.self,
    PrivilegedContainer.self,
    UnpinnedImage.self,
]

// Helpers the rules of this folder share; they live beside the list because every other file of the
// folder holds exactly one rule.

extension ComposeService {
    /// Whether what the service leaves out can be judged from this file alone: not in an override
    /// fragment (merged onto a base file that may set it), not `extends` (the base service may set it),
    /// not a `provider` (Compose's plugin services run no container), and with an `image` or a `build`
    /// (one with neither is a fragment another `-f` file completes, or `service-image`'s error). The
    /// rules that report something missing skip the others.
    func isWholeIn(fileName: String) -> Bool {
        extends == nil && provider == nil && (imageNode != nil || build != nil)
            && !ServiceImage.isOverrideFragment(fileName)
    }
}

extension NodeRef {
    /// The text of a scalar to check against a policy: nil when interpolation left it empty or still
    /// holding a `$` (a required variable was missing), as a value written only with a variable is no
    /// violation until it has one.
    var policyText: String? {
        guard let text = substitutedText, !text.isEmpty else { return nil }
        return text
    }
}
