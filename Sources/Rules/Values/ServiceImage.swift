import Diagnostics
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
        has the image, so neither is reported. A service with `profiles` runs only when one of them is active
        (`--profile`, `COMPOSE_PROFILES`), and Compose checks its image only then: `docker compose config` takes such
        a service without image or build while its profiles are inactive, and refuses the file once one is active.
        A project run that chooses profiles (`--profile`, `COMPOSE_PROFILES`) sets the services outside them aside and
        checks the rest as any other; otherwise stackc cannot know which profiles will be, and that is a warning.
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
            Example("""
            services:
              web:
                image: ↓"${WEB_IMAGE}"
            """, messages: [
                "image of service 'web', written \"${WEB_IMAGE}\", is empty after substitution; Docker Compose refuses an empty value there: set the variable or give it a default, such as ${IMAGE:-nginx:1.25}",
            ]),
            Example("""
            services:
              web:
                image: nginx
              ↓debug:
                profiles: [debug]
            """, messages: [
                "service 'debug' has neither 'image' nor 'build', which Compose accepts only while its profile 'debug' is inactive; name the image to run, such as 'image: debug:1.0'",
            ], severity: .warning),
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
        for service in compose.services {
            if let image = service.imageNode {
                // `image: ${IMAGE}` with IMAGE unset is no image to Compose either, unless something else gives one.
                if image.isScalar, image.text.isEmpty, !Self.hasOtherImageSource(service), service.profiles == nil {
                    _ = context.reportLeftEmpty(image, "image of service '\(service.name.value)'", example: "${IMAGE:-nginx:1.25}")
                }
                continue
            }
            guard !Self.hasOtherImageSource(service) else { continue }
            let name = service.name.value
            let fix = "name the image to run, such as 'image: \(name):1.0'"
            // A service of inactive profiles is not checked by Compose; whether one will be active is
            // not known here.
            let profiles = service.profiles?.stringList.map(\.value) ?? []
            if profiles.isEmpty {
                context.report("service '\(name)' has neither 'image' nor 'build'; \(fix)", at: service.name)
            } else {
                let which = profiles.count == 1 ? "profile '\(excerpt(profiles[0]))' is" : "profiles \(profiles.map { "'\(excerpt($0))'" }.joined(separator: ", ")) are"
                context.report("service '\(name)' has neither 'image' nor 'build', which Compose accepts only while its \(which) inactive; \(fix)",
                               at: service.name, severity: .warning)
            }
        }
    }

    /// Whether something other than its own `image` gives a service its image: a build, another
    /// service's through `extends`, or a `provider` (Compose's plugin services, which run no container).
    static func hasOtherImageSource(_ service: ComposeService) -> Bool {
        service.build != nil || service.extends != nil || service.provider != nil
    }

    /// `compose.override.yaml`, `docker-compose.override.yml`, `prod.override.yml`: files Compose
    /// merges onto a base file.
    static func isOverrideFragment(_ path: String) -> Bool {
        let name = path.split(ascii: "/", omittingEmpty: true).last.map { $0.lowercased() } ?? ""
        return name.hasSuffix(ascii: ".override.yml") || name.hasSuffix(ascii: ".override.yaml")
    }
}

extension RuleID {
    /// For the driver, which turns this rule's finding into a note for a file that is an `extends` base.
    public static var serviceImage: RuleID { ServiceImage.description.id }
}
