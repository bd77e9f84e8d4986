import Diagnostics
import Model

/// Runs the registered rules that apply to a document's kind and the targeted platform.
public enum RuleEngine {
    public static func check(_ document: Document, platform: Platform? = nil, fileName: String = "",
                             rules: [any Rule.Type] = RuleRegistry.all) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let kind = document.kind
        for ruleType in rules {
            let description = ruleType.description
            guard description.kinds.contains(kind) else { continue }
            if let platforms = description.platforms {
                guard let platform, platforms.contains(platform) else { continue }
            }
            var context = RuleContext(rule: description, platform: platform, fileName: fileName)
            ruleType.init().check(document, context: &context)
            diagnostics += context.diagnostics
        }
        return diagnostics
    }
}
