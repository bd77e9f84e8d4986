import Diagnostics
import Foundation
import Testing
@testable import Submit

@Suite struct RedactorTests {
    @Test func hidesKnownValuesAnywhereInText() {
        let redactor = Redactor(secrets: ["hunter2-secret", "ab"])
        #expect(redactor.text("password=hunter2-secret; x=ab") == "password=<redacted>; x=ab")
    }

    /// Each form written out by hand (or by Foundation), not by `SecretForms`: the issue's `Dollar$ecret`,
    /// quotes and backslashes, a tab, and non-ASCII, as the template, YAML, JSON, a query and base64 carry them.
    @Test(arguments: [
        #"Dollar$ecret"#,
        #"Dollar$$ecret"#,
        "Dq\"back\\slash tab\tend",
        #"Dq\"back\\slash tab\tend"#,
        #"Dq\\\"back\\\\slash tab\\tend"#,
        #"Dq''back"#,
        #"caf\u00e9-Pa55"#,
        "Dq%22back%5Cslash%20tab%09end",
        "Dq%22back%5cslash+tab%09end",
        "caf%C3%A9%2FPa55",
        "caf%c3%a9/Pa55",
    ])
    func hidesEveryFormOfASecret(form: String) {
        let redactor = Redactor(secrets: ["Dollar$ecret", "Dq\"back\\slash tab\tend", "Dq'back", "café-Pa55", "café/Pa55"])
        #expect(redactor.text("before \(form) after") == "before <redacted> after")
    }

    /// Python's http.server, like many servers, reads header bytes as Latin-1 and echoes the misreading.
    @Test func hidesAHeaderValueMisreadAsLatin1() {
        let redactor = Redactor(secrets: ["tök€n-123"])
        let misread = String(data: Data("tök€n-123".utf8), encoding: .isoLatin1)!
        #expect(redactor.text("invalid token: Bearer " + misread) == "invalid token: Bearer <redacted>")
    }

    @Test func hidesBase64AtAnyOffset() {
        let secret = "s3cr3t-Value\t\"%+/="
        let redactor = Redactor(secrets: [secret])
        #expect(redactor.text("data: " + Data(secret.utf8).base64EncodedString()) == "data: <redacted>")
        for prefix in ["", "a", "ab", "abc"] {
            let encoded = Data((prefix + secret + "tail").utf8).base64EncodedString()
            let shown = redactor.text(encoded)
            #expect(shown.contains(Redactor.mask), "\(prefix): \(shown)")
            // What is left around the mask encodes the neighbours, at most one group each side.
            #expect(shown.replacing(Redactor.mask, with: "").count <= 12, "\(prefix): \(shown)")
        }
    }

    /// A line of a multi-line secret is hidden on its own: YAML's block styles indent the lines after the first.
    @Test func hidesEachLineOfAMultiLineSecret() {
        let redactor = Redactor(secrets: ["first-line\nsecond-line"])
        #expect(redactor.text("key: |\n  first-line\n  second-line\n") == "key: |\n  <redacted>\n  <redacted>\n")
    }

    @Test func overlappingSecretsLeaveNothingBetween() {
        let redactor = Redactor(secrets: ["abcdef", "defghi"])
        #expect(redactor.text("x abcdefghi y") == "x <redacted> y")
    }

    @Test func hidesPrivateKeysWhoeverSentThem() {
        let key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n"
        let redactor = Redactor()
        #expect(redactor.text("key: " + key) == "key: <redacted>\n")
        #expect(redactor.text(JSONWriter.quoted(key)) == "\"<redacted>\\n\"")
        #expect(redactor.text("cut: -----BEGIN PRIVATE KEY-----\nMIIE") == "cut: <redacted>")
        #expect(redactor.text("-----BEGIN CERTIFICATE-----\nMIIB") == "-----BEGIN CERTIFICATE-----\nMIIB")
    }

    @Test func hidesSecretFieldsButKeepsTheirKeys() {
        let body = JSONValue.object([
            .init("name", .string("shop")),
            .init("environment", .object([.init("DB_PASSWORD", .string("pw"))])),
            .init("dockerEnv", .array([.object([.init("name", .string("TOKEN")), .init("value", .string("t"))])])),
            .init("driverOpts", .object([.init("ak_secret", .string("s")), .init("bucket", .string("media"))])),
        ])
        let rendered = Redactor().json(body).rendered()
        #expect(rendered == #"{"name":"shop","environment":{"DB_PASSWORD":"<redacted>"},"dockerEnv":[{"name":"TOKEN","value":"<redacted>"}],"driverOpts":{"ak_secret":"<redacted>","bucket":"media"}}"#)
    }

    /// configMap and secret references name keys; the names are what a reader checks, not secrets.
    @Test func showsTheKeyNamesOfReferences() {
        let reference = JSONValue.object([.init("type", .string("Volume")), .init("name", .string("app-config")),
                                          .init("key", .array([.string("app.properties")])), .init("mountPath", .string("/etc/orders"))])
        let body = JSONValue.object([.init("configMap", .array([reference])), .init("secret", .array([reference]))])
        #expect(Redactor().json(body) == body)
        // The OpenAPI's certificates answer: a `key` that is one value is one.
        #expect(Redactor().json(.object([.init("key", .string("PEM"))])).rendered() == #"{"key":"<redacted>"}"#)
    }

    @Test func hidesSecretQueryParametersUserinfoAndAuthorization() {
        let redactor = Redactor()
        #expect(redactor.url("https://h/hook/trigger?triggerUrl=abc&secret=s3cr3t&type=scale_out")
            == "https://h/hook/trigger?triggerUrl=<redacted>&secret=<redacted>&type=scale_out")
        #expect(redactor.url("https://deploy:pa55word@h:8443/p?x=1") == "https://<redacted>@h:8443/p?x=1")
        #expect(redactor.header(name: "authorization", value: "Bearer x") == "<redacted>")
        #expect(redactor.header(name: "X-Deploy-Token", value: "x") == "<redacted>")
        #expect(redactor.header(name: "Content-Type", value: "application/json") == "application/json")
    }

    /// The credentials of a URL are hidden wherever they turn up later, as written and decoded.
    @Test func learnsTheCredentialsOfAURL() {
        var redactor = Redactor()
        redactor.add(credentialsOf: "https://deploy:pa%24%24word@h/hook?secret=tr%2Bg+s3cret&type=x")
        #expect(redactor.text("error: pa$$word rejected") == "error: <redacted> rejected")
        #expect(redactor.text("secret tr+g s3cret is wrong") == "secret <redacted> is wrong")
        #expect(redactor.text("secret=tr%2Bg+s3cret") == "secret=<redacted>")
    }

    @Test func serverTextIsRedactedAndTerminalSafe() {
        let redactor = Redactor(secrets: ["tok-123456"])
        #expect(redactor.serverText("bad token tok-123456\u{1B}]0;owned\u{07}\nstackc: created")
            == "bad token <redacted>\\u{1b}]0;owned\\u{7}\\u{a}stackc: created")
    }
}
