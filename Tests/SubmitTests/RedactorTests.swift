import Diagnostics
import Testing
@testable import Submit

@Suite struct RedactorTests {
    @Test func hidesKnownValuesAnywhereInText() {
        let redactor = Redactor(secrets: ["hunter2-secret", "ab"])
        #expect(redactor.text("password=hunter2-secret; x=ab") == "password=<redacted>; x=ab")
    }

    @Test func hidesSecretFieldsButKeepsTheirKeys() {
        let body = JSONValue.object([
            .init("name", .string("shop")),
            .init("environment", .object([.init("DB_PASSWORD", .string("pw"))])),
            .init("dockerEnv", .array([.object([.init("name", .string("TOKEN")), .init("value", .string("t"))])])),
        ])
        let rendered = Redactor().json(body).rendered()
        #expect(rendered == #"{"name":"shop","environment":{"DB_PASSWORD":"<redacted>"},"dockerEnv":[{"name":"TOKEN","value":"<redacted>"}]}"#)
    }

    @Test func hidesSecretQueryParametersAndAuthorization() {
        let redactor = Redactor()
        #expect(redactor.url("https://h/hook/trigger?triggerUrl=abc&secret=s3cr3t&type=scale_out")
            == "https://h/hook/trigger?triggerUrl=<redacted>&secret=<redacted>&type=scale_out")
        #expect(redactor.header(name: "authorization", value: "Bearer x") == "<redacted>")
        #expect(redactor.header(name: "Content-Type", value: "application/json") == "application/json")
    }
}
