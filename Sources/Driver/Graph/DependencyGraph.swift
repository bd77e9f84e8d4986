/// The relationships of a template as a directed graph: Compose services and what they start after,
/// or a pod's containers and the volumes they mount. Nodes and edges keep first-seen source order, so
/// the same template always draws the same picture.
public struct DependencyGraph: Sendable, Equatable {
    public enum NodeKind: String, Sendable {
        case service
        /// Named as a dependency but not defined in the file.
        case undefined
        /// A container outside the project (`external_links`, `volumes_from: container:…`).
        case external
        case container
        case volume
    }

    public struct Node: Sendable, Equatable {
        public let name: String
        public let kind: NodeKind
    }

    /// From the dependent to what it needs (`web → db` when web depends on db).
    public struct Edge: Sendable, Equatable {
        public let from: Int
        public let to: Int
        /// How the relationship was written (`depends_on`, `links`, `volumeMounts` …).
        public let label: String
        /// Both ends lie on one cycle, so this edge is part of why the services can never start.
        public internal(set) var inCycle = false
    }

    public private(set) var nodes: [Node] = []
    public private(set) var edges: [Edge] = []
    private var index: [String: Int] = [:]
    private var edgeKeys: Set<[String]> = []

    public init() {}

    /// The node's index, added on first use. Services, undefined names and external containers share
    /// one namespace (a reference to `db` is the service `db` when it exists); pod volumes have their own.
    @discardableResult
    mutating func node(_ name: String, kind: NodeKind) -> Int {
        let key = (kind == .volume ? "volume:" : "container:") + name
        if let existing = index[key] { return existing }
        nodes.append(Node(name: name, kind: kind))
        index[key] = nodes.count - 1
        return nodes.count - 1
    }

    /// Adds an edge once; the same relationship written twice is drawn once.
    mutating func connect(_ from: Int, _ to: Int, label: String) {
        guard edgeKeys.insert([String(from), String(to), label]).inserted else { return }
        edges.append(Edge(from: from, to: to, label: label))
    }

    public var nodesInCycles: Set<Int> {
        Set(edges.filter(\.inCycle).flatMap { [$0.from, $0.to] })
    }

    /// Marks the edges whose ends share a strongly connected component (Kosaraju, with explicit stacks
    /// so thousands of services cannot overflow the call stack); a self-loop is a cycle of its own.
    mutating func markCycles() {
        var outgoing = [[Int]](repeating: [], count: nodes.count)
        var incoming = [[Int]](repeating: [], count: nodes.count)
        for edge in edges {
            outgoing[edge.from].append(edge.to)
            incoming[edge.to].append(edge.from)
        }
        var order: [Int] = []
        var visited = [Bool](repeating: false, count: nodes.count)
        for start in nodes.indices where !visited[start] {
            visited[start] = true
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            while let top = stack.last {
                if top.next < outgoing[top.node].count {
                    stack[stack.count - 1].next += 1
                    let target = outgoing[top.node][top.next]
                    if !visited[target] {
                        visited[target] = true
                        stack.append((target, 0))
                    }
                } else {
                    order.append(top.node)
                    stack.removeLast()
                }
            }
        }
        var component = [Int](repeating: -1, count: nodes.count)
        var count = 0
        for start in order.reversed() where component[start] < 0 {
            component[start] = count
            var stack = [start]
            while let node = stack.popLast() {
                for source in incoming[node] where component[source] < 0 {
                    component[source] = count
                    stack.append(source)
                }
            }
            count += 1
        }
        for index in edges.indices {
            edges[index].inCycle = component[edges[index].from] == component[edges[index].to]
        }
    }
}
