import Diagnostics
import Model

/// An environment variable name the container platform refuses or cannot set as written.
struct EnvName: Rule {
    static let description = RuleDescription(
        id: "env-name", severity: .error, kinds: [.compose, .pod, .application],
        summary: "environment variable names must be valid: Kubernetes names for pods and applications, not empty nor ending in whitespace in Compose",
        rationale: """
        Pod `env[].name` and application `dockerEnv[].name` (PLATFORM_API.md §5) become Kubernetes environment variables,
        whose names the API server checks with `IsEnvVarName`: letters, digits, `_`, `-` and `.`, not starting with a
        digit (Kubernetes of the platform's age; 1.32 relaxed it). `-` and `.` are accepted without a finding: Kubernetes
        takes them, and although a shell cannot expand `$MY-VAR`, programs read such variables fine — C-identifier
        style (`[A-Za-z_][A-Za-z0-9_]*`) is the safe choice, not a requirement. Docker Compose is more lenient. In the
        list form it refuses a name that ends in whitespace (`- LOG_LEVEL = debug`: "environment variable LOG_LEVEL is
        declared with a trailing space"), an error; it takes an empty name (`- =value`), which the container runtime
        then refuses when the container starts (runc: "invalid environment variable: name cannot be empty"), also an
        error. Other whitespace in a name (`MY VAR`, or a mapping key with a trailing space) passes Compose and
        Docker, but no shell can expand such a variable: a warning. So does a mapping key holding `=`
        (`"MODE=fast": "1"`), which Docker splits at the `=`, setting `MODE` to `fast=1`: a warning too. With
        `--target v2`, whose `composes` run on Kubernetes, Compose names are held to the Kubernetes rule. Swarm
        scheduling entries (`constraint:…`, `affinity:…`, `reschedule:…`, ALIYUN.md §3.1) are filters, not variables,
        and are not checked.
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
            """, messages: [
                "environment variable 'LOG_LEVEL ' of service 'web' ends in whitespace, which Compose refuses in the list form; use a name without whitespace or '=', such as LOG_LEVEL",
                "environment variable '' of service 'web' is empty, which the container runtime refuses when the container starts; use a name without whitespace or '=', such as LOG_LEVEL",
            ]),
            Example("""
            services:
              web:
                image: nginx
                environment:
                  - ↓MY VAR=1
              api:
                image: api
                environment:
                  ↓"MODE=fast": "1"
                  ↓"LOG_LEVEL ": debug
            """, messages: [
                "environment variable 'MY VAR' of service 'web' contains ' ', which Compose and Docker take but no shell can expand; use a name without whitespace or '=', such as LOG_LEVEL",
                "environment variable 'MODE=fast' of service 'api' contains '=', so Docker sets 'MODE' to 'fast=1'; use a name without whitespace or '=', such as LOG_LEVEL",
                "environment variable 'LOG_LEVEL ' of service 'api' contains ' ', which Compose and Docker take but no shell can expand; use a name without whitespace or '=', such as LOG_LEVEL",
            ], severity: .warning),
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
    static let composeFix = "a name without whitespace or '=', such as LOG_LEVEL"

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .pod(let pod):
            for container in pod.containers {
                for variable in container.env {
                    if let name = variable.name { context.checkName(name, Self.kubernetes, what: "env name", of: container.label) }
                }
            }
        case .application(let application):
            for variable in application.dockerEnv {
                if let name = variable.name { context.checkName(name, Self.kubernetes, what: "dockerEnv name") }
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
        guard !service.environment.isEmpty, let environment = service.environmentNode else { return }
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
            if let (problem, severity) = Self.composeProblem(entries[index], isMapping: isMapping) {
                let located = entries[index].name
                context.report(NamePattern.message(what: "environment variable", name: located.value, of: service.owner, problem: problem, fix: Self.composeFix),
                               at: located, severity: severity)
            } else if context.platform == .v2 {
                context.checkName(entries[index].name, Self.kubernetes, what: "environment variable", of: service.owner)
            }
        }
    }

    /// What Compose or the container runtime makes of a variable name that is not a plain one, phrased
    /// to follow the name, with its severity when it is not the rule's; nil for a plain name.
    static func composeProblem(_ entry: KeyValueEntry, isMapping: Bool) -> (String, Severity?)? {
        let name = entry.nameText
        if name.isEmpty { return ("is empty, which the container runtime refuses when the container starts", nil) }
        // Compose's list form: Go's `unicode.IsSpace` of the name's last byte (so also 0x85 and 0xA0).
        if !isMapping, let last = name.utf8.last, [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0].contains(last) {
            return ("ends in whitespace, which Compose refuses in the list form", nil)
        }
        if !name.allBytes(satisfy: Self.isNameByteWithoutSpace), let space = name.first(where: \.isWhitespace) {
            return ("contains '\(space)', which Compose and Docker take but no shell can expand", .warning)
        }
        if isMapping, let (before, after) = name.splitAtFirst(ascii: "=") {
            return ("contains '=', so Docker sets '\(excerpt(before))' to '\(excerpt(after + "=" + (entry.value?.value ?? "")))'", .warning)
        }
        return nil
    }

    /// Printable ASCII other than the space: such names hold no whitespace, so the `Character` scan is skipped.
    private static func isNameByteWithoutSpace(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}
