import Model

/// A dependency on a service the file does not define.
struct UndefinedService: Rule {
    static let description = RuleDescription(
        id: "undefined-service", severity: .error, kinds: [.compose],
        summary: "depends_on, links, volumes_from, network_mode/ipc/pid/uts service:, extends and aliyun.depends must name a service of the same file",
        rationale: """
        The platforms start services in dependency order and wire links between them (PLATFORM_API.md §2 and §5:
        "apps start in dependency order (links)"); a name that matches no service makes the deployment fail on the
        server, after the upload. Docker Compose rejects such files too (`service "web" depends on undefined service
        "db"`): compose-go v2.9's loader turns `links`, `volumes_from` and every `service:NAME` of `network_mode`,
        `ipc`, `pid` and `uts` into dependencies, and reads a `volumes_from` entry up to its first ':', so
        `service:db` names a service called 'service'. An `extends` without `file` (`extends: base`, or
        `{service: base}`) must name a service of the same file too (`cannot extend service "web": service "base"
        not found`). `external_links` and `container:` references name containers outside the project and are not
        checked; nor is an `extends` into another file. Compose checks only the services its profiles enable;
        stackc checks services in profiles too, as if they were enabled, since the reference fails as soon as they
        are. A reference to a service that exists but runs only under a profile, or that the profiles a project run
        chooses set aside, is `inactive-dependency`'s.
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
            Example("""
            services:
              web:
                image: nginx
                network_mode: ↓service:vpn
                ipc: ↓"service:shm"
              logs:
                image: busybox
                pid: service:web
                volumes_from: [↓"service:web"]
            """, messages: [
                "service 'web' depends on 'vpn' (network_mode), which is not a service of this file",
                "service 'web' depends on 'shm' (ipc), which is not a service of this file",
                "service 'logs' depends on 'service' (volumes_from), which is not a service of this file; Docker Compose reads 'service:web' as service 'service': write 'web'",
            ]),
            Example("""
            services:
              base:
                image: nginx
              web:
                extends: ↓bse
              api:
                extends:
                  service: ↓common
            """, messages: [
                "service 'web' extends 'bse', which is not a service of this file; did you mean 'base'?",
                "service 'api' extends 'common', which is not a service of this file; define it here, or name its file with extends.file",
            ]),
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
            services:
              vpn:
                image: vpn
              web:
                image: nginx
                network_mode: service:vpn
                ipc: shareable
                pid: host
              logs:
                extends: web
                volumes_from: ["web:ro"]
              probe:
                extends: {service: logs}
                network_mode: container:monitor
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
        let relations = ComposeRelations.of(compose, sharedBy: context)
        let suggestions = Suggestions.Index(compose.services.map(\.name.value))
        for (service, references) in zip(compose.services, relations.references) {
            // A service the run's profiles set aside is `inactive-dependency`'s.
            for reference in references where relations.index[reference.name.value] == nil && context.setAside[reference.name.value] == nil {
                let name = reference.name.value
                let fix = reference.via == .volumesFrom && reference.written.hasPrefix(ascii: "service:")
                    ? "; Docker Compose reads '\(reference.written)' as service '\(name)': write '\(reference.written.dropFirst("service:".count))'"
                    : suggestions.closest(to: name).map { "; did you mean '\($0)'?" } ?? ""
                context.report("\(service.owner) depends on '\(name)' (\(reference.via.rawValue)), which is not a service of this file\(fix)",
                               at: reference.name)
            }
        }
        for (service, target) in zip(compose.services, relations.extendsTargets) {
            guard let target, relations.index[target.value] == nil else { continue }
            let fix = suggestions.closest(to: target.value).map { "did you mean '\($0)'?" } ?? "define it here, or name its file with extends.file"
            context.report("\(service.owner) extends '\(target.value)', which is not a service of this file; \(fix)", at: target)
        }
    }
}
