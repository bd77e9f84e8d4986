import Diagnostics
import Model

/// An `extra_hosts` entry Docker Compose cannot read as a host and its address.
struct ExtraHosts: Rule {
    static let description = RuleDescription(
        id: "extra-hosts", severity: .error, kinds: [.compose],
        summary: "extra_hosts entries map a host name to an address: HOST:IP or HOST=IP",
        rationale: """
        Docker Compose reads each `extra_hosts` list entry by cutting it at the first `=`, else at the first `:`
        (so `host:::1` is the IPv6 loopback), and refuses the file when neither is there ("invalid additional host,
        missing IP: nocolon"), when the host name is empty, or when it holds a `:` or `=` ("bad host name"); in the
        mapping form the keys are the host names (compose-go `types.HostsList`). The address itself is not checked
        by Compose (`host-gateway` and names pass), nor here.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                extra_hosts:
                  - ↓nocolon
                  - ↓":10.0.0.5"
                  - "db.local:10.0.0.5"
            """, messages: [
                "extra_hosts entry 'nocolon' of service 'web' has no IP address; write HOST:IP or HOST=IP, such as 'db.local:10.0.0.5'",
                "extra_hosts entry ':10.0.0.5' of service 'web' has an empty host name; write HOST:IP or HOST=IP",
            ]),
            Example("""
            services:
              web:
                image: nginx
                extra_hosts:
                  ↓"a:b": 10.0.0.5
            """, messages: ["extra_hosts host 'a:b' of service 'web' has a host name with ':' or '=', which separate it from the IP address"]),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
                extra_hosts: ["db.local:10.0.0.5", "v6=::1", "gw:host-gateway", "loop:::1"]
              api:
                image: app
                extra_hosts:
                  db.local: 10.0.0.5
                  multi: [10.0.0.6, 10.0.0.7]
            """),
            Example("""
            services:
              web:
                image: nginx
                extra_hosts: ["${DB_HOST:-db}:10.0.0.5", "name-only-in-ip:not-an-ip"]
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        guard case .compose(let compose) = document else { return }
        for service in compose.services {
            guard let hosts = service.extraHosts else { continue }
            let owner = "of service '\(service.name.value)'"
            for entry in hosts.items {
                guard case .string(let text) = entry.resolved, let problem = ComposeSyntax.extraHostProblem(text) else { continue }
                context.report("extra_hosts entry \(entry.quotedForFinding) \(owner) \(problem)", at: entry)
            }
            for (host, _) in hosts.entries {
                guard let problem = ComposeSyntax.hostNameProblem(host.value) else { continue }
                context.report("extra_hosts host '\(excerpt(host.value))' \(owner) \(problem)", at: host)
            }
        }
    }
}
