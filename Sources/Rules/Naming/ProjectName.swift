import Diagnostics
import Model

/// A project or volume name the platform or Docker Compose refuses.
struct ProjectName: Rule {
    static let description = RuleDescription(
        id: ComposeProjectName.rule, severity: .error, kinds: [.compose, .aliyunVolume],
        summary: "aliyun project and volume names use 1–64 letters, digits and '-'; Compose project names lower-case letters, digits, '-' and '_'",
        rationale: """
        The aliyun projects API takes a project (application) name and the volumes API a volume name of "1–64
        characters: digits, ASCII letters and hyphen, not starting with a hyphen" (PLATFORM_API.md §1, 000 §1.5.2 and
        §1.5.19); anything else is refused when the request arrives. Checked: an aliyun volume's `name`, with
        `--target aliyun` a Compose file's top-level `name:`, and every project or volume name an aliyun request is
        built with, whether a flag (`--name`, `--project`), a stack manifest or the template gives it (the request
        check of `build`, `submit` and of a linted stack manifest). Without `--target aliyun` a Compose `name:` is not
        held to the aliyun rule, since only aliyun deploys read it as a project name. Whatever the target, Docker
        Compose normalises the `name:` of a file (compose-go `NormalizeProjectName`): it lower-cases it, drops every
        character other than `a–z`, `0–9`, `-` and `_`, and then any leading `-` and `_`, so `name: My App` is the
        project `myapp`. A name that changes so is a warning saying which name Compose uses (containers, networks
        and volumes are named after it); one that leaves nothing (`name: "!!!"`) is an error, as Compose then
        refuses the file ("project name must not be empty"). An empty `name: ""` is no name: Compose names the
        project after the folder; but a name a variable leaves empty (`name: ${PROJECT:-}`) is refused like one
        that normalises to nothing. `-p` and `COMPOSE_PROJECT_NAME` are not normalised: Compose refuses them unless
        written as it would normalise them ("invalid project name"), and so does stackc, before reading any file
        (exit 2); a folder whose name leaves nothing (`日本`) names no project, an error at the file's first line.
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
            name: ↓"My Shop"
            services:
              web:
                image: nginx
            """, platform: .aliyun, messages: ["project name 'My Shop' must not contain ' '; use 1–64 of A–Z a–z 0–9 -, not starting with -"]),
            Example("""
            name: ↓"!!!"
            services:
              web:
                image: nginx
            """, messages: ["Compose project name '!!!' is empty once Compose lower-cases it and keeps only a–z 0–9 - _, not leading - or _, and Compose refuses an empty name; use a–z 0–9 - _, starting with a letter or digit"]),
            Example("""
            name: ↓${PROJECT:-}
            services:
              web:
                image: nginx
            """, messages: ["the project name, written ${PROJECT:-}, is empty after substitution; Docker Compose refuses an empty value there: set the variable or give it a default, such as ${PROJECT:-shop}"]),
            Example("""
            name: ↓My App
            services:
              web:
                image: nginx
            """, messages: ["Compose project name 'My App' is not one Compose takes as written: it lower-cases the name and keeps only a–z 0–9 - _, not leading - or _, so the project is 'myapp'; write 'myapp'"],
                    severity: .warning),
            Example("""
            name: ↓_Shop.2
            services:
              web:
                image: nginx
            """, messages: ["Compose project name '_Shop.2' is not one Compose takes as written: it lower-cases the name and keeps only a–z 0–9 - _, not leading - or _, so the project is 'shop2'; write 'shop2'"],
                    severity: .warning),
            Example("""
            name: ↓MyShop
            services:
              web:
                image: nginx
            """, platform: .aliyun, severity: .warning),
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
            Example("""
            name: ""
            services:
              web:
                image: nginx
            """),
        ])

    /// The aliyun rule for project and volume names.
    static let aliyun = NamePattern(allowed: NamePattern.alphanumerics.union(NamePattern.characters("-")), first: NamePattern.alphanumerics, lengths: 1...64,
                                    fix: "1–64 of A–Z a–z 0–9 -, not starting with -")
    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .aliyunVolume(let volume):
            if let name = volume.name { context.checkName(name, Self.aliyun, what: "volume name") }
        case .compose(let compose):
            // Only the services layout has a top-level `name:`; in a v1 file every key is a service.
            guard compose.layout == .services, let node = compose.name else { return }
            // Compose takes an empty name for none (the folder names the project), unless a variable
            // made it empty: it then refuses the file ("project name must not be empty").
            if context.reportLeftEmpty(node, "the project name", example: "${PROJECT:-shop}") { return }
            guard let name = node.checkedString(separators: "-_.") else { return }
            // A name still holding a `$` was not substituted (its variable's finding says why); a value
            // that is no string is the schema check's.
            if node.isWrittenWithVariable ? name.value.contains(ascii: "$") : !node.resolved.isString { return }
            guard !name.value.isEmpty else { return }
            if context.platform == .aliyun, let problem = Self.aliyun.problem(in: name.value) {
                context.reportName(name, problem: problem, what: "project name", of: nil, fix: Self.aliyun.fix)
                return
            }
            let normalized = ComposeProjectName.normalized(name.value)
            if normalized.isEmpty {
                context.report("Compose project name '\(excerpt(name.value))' is empty once Compose lower-cases it and keeps only a–z 0–9 - _, not leading - or _, "
                               + "and Compose refuses an empty name; use \(ComposeProjectName.pattern.fix)",
                               at: name)
            } else if normalized != name.value {
                context.report("Compose project name '\(excerpt(name.value))' is not one Compose takes as written: it lower-cases the name and keeps only a–z 0–9 - _, "
                               + "not leading - or _, so the project is '\(excerpt(normalized))'; write '\(excerpt(normalized))'", at: name, severity: .warning)
            }
        default:
            break
        }
    }
}
