import Model

/// An environment variable name the container platform refuses or cannot set as written.
struct EnvName: Rule {
    static let description = RuleDescription(
        id: "env-name", severity: .error, kinds: [.compose, .pod, .application],
        summary: "environment variable names must be valid: Kubernetes names for pods and applications, no '=' or whitespace in Compose",
        rationale: """
        Pod `env[].name` and application `dockerEnv[].name` (PLATFORM_API.md §5) become Kubernetes environment variables,
        whose names the API server checks with `IsEnvVarName`: letters, digits, `_`, `-` and `.`, not starting with a
        digit (Kubernetes of the platform's age; 1.32 relaxed it). `-` and `.` are accepted without a finding: Kubernetes
        takes them, and although a shell cannot expand `$MY-VAR`, programs read such variables fine — C-identifier
        style (`[A-Za-z_][A-Za-z0-9_]*`) is the safe choice, not a requirement. A Compose `environment` name must not be
        empty (the container runtime refuses `=value`), must not contain whitespace (`- LOG_LEVEL = debug` sets a
        variable named `LOG_LEVEL ` that nothing reads) and, in the mapping form, must not contain `=` (which would
        split the name); with `--target v2`, whose `composes` run on Kubernetes, Compose names are held to the
        Kubernetes rule too. Swarm scheduling entries (`constraint:…`, `affinity:…`, `reschedule:…`, ALIYUN.md §3.1)
        are filters, not variables, and are not checked.
        """,
        triggering: [
            Example("""
            containers:
              - name: app
                image: app
                env:
                  - {name: ↓1ST_RUN, value: "true"}
                  - {name: ↓MY VAR, value: x}
            """, messages: [
                "env name '1ST_RUN' of container 'app' must not start with '1'; use letters, digits, '_', '-' and '.', not starting with a digit",
                "env name 'MY VAR' of container 'app' must not contain ' '; use letters, digits, '_', '-' and '.', not starting with a digit",
            ]),
            Example("""
            services:
              web:
                image: nginx
                environment:
                  - ↓LOG_LEVEL = debug
                  - ↓=orphan
              api:
                image: api
                environment:
                  ↓"MODE=fast": "1"
            """, messages: [
                "environment variable 'LOG_LEVEL ' of service 'web' must not contain ' '; use a name without '=' or whitespace, such as LOG_LEVEL",
                "environment variable '' of service 'web' must not be empty; use a name without '=' or whitespace, such as LOG_LEVEL",
                "environment variable 'MODE=fast' of service 'api' must not contain '='; use a name without '=' or whitespace, such as LOG_LEVEL",
            ]),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            dockerEnv: [{name: ↓"db:url", value: x}]
            """),
            Example("""
            c1:
              image: docker.oa.com:8080/public/helloworld
              environment: {↓app@NAME: app-c1}
            """, kind: .compose, platform: .v2),
        ],
        nonTriggering: [
            Example("""
            containers:
              - name: mysql
                image: mysql
                env:
                  - name: POD_NAMESPACE
                    valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
                  - {name: spring.profiles.active, value: prod}
                  - {name: _JAVA_OPTIONS, value: -Xmx1g}
            """),
            Example("""
            web:
              image: nginx
              environment:
                - constraint:aliyun.node_index==1
                - affinity:service!=db
                - HOME
                - app.name=web
            """, kind: .compose, platform: .aliyun),
            Example("""
            c1:
              image: docker.oa.com:8080/public/helloworld
              environment: {CONTAINER_NAME: c1, app_NAME: app-c1}
            """, kind: .compose, platform: .v2),
        ])

    static let kubernetes = NamePattern(allowed: NamePattern.alphanumerics.union(NamePattern.characters("_-.")),
                                        first: NamePattern.letters.union(NamePattern.characters("_-.")),
                                        fix: "letters, digits, '_', '-' and '.', not starting with a digit")
    static let composeFix = "a name without '=' or whitespace, such as LOG_LEVEL"

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .pod(let pod):
            for container in pod.containers {
                for variable in container.env {
                    if let name = variable["name"] { context.checkName(name, Self.kubernetes, what: "env name", of: container.label) }
                }
            }
        case .other(.application, let root):
            for variable in root["dockerEnv"]?.items ?? [] {
                if let name = variable["name"] { context.checkName(name, Self.kubernetes, what: "dockerEnv name") }
            }
        case .compose(let compose):
            for service in compose.services {
                checkCompose(service, context: &context)
            }
        default:
            break
        }
    }

    func checkCompose(_ service: ComposeService, context: inout RuleContext) {
        guard !service.environment.isEmpty, let environment = service["environment"] else { return }
        let isMapping = environment.isMapping
        // List items written with a variable: an empty name there (`- ${NAME}=x`) is `unset-variable`'s,
        // and one still holding a `$` is substituted later.
        // Worked out only for the rare name that needs it: most services have no such name.
        lazy var substituted = Set(environment.items.filter(\.isWrittenWithVariable).map(\.range.start.offset))
        // Entries are read in place (a copy of each retains its strings and path), their names as texts;
        // the located name is built only for a finding.
        let entries = service.environment
        for index in entries.indices {
            let name = entries[index].nameText
            if DuplicateEnv.isSchedulingFilter(name) { continue }
            if name.isEmpty || name.contains(ascii: "$"), substituted.contains(entries[index].entry.range.start.offset) { continue }
            if let problem = Self.composeProblem(name, isMapping: isMapping) {
                context.reportName(entries[index].name, problem: problem, what: "environment variable", of: service.owner, fix: Self.composeFix)
            } else if context.platform == .v2 {
                context.checkName(entries[index].name, Self.kubernetes, what: "environment variable", of: service.owner)
            }
        }
    }

    /// What Compose and the container runtime refuse in a variable name, or nil.
    static func composeProblem(_ name: String, isMapping: Bool) -> String? {
        if name.isEmpty { return "must not be empty" }
        if !name.allBytes(satisfy: Self.isNameByteWithoutSpace), let space = name.first(where: \.isWhitespace) { return "must not contain '\(space)'" }
        if isMapping, name.contains(ascii: "=") { return "must not contain '='" }
        return nil
    }

    /// Printable ASCII other than the space: such names hold no whitespace, so the `Character` scan is skipped.
    private static func isNameByteWithoutSpace(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}
