import Model

/// One environment variable set twice in one container's environment.
struct DuplicateEnv: Rule {
    static let description = RuleDescription(
        id: "duplicate-env", severity: .warning, kinds: [.compose, .pod, .application],
        summary: "a variable should be set once per environment",
        rationale: """
        A Compose `environment` list (`- A=1` twice, or `- A` and `- A=2`), a pod container's `env` list and a v2
        application's `dockerEnv` (PLATFORM_API.md §5) may name one variable twice; nothing refuses it, and the later
        value silently wins (Kubernetes only warns that it "hides" the earlier one). Usually one of them is a stale
        copy, and which one a reader believes is in effect is a coin toss. The mapping form cannot repeat a key (that
        is `duplicate-key`). Swarm scheduling entries in a Compose environment (`constraint:…`, `affinity:…`,
        `reschedule:…`, ALIYUN.md §3.1) are filters, not variables, and are not compared.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                environment:
                  - LOG_LEVEL=info
                  - MODE=prod
                  - ↓LOG_LEVEL=debug
            """, messages: ["variable 'LOG_LEVEL' is set twice in the environment of service 'web'; the later value wins, remove one"]),
            Example("""
            containers:
              - name: mysql
                image: mysql
                env:
                  - {name: MYSQL_ROOT_PASSWORD, value: a}
                  - {name: ↓MYSQL_ROOT_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: pw}}}
            """, messages: ["variable 'MYSQL_ROOT_PASSWORD' is set twice in the env of container 'mysql'; the later value wins, remove one"]),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            dockerEnv:
              - {name: PATH1, value: /bin}
              - {name: ↓PATH1, value: /usr/bin}
            """),
        ],
        nonTriggering: [
            Example("""
            web:
              image: nginx
              environment:
                - LOG_LEVEL=info
                - affinity:service!=db
                - affinity:service!=cache
            db:
              image: mysql
              environment:
                LOG_LEVEL: info
            """),
            Example("""
            containers:
              - name: a
                image: x
                env: [{name: MODE, value: one}]
              - name: b
                image: x
                env: [{name: MODE, value: two}]
            """),
        ])

    /// Prefixes of classic Swarm scheduling filters written as environment entries.
    static let schedulingPrefixes = ["constraint:", "affinity:", "reschedule:"]

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            // The mapping form cannot repeat a key: that is duplicate-key's finding, not this rule's.
            // One entry cannot repeat; most services are decided here without building any list.
            for service in compose.services where Self.hasRepeatedName(service.environment) && service.environmentNode?.isMapping != true {
                let names = service.environment.lazy.map(\.name).filter { name in !Self.isSchedulingFilter(name.value) }
                report(Array(names), in: "the environment of service '\(service.name.value)'", context: &context)
            }
        case .pod(let pod):
            for container in pod.containers {
                report(container.env.compactMap { $0.name?.string }, in: "the env of \(container.label)", context: &context)
            }
        case .application(let application):
            report(application.dockerEnv.compactMap { $0.name?.string }, in: "dockerEnv", context: &context)
        default:
            break
        }
    }

    /// Whether an entry of a Compose environment is a scheduling filter, not a variable (`env-name` asks too).
    static func isSchedulingFilter(_ name: String) -> Bool {
        // Every prefix ends in ':', which a variable's name almost never holds: one byte search decides.
        name.contains(ascii: ":") && schedulingPrefixes.contains(where: name.hasPrefix(ascii:))
    }

    /// Whether two entries name one variable, scheduling filters aside. Nearly no environment repeats a
    /// name, and this decides so from the names' texts, without a located name or a list of them.
    static func hasRepeatedName(_ entries: [KeyValueEntry]) -> Bool {
        // Two equal names are both filters or both variables, so the filter test waits for a repeat.
        if entries.count > RuleContext.repeatScanLimit {
            var seen = Set<String>()
            return entries.contains { !seen.insert($0.nameText).inserted && !isSchedulingFilter($0.nameText) }
        }
        return entries.indices.contains { index in
            entries[..<index].contains { $0.nameText == entries[index].nameText } && !isSchedulingFilter(entries[index].nameText)
        }
    }

    /// - Parameter environment: what holds the names, spelled out only for a finding.
    func report(_ names: [Located<String>], in environment: @autoclosure () -> String, context: inout RuleContext) {
        context.reportRepeats(names.map { ($0.value, $0) }, note: "first set here") { name, _ in
            "variable '\(name)' is set twice in \(environment()); the later value wins, remove one"
        }
    }
}
