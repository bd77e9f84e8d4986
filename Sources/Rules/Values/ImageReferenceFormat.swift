import Model

/// An image reference that no registry client can parse.
struct ImageReferenceFormat: Rule {
    static let description = RuleDescription(
        id: "image-reference", severity: .error, kinds: [.compose, .pod, .application, .alaudaService],
        summary: "image references must follow Docker's reference grammar",
        rationale: """
        Every platform pulls the image on the node: a Compose `image`, a pod container's `image`, a v2 application's
        `imageRef` (PLATFORM_API.md §5) and an Alauda service's `image_name` with `image_tag` (§4) must be
        `[registry[:port]/]path[:tag][@digest]` as the distribution reference grammar defines it — lower-case path
        components joined by `.`, `_`, `__` or dashes, a tag of at most 128 letters, digits, `_`, `.` and `-` not
        starting with `.` or `-`, a sha256/sha384/sha512 digest in lower-case hex, no whitespace. `docker compose
        config` does not check this, and a bad reference fails only at pull time ("invalid reference format"), after
        the upload. A registry with a port is fine (`docker.oa.com:8080/public/mysql:latest`). A reference left
        incomplete by an unset variable (`app:` from `app:${TAG}`) is the `unset-variable` warning's business. An
        empty `image: ""` beside `build` is no image to Compose, which names the image it builds itself (without
        `build` Compose refuses the service: "has neither an image nor a build context").
        """,
        triggering: [
            Example("""
            services:
              web:
                image: ↓MyCompany/Web:1.0
              api:
                image: ↓"api:1.0 "
              db:
                image: ↓mysql:8.0@sha256:abc
            """, messages: [
                "image 'MyCompany/Web:1.0' is not a valid reference: 'Web' has upper-case letters; repository names must be lower case ('web')",
                "image 'api:1.0 ' is not a valid reference: it contains whitespace or a control character (character 8)",
                "image 'mysql:8.0@sha256:abc' is not a valid reference: a sha256 digest has 64 hex digits, not 3",
            ]),
            Example("""
            containers:
              - name: web
                image: ↓docker.oa.com:8080//public/web
            """, messages: [
                "image 'docker.oa.com:8080//public/web' is not a valid reference: the repository path has an empty component (a leading, trailing or doubled '/')",
            ]),
            Example("""
            kind: application
            name: orders
            imageRef: ↓orders:-1.0
            """),
            Example("""
            service_name: web
            image_name: ↓index.alauda.cn/team/web:1.2
            image_tag: ↓.latest
            """, messages: [
                "image_name 'index.alauda.cn/team/web:1.2' includes a tag or digest; put the tag in image_tag",
                "image_tag '.latest' is not a valid tag: the tag '.latest' must start with a letter, digit or '_'",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              a: {image: nginx}
              b: {image: "docker.oa.com:8080/public/mysql:latest"}
              c: {image: "localhost:5000/my_app__v2/web-front--end:1.0-rc_1"}
              d: {image: "[::1]:5000/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
              e: {image: "app:${TAG}"}
              f: {image: "${REGISTRY}/app:1.0"}
              g: {image: "${IMAGE}"}
              h: {image: "", build: ./h}
            """),
            Example("""
            service_name: web
            image_name: index.alauda.cn/alauda/ubuntu
            image_tag: "14.04"
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        for reference in document.imageReferenceFields {
            // Compose takes an empty image beside a build for none.
            if reference.besideBuild, reference.node?.substitutedText?.isEmpty == true { continue }
            check(reference.node, field: reference.field, context: &context)
        }
        if case .alaudaService(let service) = document {
            checkAlauda(name: service.imageName, tag: service.imageTag, context: &context)
        }
    }

    /// Reports a reference's problem unless it is a part an unset variable left empty.
    func check(_ node: NodeRef?, field: String, context: inout RuleContext) {
        guard let node, let text = node.substitutedText, let problem = ImageReference.problem(in: text) else { return }
        report(problem, of: node, text: node.located(text), what: "\(field) '\(text)' is not a valid reference", context: &context)
    }

    func report(_ problem: ImageReference.Problem, of node: NodeRef, text: Located<String>, what: String, context: inout RuleContext) {
        if !(problem.isMissingPart && node.isWrittenWithVariable) {
            context.report("\(what): \(problem.message)", at: text)
        }
    }

    /// Alauda keeps the tag apart: `image_name` is a reference without tag or digest, `image_tag` its tag.
    func checkAlauda(name: NodeRef?, tag: NodeRef?, context: inout RuleContext) {
        check(name, field: "image_name", context: &context)
        if let name, let nameText = name.substitutedText, case .success(let parsed) = ImageReference.parse(nameText), parsed.tag != nil || parsed.digest != nil {
            context.report("image_name '\(nameText)' includes a tag or digest; put the tag in image_tag", at: name.located(nameText))
        }
        if let tag, let tagText = tag.substitutedText, let problem = ImageReference.checkTag(Substring(tagText)) {
            report(problem, of: tag, text: tag.located(tagText), what: "image_tag '\(tagText)' is not a valid tag", context: &context)
        }
    }
}
