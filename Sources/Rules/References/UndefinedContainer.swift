import Model

/// A pod `annotation` entry for a container the pod does not have.
struct UndefinedContainer: Rule {
    static let description = RuleDescription(
        id: "undefined-container", severity: .error, kinds: [.pod],
        summary: "annotation[].containerName must name a container of the pod",
        rationale: """
        The podstack template's `annotation` list tells the platform where each container writes its logs and data
        (`logPath`, `dataPath`); PLATFORM_API.md §5: "`annotation[].containerName` must name a declared container".
        An entry for a misspelt or removed container is refused by the platform, or its log and data paths are
        silently never collected.
        """,
        triggering: [
            Example("""
            containers:
              - {name: mysql, image: mysql}
            annotation:
              - {containerName: ↓mysq, logPath: /data1}
            """, messages: ["annotation names container 'mysq', which is not a container of this pod; did you mean 'mysql'?"]),
            Example("""
            containers:
              - {name: web, image: nginx}
            annotation:
              - {containerName: web, logPath: /var/log}
              - {containerName: ↓2048app, logPath: /var/log}
            """, messages: ["annotation names container '2048app', which is not a container of this pod; the containers are 'web'"]),
        ],
        nonTriggering: [
            Example("""
            containers:
              - {name: mysql, image: mysql}
              - {name: 2048app, image: game}
            annotation:
              - {containerName: mysql, logPath: /data1, dataPath: /data2}
              - {containerName: 2048app, logPath: /var/log}
            """),
            Example("""
            containers:
              - {name: web, image: nginx}
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        guard case .pod(let pod) = document else { return }
        let names = pod.containers.compactMap { $0.name?.value }
        let known = Set(names)
        let suggestions = Suggestions.Index(names)
        for annotation in pod.annotations {
            guard let name = annotation.containerName?.string, !known.contains(name.value) else { continue }
            let fix = suggestions.closest(to: name.value).map { "did you mean '\($0)'?" } ?? Self.listing(names)
            context.report("annotation names container '\(name.value)', which is not a container of this pod; \(fix)", at: name)
        }
    }

    /// The pod's container names, for a reference that resembles none of them.
    static func listing(_ names: [String]) -> String {
        guard !names.isEmpty else { return "the pod has no named containers" }
        return "the containers are " + names.prefix(10).map { "'\($0)'" }.joined(separator: ", ") + (names.count > 10 ? ", …" : "")
    }
}
