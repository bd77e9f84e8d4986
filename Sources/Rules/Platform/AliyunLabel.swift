import Diagnostics
import Model

/// An `aliyun.*` label the aliyun platform does not know, or whose value it cannot read.
struct AliyunLabel: Rule {
    static let description = RuleDescription(
        id: "aliyun-label", severity: .error, kinds: [.compose], platforms: [.aliyun],
        summary: "aliyun.* labels must be ones the aliyun platform knows, with values in its format",
        rationale: """
        The classic (Swarm) Container Service configures scaling, routing, load balancers, health checks and log
        shipping through `aliyun.*` labels, each with its own value format (ALIYUN.md §3.2, after Alibaba's Kompose
        fork, whose parser mirrors the service's): counts and seconds are whole numbers, switches are `true` or `false`,
        `aliyun.routing.port_<containerPort>` takes `[scheme://]domain-or-prefix[/context]` entries (schemes http,
        https, ws, wss, tcp; no prefix with https; no domain of your own under alicontainer.com; a domain shorter than
        128 characters; no repeated route), `aliyun.lb.port_<containerPort>` takes `scheme://slb:front_port` entries and
        needs that container port published in `ports`, and `aliyun.probe.url` must name the host `container`. A value
        the platform cannot read fails the deployment or is silently dropped, and a misspelt name is simply ignored, so
        the setting is lost without a word; an unknown name gets the closest known one. Labels known only by name
        (monitoring, addons, `routing.weight` and the like, `vip.port_<N>`, `proxy.*`) pass with any value. YAML
        booleans and integers are fine (`aliyun.scale: 1`), unquoted `yes`/`no`/`on`/`off` included: the platform
        descends from Docker Compose 1.x, whose YAML 1.1 reads them as booleans. A value written with a variable is not
        checked: the platform substitutes variables on the server (§3.3). Left to other rules: whether `aliyun.depends`
        names real services (`undefined-service`), `aliyun.log_store_<name>` paths (`absolute-path`), and the values of
        `aliyun.scale` and `aliyun.auto_scaling.*` (`scale-bounds`, on every platform). `aliyun.global` beside
        `aliyun.scale` is not reported: that they conflict is only an inference in §3.2.
        """,
        triggering: [
            Example("""
            web:
              image: nginx
              labels:
                aliyun.gpu: ↓two
                aliyun.global: ↓"yes"
                ↓aliyun.scael: "2"
                aliyun.rolling_updates.parallelism: ↓0
                aliyun.depends: ↓"db,,cache"
            db: {image: mysql}
            cache: {image: redis}
            """, platform: .aliyun, messages: [
                "aliyun.gpu is 'two', not a whole number ≥ 0 (the number of GPUs); write digits only, e.g. '1'",
                "aliyun.global is 'yes', not 'true' or 'false'; write 'true'",
                "'aliyun.scael' is not a label the aliyun platform knows, so it would be ignored; did you mean 'aliyun.scale'?",
                "aliyun.rolling_updates.parallelism is '0', not a whole number ≥ 1 (containers updated at a time); write digits only, e.g. '1'",
                "aliyun.depends is 'db,,cache', which has an empty service name; separate the names with single commas: 'db,cache'",
            ]),
            Example("""
            services:
              web:
                image: wordpress
                labels:
                  aliyun.routing.port_80: ↓https://wordpress
                  aliyun.routing.port_81: ↓ftp://wp.example.com
                  aliyun.routing.port_82: ↓wp.alicontainer.com
                  aliyun.routing.port_83: ↓wp.example.com:8080
                  aliyun.routing.port_84: ↓www.example.com/App?x=1
                  aliyun.routing.port_85: ↓wp.example.com/a;http://wp.example.com/a
                  ↓aliyun.routing.port_http: web
                  aliyun.routing.session_sticky: ↓'on'
            """, platform: .aliyun, messages: [
                "aliyun.routing.port_80 entry 'https://wordpress' uses the prefix 'wordpress' with https, but the platform's test domains serve only http; give a domain of your own ('https://wordpress.example.com') or drop 'https://'",
                "aliyun.routing.port_81 entry 'ftp://wp.example.com' has the scheme 'ftp', not one of 'http', 'https', 'ws', 'wss', 'tcp'",
                "aliyun.routing.port_82 entry 'wp.alicontainer.com' uses the domain 'wp.alicontainer.com', but names under alicontainer.com are the platform's own; write only the prefix ('wp') to get a test domain",
                "aliyun.routing.port_83 entry 'wp.example.com:8080' has the domain 'wp.example.com:8080', which is not a domain name: dot-separated parts of letters, digits and inner '-', ending in 2–63 letters (e.g. 'www.example.com'); the container port belongs in the label name (aliyun.routing.port_<port>), not here",
                "aliyun.routing.port_84 entry 'www.example.com/App?x=1' has the context root '/App?x=1', which may hold only letters, digits, '-', '_', '/' and '.' after its leading '/'",
                "aliyun.routing.port_85 entry 'http://wp.example.com/a' repeats an earlier route of this label (same scheme, domain and context root); remove one",
                "the container port in aliyun.routing.port_http is 'http', not a number 1–65535; name the container port, e.g. aliyun.routing.port_80",
                "aliyun.routing.session_sticky is 'on', not 'true' or 'false'; write 'true'",
            ]),
            Example("""
            lb:
              image: acs/proxy
              ports: ["80:80", "443:443", "8081:81", "8082:82"]
              labels:
                - aliyun.lb.port_80=tcp://proxy_test:80
                - ↓aliyun.lb.port_443=tls://proxy_test:443
                - ↓aliyun.lb.port_81=slb-1
                - ↓aliyun.lb.port_82=tcp://slb-1:80800
                - ↓aliyun.lb.port_8080=tcp://slb-1:8080
            """, platform: .aliyun, messages: [
                "aliyun.lb.port_443 entry 'tls://proxy_test:443' has the scheme 'tls', not one of 'tcp', 'udp', 'http', 'https'",
                "aliyun.lb.port_81 entry 'slb-1' is not 'scheme://slb_name_or_id:front_port'; write e.g. 'tcp://my-slb:80'",
                "aliyun.lb.port_82 entry 'tcp://slb-1:80800' has the front port '80800', not a number 1–65535",
                "service 'lb' has aliyun.lb.port_8080, but its 'ports' publish no container port 8080; the SLB forwards to the host port, so add e.g. '8080:8080' to ports",
            ]),
            Example("""
            api:
              image: api
              labels:
                aliyun.probe.url: ↓http://localhost:8080/health
                ↓aliyun.probe.cmd: curl -f http://localhost:8080/health
                aliyun.probe.timeout_seconds: ↓5s
            worker:
              image: worker
              labels: {aliyun.probe.url: ↓"tcp://container"}
            """, platform: .aliyun, messages: [
                "aliyun.probe.url is 'http://localhost:8080/health'; the host must be the word 'container' (the platform probes each container of the service), not 'localhost'; write 'http://container:8080/health'",
                "aliyun.probe.timeout_seconds is '5s', not a whole number ≥ 0 (seconds); write digits only, e.g. '5'",
                "service 'api' sets both aliyun.probe.url and aliyun.probe.cmd; a service has one health check, so remove one",
                "aliyun.probe.url is 'tcp://container'; a tcp probe needs a port: 'tcp://container:PORT'",
            ]),
            Example("""
            services:
              app:
                image: app
                labels:
                  - ↓aliyun.log_store_=stdout
                  - ↓aliyun.log_ttl_access=-7
                  - ↓aliyun.latest_image
                  - ↓aliyun.auto_scaling.max_cpu
                  - ↓aliyun.autoscaling.min_cpu=30
            """, platform: .aliyun, messages: [
                "aliyun.log_store_ names no logstore; write aliyun.log_store_<name>, e.g. aliyun.log_store_access",
                "aliyun.log_ttl_access is '-7', not a whole number ≥ 1 (days); write digits only, e.g. '1'",
                "aliyun.latest_image has no value; it takes 'true' or 'false'",
                "aliyun.auto_scaling.max_cpu has no value; it takes a whole number ≥ 0",
                "'aliyun.autoscaling.min_cpu' is not a label the aliyun platform knows, so it would be ignored; did you mean 'aliyun.auto_scaling.min_cpu'?",
            ]),
        ],
        nonTriggering: [
            Example("""
            web:
              image: registry.aliyuncs.com/acs-sample/wordpress:4.5
              links: ['db:mysql']
              environment:
                - constraint:aliyun.node_index==1
                - affinity:service!=db
              labels:
                aliyun.logs: /var/log
                aliyun.probe.url: http://container/license.txt
                aliyun.probe.initial_delay_seconds: '10'
                aliyun.routing.port_80: wordpress;http://wp.sample.com/context;wss://chat.example.com/ws;tcp://web.local
                aliyun.routing.session_sticky: true
                aliyun.scale: 3
                aliyun.depends: db
            db:
              image: registry.aliyuncs.com/acs-sample/mysql:5.7
              labels:
                aliyun.probe.url: tcp://container:3306
                aliyun.latest_image: True
                aliyun.rolling_updates: on
                aliyun.global: 'false'
                aliyun.log_store_db: /var/log/mysql/*.log
                aliyun.log_ttl_db: 30
            """, platform: .aliyun),
            Example("""
            services:
              proxy:
                image: registry.aliyuncs.com/acs/proxy:0.6
                ports: ['80:80', {target: 443, published: 443}]
                labels:
                  - aliyun.custom_addon=proxy
                  - aliyun.global=true
                  - aliyun.lb.port_80=tcp://proxy_test:80;http://lb-2ze0e2wlvf9l1hfv9m1lv:8080
                  - aliyun.lb.port_443=https://proxy_test:443
                  - aliyun.vip.port_80=anything
                  - aliyun.proxy.VIRTUAL_HOST=www.example.com
                  - aliyun.monitoring.addon.influxdb=http://influxdb:8086
                  - aliyun.routing.weight=50
                  - aliyun.auto_scaling.max_instances=10
                  - aliyun.auto_scaling.min_instances=2
                  - aliyun.gpu=0
                  - com.example.team=web
            """, platform: .aliyun),
            Example("""
            logstash:
              image: acs-sample/logstash
              ports: ["${LOGSTASH_PORT}:5044"]
              labels:
                aliyun.lb.port_5044: 'tcp://${SLB_ID}:5044'
                aliyun.routing.port_9600: logstash.$ACS_DEFAULT_DOMAIN
                aliyun.scale: ${SCALE}
            host:
              image: agent
              net: host
              labels: ["aliyun.lb.port_9100=tcp://agents:9100", "aliyun.routing.port_${PORT}=agent"]
            """, platform: .aliyun),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        guard case .compose(let compose) = document else { return }
        for service in compose.services {
            let labels = service.aliyunLabels.filter { !$0.nameHasVariable }
            for label in labels {
                let name = label.name
                switch AliyunLabelCatalogue.entry(name.value) {
                case .known(let value):
                    if !label.valueHasVariable && !label.valueIsCollection {
                        checkValue(of: label, as: value, context: &context)
                    }
                    if value == .loadBalancer {
                        checkPublished(name, of: service, context: &context)
                    }
                case .invalidPort(let family, let suffix):
                    context.report("the container port in \(name.value) is '\(suffix)', not a number 1–65535; name the container port, e.g. \(family)80",
                                   at: name)
                case .missingLogstore(let family):
                    context.report("\(name.value) names no logstore; write \(family)<name>, e.g. \(family)access", at: name)
                case .unknown:
                    let suggestion = AliyunLabelCatalogue.suggestion(for: name.value).map { "; did you mean '\($0)'?" }
                    context.report("'\(name.value)' is not a label the aliyun platform knows, so it would be ignored"
                                   + (suggestion ?? "; correct the name, or drop the 'aliyun.' prefix from a label of your own"), at: name)
                }
            }
            checkSingleProbe(labels, of: service, context: &context)
        }
    }

    /// The value of a known label, against its format; text labels take anything.
    func checkValue(of label: AliyunLabelEntry, as kind: AliyunLabelCatalogue.Value, context: inout RuleContext) {
        let name = label.name.value
        guard kind != .text else { return }
        // `scale-bounds` reads every value these counts are given, on every platform.
        if label.value != nil, IntegerField.countLabels.contains(name) { return }
        guard let value = label.value, !value.value.isEmpty else {
            context.report("\(name) has no value; it takes \(kind.format)", at: label.value ?? label.name)
            return
        }
        let text = value.value
        switch kind {
        case .integer(let minimum, _):
            if let number = AliyunText.integer(text), number >= minimum { return }
            let leadingNumber = AliyunText.integer(text.prefix(while: \.isASCII).prefix(while: \.isNumber)).flatMap { $0 >= minimum ? $0 : nil }
            context.report("\(name) is '\(text)', not \(kind.format); write digits only, e.g. '\(leadingNumber ?? max(minimum, 1))'", at: value)
        case .boolean:
            guard !["true", "false"].contains(text.lowercased()), !(label.valueIsPlain && Self.yaml11Booleans.contains(text.lowercased())) else { return }
            let guess = Self.booleanSpellings[text.lowercased()] ?? Suggestions.closest(to: text, among: ["true", "false"])
            context.report("\(name) is '\(text)', not 'true' or 'false'; write " + (guess.map { "'\($0)'" } ?? "one of them"), at: value)
        case .serviceNames:
            let names = AliyunText.commaSeparated(text)
            guard names.contains(where: \.isEmpty) else { return }
            context.report("\(name) is '\(text)', which has an empty service name; separate the names with single commas: '\(names.filter { !$0.isEmpty }.joined(separator: ","))'",
                           at: value)
        case .routing:
            for (entry, problem) in AliyunRoute.problems(in: text) {
                context.report("\(name) entry '\(entry)' \(problem.message)", at: value)
            }
        case .loadBalancer:
            for (entry, problem) in AliyunLoadBalancer.problems(in: text) {
                context.report("\(name) entry '\(entry)' \(problem.message)", at: value)
            }
        case .probeURL:
            for problem in AliyunProbe.problems(text) {
                context.report("\(name) is '\(text)'; \(problem.message)", at: value)
            }
        case .logPath, .text:
            // A log path that is neither `stdout` nor absolute is `absolute-path`'s finding.
            break
        }
    }

    /// Unquoted words YAML 1.1 reads as booleans (`aliyun.global: yes` is true on the platform).
    static let yaml11Booleans: Set<String> = ["yes", "no", "on", "off", "y", "n"]

    /// Other ways of writing yes and no, and what the platform wants instead.
    static let booleanSpellings = ["yes": "true", "y": "true", "on": "true", "1": "true", "no": "false", "n": "false", "off": "false", "0": "false"]

    /// An SLB forwards to the host port a container port is published on, so the port of an
    /// `aliyun.lb.port_<N>` label must be published. Not judged when a `ports` entry cannot be read (a
    /// variable, a typo: `port-syntax` reports those) or the service does not have a network of its own
    /// (`host`, `service:…`), where `ports` do not apply.
    func checkPublished(_ name: Located<String>, of service: ComposeService, context: inout RuleContext) {
        guard let port = AliyunLabelCatalogue.containerPort(of: name.value) else { return }
        let network = service.networkMode?.string?.value ?? service.net?.string?.value ?? "bridge"
        guard network == "bridge" || network == "default" else { return }
        var targets: [ClosedRange<Int>] = []
        for entry in service.ports {
            guard !entry.node.isWrittenWithVariable, case .success(let spec) = entry.spec else { return }
            targets.append(spec.target)
        }
        guard !targets.contains(where: { $0.contains(port) }) else { return }
        context.report("service '\(service.name.value)' has \(name.value), but its 'ports' publish no container port \(port); the SLB forwards to the host port, so add e.g. '\(port):\(port)' to ports",
                       at: name)
    }

    /// One health check per service: `aliyun.probe.url` or `aliyun.probe.cmd`. Reported at the later one.
    func checkSingleProbe(_ labels: [AliyunLabelEntry], of service: ComposeService, context: inout RuleContext) {
        let probes = labels.filter { $0.name.value == "aliyun.probe.url" || $0.name.value == "aliyun.probe.cmd" }
        guard let first = probes.first, let second = probes.dropFirst().first(where: { $0.name.value != first.name.value }) else { return }
        context.report("service '\(service.name.value)' sets both aliyun.probe.url and aliyun.probe.cmd; a service has one health check, so remove one",
                       at: second.name, notes: [first.name.note("the other health check")])
    }
}
