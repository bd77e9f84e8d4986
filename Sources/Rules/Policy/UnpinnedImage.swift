import Model

/// An image named without a version: whatever was pushed last is what runs.
struct UnpinnedImage: Rule {
    static let description = RuleDescription(
        id: "unpinned-image", severity: .warning, kinds: [.compose, .pod, .application], category: .security,
        summary: "images should be pinned to a version tag or a digest",
        rationale: """
        An image without a tag is pulled as `latest`, Docker's default tag (`docker image pull`,
        https://docs.docker.com/reference/cli/docker/image/pull/), and `latest` is only a name: it moves with every
        push, so two deployments of one template can run different code, a rollback redeploys the new image, and a
        compromised or broken push reaches production unseen. Docker's build best practices ask to pin image versions,
        by digest where it matters (https://docs.docker.com/build/building/best-practices/#pin-base-image-versions);
        OWASP Docker Security Cheat Sheet RULE #9 lists "ensure the base image version is pinned". Reported: a Compose
        `image`, a pod container's `image` and an application's `imageRef` with neither tag nor digest, or with the tag
        `latest` and no digest. A Compose service with `build` is not reported: there `image` names what Compose
        builds. A reference written with a variable is judged by what it becomes (`app:${TAG:-latest}` is `latest`
        unless TAG is set); one a variable left empty or incomplete is the `unset-variable` warning's business.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: ↓nginx
              db:
                image: ↓postgres:latest
              cache:
                image: ↓"registry.example.com:5000/team/redis"
            """, messages: [
                "image 'nginx' has no tag, so it runs whatever 'latest' is when pulled; pin a version, such as 'nginx:1.2.3', or a digest ('nginx@sha256:…')",
                "image 'postgres:latest' uses the moving tag 'latest'; pin a version, such as 'postgres:1.2.3', or a digest ('postgres@sha256:…')",
                "image 'registry.example.com:5000/team/redis' has no tag, so it runs whatever 'latest' is when pulled; pin a version, such as 'registry.example.com:5000/team/redis:1.2.3', or a digest ('registry.example.com:5000/team/redis@sha256:…')",
            ]),
            Example("""
            containers:
              - name: web
                image: ↓docker.oa.com:8080/public/2048
            """),
            Example("""
            services:
              app:
                image: ↓"registry.example.com/app:${TAG:-latest}"
            """, messages: [
                "image \"registry.example.com/app:${TAG:-latest}\" (after substitution) uses the moving tag 'latest'; pin a version tag or a digest",
            ]),
            Example("""
            kind: application
            name: orders
            imageRef: ↓orders:latest
            """, messages: [
                "imageRef 'orders:latest' uses the moving tag 'latest'; pin a version, such as 'orders:1.2.3', or a digest ('orders@sha256:…')",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx:1.27.2
              db:
                image: "postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
              api:
                image: api:latest
                build: ./api
              app:
                image: "app:${TAG}"
              worker:
                image: ${WORKER_IMAGE}
            """),
            Example("""
            containers:
              - name: mysql
                image: docker.oa.com:8080/public/mysql:8.0
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        // A service that builds its image names the result; there is nothing to pin.
        for reference in document.imageReferenceFields where !reference.besideBuild {
            check(reference.node, field: reference.field, context: &context)
        }
    }

    func check(_ node: NodeRef?, field: String, context: inout RuleContext) {
        // A reference that does not parse is `image-reference`'s finding.
        guard let node, let text = node.policyText, case .success(let reference) = ImageReference.parse(text), reference.digest == nil else { return }
        // A value written with a variable is quoted as written, and its substituted parts stay out of the message.
        let written = node.isWrittenWithVariable ? node.quotedForFinding : "'\(text)'"
        let name = (reference.registry.map { $0 + "/" } ?? "") + reference.path
        let fix = node.isWrittenWithVariable ? "pin a version tag or a digest" : "pin a version, such as '\(name):1.2.3', or a digest ('\(name)@sha256:…')"
        switch reference.tag {
        case nil:
            context.report("\(field) \(written) has no tag, so it runs whatever 'latest' is when pulled; \(fix)", at: node)
        case "latest":
            context.report("\(field) \(written) uses the moving tag 'latest'; \(fix)", at: node)
        default:
            break
        }
    }
}
