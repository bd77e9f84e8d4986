import Model

/// A named volume, secret, config, network or model that a service uses but the file never declares; a pod
/// volume mount naming no volume of the pod.
struct UndefinedVolume: Rule {
    static let description = RuleDescription(
        id: "undefined-volume", severity: .error, kinds: [.compose, .pod],
        summary: "named volumes, secrets, configs, networks and models a service uses, and volumes a pod container mounts, must be declared",
        rationale: """
        Docker Compose refuses a services-layout file whose services use a named volume, secret, config, network or
        model that the top-level `volumes`, `secrets`, `configs`, `networks` or `models` do not declare ("service "db"
        refers to undefined volume db-data: invalid compose project"); the network `default` always exists. Compose v1 files
        have no top-level sections, so named volumes there are created on demand and are not checked; nor are files
        with `include:`, whose included files may declare what they use, and Windows-style volume entries
        (`C:\\data:/data`). In a pod
        template every `volumeMounts[].name` must name one of the pod's `volumes` (PLATFORM_API.md §5, the Kubernetes
        pod-spec rule), or the platform refuses the pod.
        """,
        triggering: [
            Example("""
            services:
              db:
                image: mysql
                volumes:
                  - ↓db-data:/var/lib/mysql
            volumes:
              db_data: {}
            """, messages: ["service 'db' uses volume 'db-data', which is not declared under the top-level 'volumes'; did you mean 'db_data'?"]),
            Example("""
            services:
              web:
                image: nginx
                volumes:
                  - {type: volume, source: ↓cache, target: /cache}
                secrets: [↓tls]
                configs:
                  - source: ↓site
                networks: [default, ↓front]
                models: [↓llm]
            """, messages: [
                "service 'web' uses volume 'cache', which is not declared under the top-level 'volumes'; declare it there, or write './cache' to mount a folder beside the file",
                "service 'web' uses secret 'tls', which is not declared under the top-level 'secrets'; declare it there",
                "service 'web' uses config 'site', which is not declared under the top-level 'configs'; declare it there",
                "service 'web' uses network 'front', which is not declared under the top-level 'networks'; declare it there",
                "service 'web' uses model 'llm', which is not declared under the top-level 'models'; declare it there",
            ]),
            Example("""
            containers:
              - name: mysql
                image: mysql
                volumeMounts:
                  - {mountPath: /var/lib/mysql, name: ↓rethinkdb-storag}
            volumes:
              - name: rethinkdb-storage
                emptyDir: {}
            """, messages: ["container 'mysql' mounts volume 'rethinkdb-storag', which is not one of the pod's 'volumes'; did you mean 'rethinkdb-storage'?"]),
        ],
        nonTriggering: [
            Example("""
            services:
              db:
                image: mysql
                volumes:
                  - db-data:/var/lib/mysql
                  - ./conf:/etc/mysql/conf.d:ro
                  - /var/lib/mysql-files
                  - {type: tmpfs, target: /tmp}
                secrets: [{source: root-password, target: pw}]
                networks:
                  default:
                  back: {aliases: [database]}
                models:
                  llm: {endpoint_var: LLM_URL}
            volumes:
              db-data: {external: true}
            secrets:
              root-password: {file: ./pw.txt}
            networks:
              back: {}
            models:
              llm: {model: ai/smollm2}
            """),
            Example("""
            db:
              image: mysql
              volumes:
                - db-data:/var/lib/mysql
            """),
            Example("""
            containers:
              - name: mysql
                image: mysql
                volumeMounts:
                  - {mountPath: /var/lib/mysql, name: data}
            volumes:
              - {name: data, emptyDir: {}}
            """),
        ])

    typealias Section = ComposeDocument.Section

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose) where compose.layout == .services && compose.include == nil:
            checkCompose(compose, context: &context)
        case .pod(let pod):
            checkPod(pod, context: &context)
        default:
            break
        }
    }

    func checkCompose(_ compose: ComposeDocument, context: inout RuleContext) {
        let declared = Dictionary(uniqueKeysWithValues: Section.allCases.map { section in
            (section, compose.declaredNames(section).map(\.value))
        })
        let known = declared.mapValues(Set.init)
        let suggestions = declared.mapValues { Suggestions.Index($0) }
        for service in compose.services {
            for (section, name) in Self.references(of: service) where !name.value.isEmpty && !known[section]!.contains(name.value) {
                let fix = suggestions[section]!.closest(to: name.value).map { "did you mean '\($0)'?" }
                    ?? "declare it there" + (section == .volumes ? ", or write './\(name.value)' to mount a folder beside the file" : "")
                context.report("service '\(service.name.value)' uses \(section.noun) '\(name.value)', which is not declared under the top-level '\(section.rawValue)'; \(fix)",
                               at: name)
            }
        }
        checkModels(compose, context: &context)
    }

    /// Models are no `Section` (no rule about resources reads them): the names a service's `models`
    /// lists, or the keys of its mapping, must be keys of the top-level `models`.
    func checkModels(_ compose: ComposeDocument, context: inout RuleContext) {
        let declared = compose.root["models"]?.entries.map(\.key.value) ?? []
        let known = Set(declared)
        let suggestions = Suggestions.Index(declared)
        for service in compose.services {
            guard let models = service.models else { continue }
            let names = models.isMapping ? models.entries.map(\.key) : models.items.compactMap(\.string)
            for name in names where !known.contains(name.value) {
                let fix = suggestions.closest(to: name.value).map { "did you mean '\($0)'?" } ?? "declare it there"
                context.report("service '\(service.name.value)' uses model '\(name.value)', which is not declared under the top-level 'models'; \(fix)",
                               at: name)
            }
        }
    }

    /// Every name a service takes from a top-level section: named volume sources (short and long
    /// syntax), `secrets` and `build.secrets`, `configs` (names or `source:`), `networks` (a list or
    /// the keys of a mapping) except `default`.
    static func references(of service: ComposeService) -> [(Section, Located<String>)] {
        var result: [(Section, Located<String>)] = []
        for volume in service.volumes where !volume.isWindowsStyle {
            guard case .named = volume.source, let text = volume.writtenSource else { continue }
            result.append((.volumes, text.map { String($0.split(ascii: ":", maxSplits: 1)[0]) }))
        }
        for (section, grants) in [(Section.secrets, service.secrets), (.secrets, service.build?.secrets ?? []), (.configs, service.configs)] {
            for grant in grants {
                if let name = grant.source {
                    result.append((section, name))
                }
            }
        }
        if let networks = service.networks {
            let names = networks.isMapping ? networks.entries.map(\.key) : networks.items.compactMap(\.string)
            result += names.filter { $0.value != "default" }.map { (.networks, $0) }
        }
        return result
    }

    func checkPod(_ pod: PodDocument, context: inout RuleContext) {
        let names = pod.volumes.compactMap { $0.name?.string?.value }
        let known = Set(names)
        let suggestions = Suggestions.Index(names)
        for container in pod.containers {
            for mount in container.volumeMounts {
                guard let name = mount.name?.string, !known.contains(name.value) else { continue }
                let fix = suggestions.closest(to: name.value).map { "did you mean '\($0)'?" } ?? "declare it there"
                context.report("\(container.label) mounts volume '\(name.value)', which is not one of the pod's 'volumes'; \(fix)", at: name)
            }
        }
    }
}
