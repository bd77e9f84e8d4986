import Model

/// Builds the dependency graph of a decoded document.
enum GraphBuilder {
    /// Nil for kinds that have no relationships to draw.
    static func graph(of document: Document) -> DependencyGraph? {
        var graph: DependencyGraph
        switch document {
        case .compose(let compose): graph = composeGraph(compose)
        case .pod(let pod): graph = podGraph(pod)
        default: return nil
        }
        graph.markCycles()
        return graph
    }

    /// Services first, in file order, so each keeps its place even when named before it is defined.
    static func composeGraph(_ compose: ComposeDocument) -> DependencyGraph {
        var graph = DependencyGraph()
        for service in compose.services { graph.node(service.name.value, kind: .service) }
        for service in compose.services {
            let from = graph.node(service.name.value, kind: .service)
            for dependency in service.dependencies where !dependency.name.value.isEmpty {
                graph.connect(from, graph.node(dependency.name.value, kind: .undefined), label: dependency.via.rawValue)
            }
            for link in service.externalLinks?.items.compactMap(\.string) ?? [] {
                let name = link.value.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
                if !name.isEmpty { graph.connect(from, graph.node(name, kind: .external), label: "external_links") }
            }
            for source in service.volumesFrom?.items.compactMap(\.string) ?? [] where source.value.hasPrefix("container:") {
                let name = source.value.dropFirst("container:".count).split(separator: ":").first.map(String.init) ?? ""
                if !name.isEmpty { graph.connect(from, graph.node(name, kind: .external), label: "volumes_from") }
            }
        }
        return graph
    }

    /// Containers, then declared volumes, then an edge for each mount (a mount of an undeclared volume
    /// still draws the volume, so the mistake is visible).
    static func podGraph(_ pod: PodDocument) -> DependencyGraph {
        var graph = DependencyGraph()
        let containers = pod.containers
        for container in containers { graph.node(container.name?.value ?? "", kind: .container) }
        for volume in pod.volumes { graph.node(volume.name?.string?.value ?? "", kind: .volume) }
        for container in containers {
            let from = graph.node(container.name?.value ?? "", kind: .container)
            for mount in container.volumeMounts {
                guard let name = mount.name?.string?.value else { continue }
                graph.connect(from, graph.node(name, kind: .volume), label: "volumeMounts")
            }
        }
        return graph
    }
}
