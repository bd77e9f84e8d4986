import Diagnostics
import Model

/// Services that depend on each other in a circle.
struct DependencyCycle: Rule {
    static let description = RuleDescription(
        id: "dependency-cycle", severity: .error, kinds: [.compose],
        summary: "dependencies between services (depends_on, links, volumes_from, network_mode/ipc/pid/uts service:, aliyun.depends) and extends chains must not form a cycle",
        rationale: """
        The platforms start services in dependency order and stop them in reverse (PLATFORM_API.md §2: "services start
        in dependency order"); a cycle has no order, so the project can never start. Docker Compose rejects cycles too
        (`dependency cycle detected: a -> b -> a`), counting a `service:NAME` in `network_mode`, `ipc`, `pid` or `uts` as
        a dependency, as compose-go v2.9's loader does. An `extends` chain that comes back to where it started has no
        base to merge from, and Compose refuses it before anything else ("Circular reference"); it is followed apart
        from the dependencies, since a service may both extend and depend on the same one. The finding names the whole
        cycle and points at the dependency or `extends` that closes it; a dependency a service inherits through
        `extends` (Compose merges `depends_on`, `links` and `volumes_from` into it) is pointed at there. Compose
        leaves out services whose profiles are not enabled, so it accepts a file whose cycle runs only through
        such services; stackc still reports that cycle, as a warning, so it is found before someone enables the
        profile (Compose refuses the project then).
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
            services:
              web:
                image: x
              debug:
                image: x
                profiles: [debug]
                depends_on: [probe]
              probe:
                image: x
                profiles: [debug]
                depends_on: [↓debug]
            """, messages: [
                "dependency cycle: debug → probe → debug, among services that run only under a profile; Docker Compose refuses the project once it is enabled: remove one of these dependencies",
            ], severity: .warning),
            Example("""
            web:
              image: nginx
              links: [↓web]
            """, messages: ["dependency cycle: web → web; remove one of these dependencies"]),
            Example("""
            services:
              app:
                image: app
                network_mode: service:proxy
              proxy:
                image: envoy
                pid: ↓"service:app"
            """, messages: ["dependency cycle: app → proxy → app; remove one of these dependencies"]),
            Example("""
            services:
              api:
                image: api
                depends_on: [worker]
              worker:
                extends: ↓api
            """, messages: ["dependency cycle: worker → worker; remove one of these dependencies"]),
            Example("""
            services:
              a:
                image: x
                extends: b
              b:
                extends:
                  service: ↓a
              c:
                image: x
                extends: ↓c
            """, messages: [
                "extends cycle: a → b → a; remove one of these extends",
                "extends cycle: c → c; remove one of these extends",
            ]),
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
            services:
              base:
                image: app
              web:
                extends: base
                depends_on: [base]
              metrics:
                extends: {service: web}
                network_mode: service:web
                ipc: service:web
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
        let relations = ComposeRelations.of(compose, sharedBy: context)
        let edges = relations.services.indices.map { service in
            Self.edges(relations.mergedReferences(of: service), index: relations.index)
        }
        // Iterative depth-first search; a back edge to a node on the current path closes a cycle.
        enum State { case unvisited, onPath, done }
        var state = [State](repeating: .unvisited, count: edges.count)
        // Where each service on the current path stands in the stack.
        var depth = [Int](repeating: 0, count: edges.count)
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
                    depth[edge.target] = stack.count
                    stack.append((edge.target, 0))
                case .onPath:
                    let start = depth[edge.target], count = stack.count - start + 1
                    let members = stack[start...].map(\.node)
                    let names = Self.describe(count: count) { compose.services[$0 < count - 1 ? members[$0] : edge.target].name.value }
                    if members.contains(where: { relations.isActiveByDefault[$0] }) {
                        context.report("dependency cycle: \(names); remove one of these dependencies", at: edge.name)
                    } else {
                        context.report("dependency cycle: \(names), among services that run only under a profile; Docker Compose refuses "
                                       + "the project once it is enabled: remove one of these dependencies", at: edge.name, severity: .warning)
                    }
                case .done:
                    break
                }
            }
        }
        checkExtends(relations, context: &context)
    }

    /// `extends` chains are a graph of their own: a service extends at most one other, and Compose refuses
    /// a chain that comes back to a service it has passed ("Circular reference"). Each cycle is reported
    /// once, at the `extends` that closes it.
    func checkExtends(_ relations: ComposeRelations, context: inout RuleContext) {
        // A service's place on the walk that reached it; each service is walked once.
        var place = [Int?](repeating: nil, count: relations.bases.count)
        var done = [Bool](repeating: false, count: relations.bases.count)
        for start in relations.bases.indices where !done[start] && relations.bases[start] != nil {
            var path: [Int] = []
            var current: Int? = start
            while let node = current, !done[node] {
                if let cycleStart = place[node] {
                    let cycle = path[cycleStart...] + [node]
                    let names = Self.describe(count: cycle.count) { relations.services[cycle[cycle.startIndex + $0]].name.value }
                    context.report("extends cycle: \(names); remove one of these extends", at: relations.extendsTargets[path.last!]!)
                    break
                }
                place[node] = path.count
                path.append(node)
                current = relations.bases[node]
            }
            for node in path { done[node] = true }
        }
    }

    /// The services a service's references name, each once (Compose keeps one `depends_on` entry per
    /// service), at the first reference that names it.
    static func edges(_ references: [ServiceReference], index: [String: Int]) -> [(target: Int, name: Located<String>)] {
        var edges: [(target: Int, name: Located<String>)] = []
        // A handful of references is searched; the many a long `extends` chain brings in are hashed.
        var seen = Set<Int>()
        let hashes = references.count > RuleContext.repeatScanLimit
        for reference in references {
            guard let target = index[reference.name.value],
                  hashes ? seen.insert(target).inserted : !edges.contains(where: { $0.target == target }) else { continue }
            edges.append((target, reference.name))
        }
        return edges
    }

    /// The cycle as `a → b → a`; a long one shows its start and end and how many services lie between.
    /// Only the names shown are spelled out: a cycle may run through thousands of services.
    static func describe(count: Int, name: (Int) -> String) -> String {
        guard count > 12 else { return (0..<count).map(name).joined(separator: " → ") }
        return ((0..<6).map(name) + ["… \(count - 9) more …"] + (count - 3..<count).map(name)).joined(separator: " → ")
    }
}
