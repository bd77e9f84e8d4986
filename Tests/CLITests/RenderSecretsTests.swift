import Foundation
import Testing
import TestSupport

/// `render` never prints a secret unless asked: secret-looking variables set in the environment show as
/// `${NAME}` and secret data as `<hidden>`; `--show-secrets` prints them. Each test plants a sentinel
/// value and checks it appears in no output at all.
struct RenderSecretsTests {
    static let sentinel = "s3ntinel-Value"

    static let compose = """
    services:
      db:
        image: "mysql:${TAG}"
        environment:
          MYSQL_ROOT_PASSWORD: ${DB_PASSWORD}
          API: "token=${GITHUB_TOKEN}&x=1"
          FALLBACK: ${UNSET_SECRET:-from-template}
          HOST: ${DB_HOST}
    """

    func render(_ arguments: [String], _ text: String, environment: [String: String]) throws -> StackcRun {
        let folder = try TemporaryDirectory()
        try folder.makeDirectory(".git")
        try folder.write("t.yaml", text)
        return try runStackc(["render", "t.yaml"] + arguments, environment: environment, removingEnvironment: ["UNSET_SECRET"],
                             currentDirectory: folder.url)
    }

    @Test(arguments: ["yaml", "json"])
    func secretLookingVariablesFromTheEnvironmentRenderAsTheirNames(_ format: String) throws {
        let run = try render(["--format", format, "-e", "GITHUB_TOKEN=\(Self.sentinel)"], Self.compose,
                             environment: ["DB_PASSWORD": Self.sentinel, "TAG": "8.0", "DB_HOST": "db.internal"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains(Self.sentinel) && !run.stderr.contains(Self.sentinel))
        let expected = format == "yaml" ? """
        services:
          db:
            image: "mysql:8.0"
            environment:
              MYSQL_ROOT_PASSWORD: ${DB_PASSWORD}
              API: "token=${GITHUB_TOKEN}&x=1"
              FALLBACK: from-template
              HOST: db.internal

        """ : """
        {
          "services": {
            "db": {
              "image": "mysql:8.0",
              "environment": {
                "MYSQL_ROOT_PASSWORD": "${DB_PASSWORD}",
                "API": "token=${GITHUB_TOKEN}&x=1",
                "FALLBACK": "from-template",
                "HOST": "db.internal"
              }
            }
          }
        }

        """
        #expect(run.stdout == expected)
    }

    @Test func showSecretsPrintsTheValues() throws {
        let run = try render(["--show-secrets"], Self.compose, environment: ["DB_PASSWORD": Self.sentinel, "GITHUB_TOKEN": "t", "TAG": "8", "DB_HOST": "h"])
        #expect(run.stdout.contains("MYSQL_ROOT_PASSWORD: \(Self.sentinel)\n"))
        #expect(run.stdout.contains("API: \"token=t&x=1\"\n"))
    }

    @Test func everyValueOfASecretDocumentIsHidden() throws {
        let secret = """
        kind: Secret
        name: db-credentials
        data:
          username: YWRtaW4=
        stringData:
          password: ${DB_PASSWORD:-change-me}
          literal: "\(Self.sentinel)"
        """
        let hidden = try render([], secret, environment: ["DB_PASSWORD": Self.sentinel])
        #expect(hidden.stdout == """
        kind: Secret
        name: db-credentials
        data:
          username: <hidden>
        stringData:
          password: <hidden>
          literal: <hidden>

        """)
        let shown = try render(["--show-secrets"], secret, environment: ["DB_PASSWORD": "pw"])
        #expect(shown.stdout.contains("username: YWRtaW4=\n") && shown.stdout.contains("password: pw\n"))
    }

    @Test(arguments: ["DB_PASSWORD", "db_passwd", "SSH_PRIVATE_KEY", "AWS_SECRET_ACCESS_KEY", "NPM_TOKEN", "GOOGLE_CREDENTIALS",
                      "OAUTH_CLIENT", "SESSION_COOKIE", "PASSWORD_SALT", "SENTRY_DSN", "GPG_PASSPHRASE", "WEBHOOK_SIGNATURE"])
    func theseNamesAreSecret(_ name: String) throws {
        let run = try render([], "services:\n  web: {image: nginx, environment: {X: \"${\(name)}\"}}\n", environment: [name: Self.sentinel])
        #expect(run.stdout.contains("X: \"${\(name)}\""), "\(run.stdout)")
    }

    @Test(arguments: ["DB_HOST", "PWD", "IMAGE_TAG", "REPLICAS", "COMPOSE_PROJECT_NAME"])
    func theseNamesAreNot(_ name: String) throws {
        let run = try render([], "services:\n  web: {image: nginx, environment: {X: \"${\(name)}\"}}\n", environment: [name: "visible"])
        #expect(run.stdout.contains("X: \"visible\""), "\(run.stdout)")
    }
}
