import Model

/// A secret `data` value that is not base64.
struct SecretBase64: Rule {
    static let description = RuleDescription(
        id: "secret-base64", severity: .error, kinds: [.secret],
        summary: "secret data values must be standard base64",
        rationale: """
        The v2 secrets API takes `data` values base64-encoded (PLATFORM_API.md §5: "values in `data` are
        base64-encoded"), and the Kubernetes platform behind it decodes them with Go's standard encoding: the
        alphabet `A-Z a-z 0-9 + /`, `=` padding to a multiple of 4 characters. Line breaks are skipped, so a value
        wrapped in a YAML block scalar decodes; spaces, tabs and the URL-safe `-` and `_` do not, and the secret is
        refused — or, where the server does not decode, delivered as garbage. Plain text belongs under
        `stringData`, which stackc encodes. Messages name the key and the position, never the value.
        """,
        triggering: [
            Example("""
            kind: Secret
            name: db
            data:
              username: YWRtaW4=
              password: ↓s3cret pass
              token: ↓YWRtaW4
              key: ↓YWR-aW4=
            """, messages: [
                "secret key 'password' is not valid base64: character 7 is a space or tab (only line breaks may separate base64 text); plain text belongs under 'stringData', which stackc encodes",
                "secret key 'token' is not valid base64: it has 7 base64 characters, not a multiple of 4; the '=' padding is missing (add 1 '=')",
                "secret key 'key' is not valid base64: character 4 is from the URL-safe alphabet ('-' or '_'); encode with the standard alphabet ('+' and '/')",
            ]),
            Example("""
            name: db
            data:
              password: ↓"c2VjcmV0=x"
            """, kind: .secret, messages: [
                "secret key 'password' is not valid base64: character 10 follows the '=' padding; '=' (at most two) may only end the value",
            ]),
        ],
        nonTriggering: [
            Example("""
            kind: Secret
            name: tls
            data:
              empty: ""
              username: YWRtaW4=
              cert: |
                LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJB
                IjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0+/=
              password: "${DB_PASSWORD_B64}"
            stringData:
              plain: not base64 at all
            """),
            Example("""
            kind: ConfigMap
            name: settings
            data:
              greeting: hello world
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        guard case .secret(let secret) = document else { return }
        for (key, value) in secret.data {
            guard case .string(let text) = value.node.resolved, let problem = Base64.validate(text), let located = value.string else { continue }
            let hint: String
            switch problem {
            case .invalidCharacter(_, .whitespace), .invalidCharacter(_, .other): hint = "; plain text belongs under 'stringData', which stackc encodes"
            default: hint = ""
            }
            context.report("secret key '\(key.value)' is not valid base64: \(problem.message)\(hint)", at: located)
        }
    }
}
