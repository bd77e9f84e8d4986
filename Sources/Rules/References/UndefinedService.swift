import Model

/// A dependency on a service the file does not define.
struct UndefinedService: Rule {
    static let description = RuleDescription(
        id: "undefined-service", severity: .error, kinds: [.compose],
        summary: "depends_on, links, volumes_from and aliyun.depends must name a service of the same file",
        rationale: """
        The platforms start services in dependency order and wire links between them (PLATFORM_API.md §2 and §5:
        "apps start in dependency order (links)"); a name that matches no service makes the deployment fail on the
        server, after the upload. Docker Compose rejects such files too. `external_links` name containers outside
        the project and are not checked.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                depends_on: [↓db]
            """, messages: ["service 'web' depends on 'db' (depends_on), which is not a service of this file"]),
            Example("""
            web:
              image: nginx
              links:
                - ↓dbb:database
            db:
              image: mysql
            """, messages: ["service 'web' depends on 'dbb' (links), which is not a service of this file; did you mean 'db'?"]),
            Example("""
            services:
              web:
                image: nginx
                volumes_from: [↓data:ro]
                labels:
                  aliyun.depends: ↓cache
            """),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
                depends_on:
                  db: {condition: service_healthy}
                volumes_from: ["container:legacy-data"]
                external_links: [outside_container]
              db:
                image: mysql
            """),
            Example("""
            web:
              image: nginx
              links: ["db:database"]
              labels:
                aliyun.depends: "db, cache"
            db:
              image: mysql
            cache:
              image: redis
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        guard case .compose(let compose) = document else { return }
        let names = compose.services.map(\.name.value)
        let known = Set(names)
        let suggestions = Suggestions.Index(names)
        for service in compose.services {
            for dependency in service.dependencies where !known.contains(dependency.name.value) {
                let suggestion = suggestions.closest(to: dependency.name.value).map { "; did you mean '\($0)'?" } ?? ""
                context.report("service '\(service.name.value)' depends on '\(dependency.name.value)' (\(dependency.via.rawValue)), which is not a service of this file\(suggestion)",
                               at: dependency.name)
            }
        }
    }
}
