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
        service inherits the profiles of the one it `extends`. Without a profile chosen this rule
        checks as Compose does with none; a project run that chooses profiles (`--profile`, or `COMPOSE_PROFILES` in
        the environment or `.env`: `lint -f`, a folder's project) sets the services outside them aside first, and a
        running service that needs one of those is told which profile would start it (Compose says `depends on
        undefined service`, as if it were not written at all). A service in a profile that depends on one in
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
        if !context.setAside.isEmpty { checkSetAside(relations, context: &context) }
        // Most files have no profile at all.
        guard relations.isActiveByDefault.contains(false) else { return }
        for (service, references) in relations.references.enumerated() where relations.isActiveByDefault[service] {
            for reference in references where reference.via != .aliyunDepends {
                guard let target = relations.index[reference.name.value], !relations.isActiveByDefault[target] else { continue }
                report(reference, of: relations.services[service], needing: relations.profiles[target], chosen: false, context: &context)
            }
            checkBuildContexts(of: service, relations, context: &context) { name in
                relations.index[name].flatMap { relations.isActiveByDefault[$0] ? nil : relations.profiles[$0] }
            }
        }
    }

    /// A project run that chose profiles: every service left runs, and a reference to one the profiles
    /// set aside (`RuleContext.setAside`) names a service that is no longer there.
    func checkSetAside(_ relations: ComposeRelations, context: inout RuleContext) {
        for (service, references) in relations.references.enumerated() {
            for reference in references where reference.via != .aliyunDepends && relations.index[reference.name.value] == nil {
                guard let profiles = context.setAside[reference.name.value] else { continue }
                report(reference, of: relations.services[service], needing: profiles, chosen: true, context: &context)
            }
            let setAside = context.setAside
            checkBuildContexts(of: service, relations, chosen: true, context: &context) { setAside[$0] }
        }
    }

    /// One reference to a service that does not run, unless `required: false` makes it optional (never
    /// for `network_mode`), with what would make it run.
    func report(_ reference: ServiceReference, of service: ComposeService, needing profiles: [String], chosen: Bool, context: inout RuleContext) {
        let name = reference.name.value
        guard reference.via == .networkMode || !Self.isOptional(name, of: service) else { return }
        let optional = switch reference.via {
        case .dependsOn: ", take '\(name)' out of its profiles, or mark the dependency required: false"
        case .networkMode: ", or take '\(name)' out of its profiles"
        default: ", take '\(name)' out of its profiles, or list it in depends_on with required: false"
        }
        context.report("\(service.owner) depends on '\(name)' (\(reference.via.rawValue)), which " + Self.needs(profiles, chosen: chosen) + optional,
                       at: reference.name)
    }

    /// A build's `additional_contexts` entry `service:NAME` needs NAME's image, built first: Compose refuses
    /// a name that is no service of the project it runs (`service "app" declares unknown service "base" as
    /// additional contexts base`), and a profile leaves it out. (A name that is no service at all is
    /// `compose-conflict`'s finding.) `profiles` gives those of a service that does not run, else nil.
    func checkBuildContexts(of service: Int, _ relations: ComposeRelations, chosen: Bool = false, context: inout RuleContext,
                            profiles: (String) -> [String]?) {
        guard let contexts = relations.services[service].build?.additionalContexts else { return }
        for (name, value) in contexts.entries where value.text.hasPrefix(ascii: "service:") {
            let target = String(value.text.dropFirst("service:".count))
            guard let needed = profiles(target) else { continue }
            context.report("additional_contexts '\(excerpt(name.value))' of \(relations.services[service].owner) names service '\(excerpt(target))', which "
                           + Self.needs(needed, chosen: chosen) + ", or take '\(excerpt(target))' out of its profiles", at: value)
        }
    }

    /// What keeps a service from running and what would start it: "runs only under profile 'dev', not
    /// enabled by default; enable it (--profile dev or COMPOSE_PROFILES)", or in a run that chose profiles
    /// "is not active: it needs profile 'debug', not chosen in this run; start with --profile debug".
    static func needs(_ profiles: [String], chosen: Bool) -> String {
        // A service inherits the profiles of the one it extends, which may repeat its own.
        var distinct: [String] = []
        for profile in profiles where !distinct.contains(profile) { distinct.append(profile) }
        let listed = "profile\(distinct.count == 1 ? "" : "s") " + distinct.map { "'\($0)'" }.joined(separator: ", ")
        let first = distinct.first ?? ""
        guard chosen else {
            return "runs only under \(listed), not enabled by default; enable \(distinct.count == 1 ? "it" : "one") (--profile \(first) or COMPOSE_PROFILES)"
        }
        return "is not active: it needs \(listed), not chosen in this run; start with --profile \(first)"
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
