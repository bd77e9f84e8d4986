import Diagnostics
import Model

/// Services that depend on each other in a circle.
struct DependencyCycle: Rule {
    static let description = RuleDescription(
        id: "dependency-cycle", severity: .error, kinds: [.compose],
        summary: "dependencies between services (depends_on, links, volumes_from, aliyun.depends) must not form a cycle",
        rationale: """
        The platforms start services in dependency order and stop them in reverse (PLATFORM_API.md §2: "services start
        in dependency order"); a cycle has no order, so the project can never start. Docker Compose rejects cycles too.
        The finding names the whole cycle and points at the dependency that closes it.
        """,
        triggering: [
            Example("""
            services:
              a:
                image: x
                depends_on: [b]
              b:
                image: x
                depends_on: [↓a]
            """, messages: ["dependency cycle: a → b → a; remove one of these dependencies"]),
            Example("""
            web:
              image: nginx
              links: [↓web]
            """, messages: ["dependency cycle: web → web; remove one of these dependencies"]),
            Example("""
            services:
              a: {image: x, links: [b]}
              b: {image: x, labels: {aliyun.depends: c}}
              c: {image: x, volumes_from: [↓a]}
            """),
        ],
        nonTriggering: [
            Example("""
            services:
              a: {image: x, depends_on: [b, c]}
              b: {image: x, depends_on: [c]}
              c: {image: x}
            """),
            Example("""
            web:
              image: nginx
              links: [db]
            db:
              image: mysql
              external_links: [web]
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        guard case .compose(let compose) = document else { return }
        let index = Dictionary(compose.services.enumerated().map { ($0.element.name.value, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let edges = compose.services.map { service in
            service.dependencies.compactMap { dependency in index[dependency.name.value].map { (target: $0, name: dependency.name) } }
        }
        // Iterative depth-first search; a back edge to a node on the current path closes a cycle.
        enum State { case unvisited, onPath, done }
        var state = [State](repeating: .unvisited, count: edges.count)
        for start in edges.indices where state[start] == .unvisited {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = .onPath
            while let top = stack.last {
                guard top.next < edges[top.node].count else {
                    state[top.node] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let edge = edges[top.node][top.next]
                switch state[edge.target] {
                case .unvisited:
                    state[edge.target] = .onPath
                    stack.append((edge.target, 0))
                case .onPath:
                    let cycleStart = stack.firstIndex { $0.node == edge.target }!
                    let names = stack[cycleStart...].map { compose.services[$0.node].name.value } + [compose.services[edge.target].name.value]
                    context.report("dependency cycle: \(Self.describe(names)); remove one of these dependencies", at: edge.name)
                case .done:
                    break
                }
            }
        }
    }

    /// The cycle as `a → b → a`; a long one shows its start and end and how many services lie between.
    static func describe(_ names: [String]) -> String {
        guard names.count > 12 else { return names.joined(separator: " → ") }
        return (names.prefix(6) + ["… \(names.count - 9) more …"] + names.suffix(3)).joined(separator: " → ")
    }
}
