import Diagnostics
import Model

/// A service that runs by default needing one that runs only under a profile.
struct InactiveDependency: Rule {
    static let description = RuleDescription(
        id: "inactive-dependency", severity: .error, kinds: [.compose],
        summary: "a service that runs by default must not depend on a service that runs only under a profile",
        rationale: """
        A service with `profiles:` runs only when one of them is enabled (`--profile`, `COMPOSE_PROFILES`); without
        that, compose-go v2.9 sets it aside before checking the project, and a service that runs by default and names
        it in `depends_on`, `links`, `volumes_from` or a `service:NAME` of `network_mode`, `ipc`, `pid` or `uts` then
        depends on a service that is not there: Docker Compose refuses the file (`service "web" depends on undefined
        service "db"`). A `depends_on` entry with `required: false` is skipped when its service is not running, and
        is fine, and so is any other reference to that service except `network_mode`. The same holds for a build's
        `additional_contexts` entry `service:NAME`, which builds on NAME's image (`service "app" declares unknown service
        "base" as additional contexts base`). A service whose profiles include the empty string (an unset `${PROFILE}`) runs by default, and a
        service inherits the profiles of the one it `extends`. This rule checks as Compose does with no profile chosen;
        a project run that chooses profiles (`--profile`, or `COMPOSE_PROFILES` in the environment or `.env`) sets the
        services outside them aside first, and a dependency on one of those is then `undefined-service`'s finding,
        as Compose words it (`depends on undefined service`). A service in a profile that depends on one in
        another profile is not reported: enabling both profiles is a valid way to run it.
        """,
        triggering: [
            Example("""
            services:
              api:
                build: ./api
                depends_on:
                  ↓mailer:
                    condition: service_started
              mailer:
                image: mailhog/mailhog
                profiles: [dev]
            """, messages: [
                "service 'api' depends on 'mailer' (depends_on), which runs only under profile 'dev', not enabled by default; enable it (--profile dev or COMPOSE_PROFILES), take 'mailer' out of its profiles, or mark the dependency required: false",
            ]),
            Example("""
            services:
              app:
                image: app
                network_mode: ↓service:vpn
                links: [↓cache]
              vpn:
                image: wireguard
                profiles: [remote, tunnel]
              cache:
                extends: base
              base:
                image: redis
                profiles: [tools]
              site:
                build:
                  context: .
                  additional_contexts: {assets: ↓"service:assets"}
              assets:
                build: ./assets
                profiles: [tools]
            """, messages: [
                "service 'app' depends on 'cache' (links), which runs only under profile 'tools', not enabled by default; enable it (--profile tools or COMPOSE_PROFILES), take 'cache' out of its profiles, or list it in depends_on with required: false",
                "service 'app' depends on 'vpn' (network_mode), which runs only under profiles 'remote', 'tunnel', not enabled by default; enable one (--profile remote or COMPOSE_PROFILES), or take 'vpn' out of its profiles",
                "additional_contexts 'assets' of service 'site' names service 'assets', which runs only under profile 'tools', not enabled by default; enable it (--profile tools or COMPOSE_PROFILES), or take 'assets' out of its profiles",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              shop:
                build: .
                depends_on:
                  tracing: {condition: service_started, required: false}
                links: [tracing]
              tracing:
                image: jaegertracing/all-in-one
                profiles: [debug]
              admin:
                image: adminer
                profiles: [debug]
                depends_on: [tracing]
                links: [shop]
            """),
            Example("""
            services:
              web:
                image: nginx
                volumes_from: [assets]
              assets:
                image: assets
                profiles: ["${ASSETS_PROFILE}"]
              debug:
                image: busybox
                profiles: [debug]
                network_mode: service:web
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        guard case .compose(let compose) = document else { return }
        let relations = ComposeRelations.of(compose, sharedBy: context)
        // Most files have no profile at all.
        guard relations.isActiveByDefault.contains(false) else { return }
        for (service, references) in relations.references.enumerated() where relations.isActiveByDefault[service] {
            for reference in references where reference.via != .aliyunDepends {
                guard let target = relations.index[reference.name.value], !relations.isActiveByDefault[target],
                      reference.via == .networkMode || !Self.isOptional(reference.name.value, of: relations.services[service]) else { continue }
                let optional = switch reference.via {
                case .dependsOn: ", take '\(reference.name.value)' out of its profiles, or mark the dependency required: false"
                case .networkMode: ", or take '\(reference.name.value)' out of its profiles"
                default: ", take '\(reference.name.value)' out of its profiles, or list it in depends_on with required: false"
                }
                context.report("\(relations.services[service].owner) depends on '\(reference.name.value)' (\(reference.via.rawValue)), which "
                               + Self.runsOnlyUnderProfiles(of: target, relations) + optional, at: reference.name)
            }
            checkBuildContexts(of: service, relations, context: &context)
        }
    }

    /// A build's `additional_contexts` entry `service:NAME` needs NAME's image, built first: Compose refuses
    /// a name that is no service of the project it runs (`service "app" declares unknown service "base" as
    /// additional contexts base`), and an inactive profile leaves it out. (A name that is no service at all
    /// is `compose-conflict`'s finding.)
    func checkBuildContexts(of service: Int, _ relations: ComposeRelations, context: inout RuleContext) {
        guard let contexts = relations.services[service].build?.additionalContexts else { return }
        for (name, value) in contexts.entries where value.text.hasPrefix(ascii: "service:") {
            let target = String(value.text.dropFirst("service:".count))
            guard let index = relations.index[target], !relations.isActiveByDefault[index] else { continue }
            context.report("additional_contexts '\(excerpt(name.value))' of \(relations.services[service].owner) names service '\(excerpt(target))', which "
                           + Self.runsOnlyUnderProfiles(of: index, relations) + ", or take '\(excerpt(target))' out of its profiles", at: value)
        }
    }

    /// "runs only under profile 'dev', not enabled by default; enable it (--profile dev or COMPOSE_PROFILES)".
    static func runsOnlyUnderProfiles(of service: Int, _ relations: ComposeRelations) -> String {
        // A service inherits the profiles of the one it extends, which may repeat its own.
        var profiles: [String] = []
        for profile in relations.profiles[service] where !profiles.contains(profile) { profiles.append(profile) }
        let listed = profiles.map { "'\($0)'" }.joined(separator: ", ")
        return "runs only under profile\(profiles.count == 1 ? "" : "s") \(listed), not enabled by default; "
            + "enable \(profiles.count == 1 ? "it" : "one") (--profile \(profiles[0]) or COMPOSE_PROFILES)"
    }

    /// Whether the service's `depends_on` entry for `name` says `required: false`: Compose then starts the
    /// service without it, and a `links`, `volumes_from` or `ipc`/`pid`/`uts` reference to it adds no other
    /// requirement (compose-go's loader keeps the explicit entry). Only `network_mode` is checked apart, and
    /// refused (`service "db" not found for network_mode 'service:db'`).
    static func isOptional(_ name: String, of service: ComposeService) -> Bool {
        guard let required = service.dependencyRequired(on: name) else { return false }
        return required.resolved == .bool(false)
    }
}
