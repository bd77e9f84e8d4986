import Diagnostics
import Dispatch
import Model

/// Runs the registered rules that apply to a document's kind and the targeted platform.
public enum RuleEngine {
    /// Documents with at least this many nodes have their rules run on several cores: a single large
    /// file would otherwise use one core while the others idle. Smaller files are not worth the
    /// threads' start-up, and many files are already spread over the cores by the driver.
    public static let concurrentNodeCount = 20_000

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
        @Sendable func run(_ rule: any Rule.Type) -> [Diagnostic] {
            var context = RuleContext(rule: rule.description, platform: platform, fileName: fileName)
            rule.init().check(document, context: &context)
            return context.diagnostics
        }
        guard document.root.tree.nodes.count >= concurrentNodeCount, applicable.count > 1 else {
            return applicable.flatMap(run)
        }
        let results = ConcurrentResults<[Diagnostic]>(count: applicable.count)
        DispatchQueue.concurrentPerform(iterations: applicable.count) { index in
            results.store(run(applicable[index]), at: index)
        }
        return results.values.flatMap { $0 }
    }
}

/// One slot per task, each written by exactly one task of a `concurrentPerform` and read after it
/// returns, which is what makes the unchecked sendability sound. The slots are raw memory, not an
/// array property, so concurrent writes to different slots are not one exclusive access.
private final class ConcurrentResults<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) {
        slots[index] = value
    }

    var values: [Value] { slots.map { $0! } }
}
