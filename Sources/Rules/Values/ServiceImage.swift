import Model

/// A Compose service that says neither which image to run nor how to build one.
struct ServiceImage: Rule {
    static let description = RuleDescription(
        id: "service-image", severity: .error, kinds: [.compose],
        summary: "a Compose service needs an image (or, for Docker Compose, a build section)",
        rationale: """
        Docker Compose refuses a service that has neither `image` nor `build` ("has neither an image nor a build
        context specified"), and the platforms, which do not build images, need `image` on every service. A service
        that `extends` another may take its image from there, a `provider` service runs no container, and a file named like Compose's override fragments
        (`compose.override.yaml`, `docker-compose.override.yml`, `*.override.yml`) is merged onto a base file that
        has the image, so neither is reported.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
              ↓worker:
                command: ["run", "--queue", "default"]
            """, messages: ["service 'worker' has neither 'image' nor 'build'; name the image to run, such as 'image: worker:1.0'"]),
            Example("""
            web:
              image: nginx
            ↓cache:
              mem_limit: 256m
            """, messages: ["service 'cache' has neither 'image' nor 'build'; name the image to run, such as 'image: cache:1.0'"]),
        ],
        nonTriggering: [
            Example("""
            services:
              web: {image: nginx}
              api: {build: ./api}
              admin:
                extends: {file: common.yml, service: base}
              database:
                provider: {type: awesomecloud, options: {type: mysql}}
            """),
            Example("""
            web:
              image: nginx
              links: [db]
            db:
              image: mysql:8
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        guard case .compose(let compose) = document, !Self.isOverrideFragment(context.fileName) else { return }
        for service in compose.services where Self.sources.allSatisfy({ service[$0] == nil }) {
            context.report("service '\(service.name.value)' has neither 'image' nor 'build'; name the image to run, such as 'image: \(service.name.value):1.0'", at: service.name)
        }
    }

    /// Keys that give a service its image: its own, a build, another service's through `extends`, or
    /// a `provider` (Compose's plugin services, which run no container).
    static let sources = ["image", "build", "extends", "provider"]

    /// `compose.override.yaml`, `docker-compose.override.yml`, `prod.override.yml`: files Compose
    /// merges onto a base file.
    static func isOverrideFragment(_ path: String) -> Bool {
        let name = path.split(ascii: "/", omittingEmpty: true).last.map { $0.lowercased() } ?? ""
        return name.hasSuffix(ascii: ".override.yml") || name.hasSuffix(ascii: ".override.yaml")
    }
}
