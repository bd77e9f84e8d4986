import Diagnostics
import Model

/// Runs the registered rules that apply to a document's kind and the targeted platform.
public enum RuleEngine {
    /// Findings come out in rule order whether or not the rules ran concurrently.
    /// - Parameter otherWork: work of the same file to share the cores with when the rules run
    ///   concurrently (the schema walk `DocumentDecoder` defers for a large file); its findings come first.
    public static func check(_ document: Document, platform: Platform? = nil, fileName: String = "",
                             rules: [any Rule.Type] = RuleRegistry.all,
                             alongside otherWork: [@Sendable () -> [Diagnostic]] = []) -> [Diagnostic] {
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
        guard ConcurrentWork.isWorthSplitting(nodeCount: document.root.tree.nodes.count), applicable.count + otherWork.count > 1 else {
            return otherWork.flatMap { $0() } + applicable.flatMap(run)
        }
        // The other work first: it is usually the longest task, and a long task taken last leaves the
        // other cores idle at the end.
        return ConcurrentWork.map(count: otherWork.count + applicable.count) { index in
            index < otherWork.count ? otherWork[index]() : run(applicable[index - otherWork.count])
        }.flatMap { $0 }
    }
}
