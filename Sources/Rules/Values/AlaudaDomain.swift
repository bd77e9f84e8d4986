import Model

/// An Alauda service whose `custom_domain_name` holds more than one domain.
struct AlaudaDomain: Rule {
    static let description = RuleDescription(
        id: "alauda-domain", severity: .error, kinds: [.alaudaService],
        summary: "an Alauda service's custom_domain_name holds one domain",
        rationale: """
        The Alauda v1 services API (PLATFORM_API.md §4) takes `custom_domain_name` as the user's own domain for the
        service, and "currently one domain can be set" (003: 目前能设置一个域名, e.g. `www.myname.com`). Domains
        written into it separated by commas, semicolons or spaces (`www.example.com, shop.example.com`) are one
        string to the API, which is no domain at all: it cannot be bound, and no request to either domain reaches the
        service. Keep one domain per service. A list of domains is already a `type-mismatch` (the field is a
        string); a value left empty by an unset variable is `unset-variable`'s.
        """,
        triggering: [
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            custom_domain_name: ↓www.example.com,shop.example.com
            """, messages: [
                "custom_domain_name holds 2 domains, 'www.example.com', 'shop.example.com'; an Alauda service takes one domain, such as 'www.example.com'",
            ]),
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            custom_domain_name: ↓"web.example.com api.example.com; admin.example.com"
            """, messages: [
                "custom_domain_name holds 3 domains, 'web.example.com', 'api.example.com', 'admin.example.com'; an Alauda service takes one domain, such as 'web.example.com'",
            ]),
        ],
        nonTriggering: [
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            custom_domain_name: www.example.com
            """),
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            custom_domain_name: "www.example.com,${EXTRA_DOMAIN}"
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        // `checkedString` is nil for a value an unset variable left empty; a part it left empty is no domain.
        guard case .alaudaService(let service) = document, let value = service.customDomainName?.checkedString() else { return }
        let domains = value.value.split { $0 == "," || $0 == ";" || $0.isWhitespace }.map(String.init)
        guard domains.count > 1 else { return }
        context.report("custom_domain_name holds \(domains.count) domains, \(RuleContext.quotedList(domains)); an Alauda service takes one domain, such as '\(domains[0])'",
                       at: value)
    }
}
