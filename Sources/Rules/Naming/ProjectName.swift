import Model

/// A project or volume name the platform or Docker Compose refuses.
struct ProjectName: Rule {
    static let description = RuleDescription(
        id: "project-name", severity: .error, kinds: [.compose, .aliyunVolume],
        summary: "aliyun project and volume names use 1–64 letters, digits and '-'; Compose project names lower-case letters, digits, '-' and '_'",
        rationale: """
        The aliyun projects API takes a project (application) name and the volumes API a volume name of "1–64
        characters: digits, ASCII letters and hyphen, not starting with a hyphen" (PLATFORM_API.md §1, 000 §1.5.2 and
        §1.5.19); anything else is refused when the request arrives. Checked: an aliyun volume's `name`, with
        `--target aliyun` a Compose file's top-level `name:`, and every project or volume name an aliyun request is
        built with, whether a flag (`--name`, `--project`), a stack manifest or the template gives it (the request
        check of `build`, `submit` and of a linted stack manifest). Whatever the target, that `name:` must also be a project name Docker Compose accepts
        (lower-case letters, digits, `-` and `_`, starting with a letter or digit): `docker compose` refuses any
        other ("invalid project name"). Without `--target aliyun` a Compose `name:` is not held to the aliyun rule,
        since only aliyun deploys read it as a project name.
        """,
        triggering: [
            Example("""
            name: ↓-uploads
            driver: nas
            driverOpts: {diskid: d-1, host: nas.example.com, path: /, mode: "755"}
            """, messages: ["volume name '-uploads' must not start with '-'; use 1–64 of A–Z a–z 0–9 -, not starting with -"]),
            Example("""
            name: ↓shop_front
            services:
              web:
                image: nginx
            """, platform: .aliyun, messages: ["project name 'shop_front' must not contain '_'; use 1–64 of A–Z a–z 0–9 -, not starting with -"]),
            Example("""
            name: ↓MyShop
            services:
              web:
                image: nginx
            """, messages: ["Compose project name 'MyShop' must not contain 'M'; use a–z 0–9 - _, starting with a letter or digit"]),
        ],
        nonTriggering: [
            Example("""
            name: shared-uploads
            driver: nas
            driverOpts: {diskid: d-1, host: nas.example.com, path: /, mode: "755"}
            """),
            Example("""
            name: shop_front
            services:
              web:
                image: nginx
            """),
            Example("""
            name: shop-2
            services:
              web:
                image: nginx
            """, platform: .aliyun),
        ])

    /// The aliyun rule for project and volume names.
    static let aliyun = NamePattern(allowed: NamePattern.alphanumerics.union(NamePattern.characters("-")), first: NamePattern.alphanumerics, lengths: 1...64,
                                    fix: "1–64 of A–Z a–z 0–9 -, not starting with -")
    /// Docker Compose's rule for a project name (compose-go `NormalizeProjectName`).
    static let compose = NamePattern(allowed: NamePattern.lowerAlphanumerics.union(NamePattern.characters("-_")), first: NamePattern.lowerAlphanumerics,
                                     fix: "a–z 0–9 - _, starting with a letter or digit")

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .other(.aliyunVolume, let root):
            if let name = root["name"] { context.checkName(name, Self.aliyun, what: "volume name") }
        case .compose(let compose):
            // Only the services layout has a top-level `name:`; in a v1 file every key is a service.
            guard compose.layout == .services, let name = compose.root["name"] else { return }
            // A name Compose refuses is reported as such; a name it takes may still break the aliyun rule.
            if context.platform == .aliyun, Self.compose.problem(in: name.node.text) == nil {
                context.checkName(name, Self.aliyun, what: "project name")
            } else {
                context.checkName(name, Self.compose, what: "Compose project name")
            }
        default:
            break
        }
    }
}
