import Diagnostics
import Model

/// Runs the registered rules that apply to a document's kind and the targeted platform.
public enum RuleEngine {
    /// Findings come out in rule order whether or not the rules ran concurrently.
    public static func check(_ document: Document, platform: Platform? = nil, fileName: String = "",
                             rules: [any Rule.Type] = RuleRegistry.all) -> [Diagnostic] {
        let kind = document.kind
        let applicable = rules.filter { rule in
            let description = rule.description
            guard description.kinds.contains(kind) else { return false }
            guard let platforms = description.platforms else { return true }
            return platform.map(platforms.contains) ?? false
        }
        let shared = SharedDerivations()
        @Sendable func run(_ rule: any Rule.Type) -> [Diagnostic] {
            var context = RuleContext(rule: rule.description, platform: platform, fileName: fileName, shared: shared)
            rule.init().check(document, context: &context)
            return context.diagnostics
        }
        guard ConcurrentWork.isWorthSplitting(nodeCount: document.root.tree.nodes.count), applicable.count > 1 else {
            return applicable.flatMap(run)
        }
        return ConcurrentWork.map(count: applicable.count) { run(applicable[$0]) }.flatMap { $0 }
    }
}
