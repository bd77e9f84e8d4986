@testable import Rules
import Testing

/// What the examples cannot say: secret values never reach a message.
struct ValueRulesTests {
    static let sentinel = "Sentinel-Secret value_42"

    @Test func secretDataValuesAreNeverPrinted() {
        let (findings, _) = runRule(SecretBase64.self, on: "kind: Secret\nname: s\ndata:\n  password: \(Self.sentinel)\n")
        #expect(findings.count == 1)
        #expect(findings.allSatisfy { !$0.message.contains("Sentinel") && !$0.message.contains("value_42") })
    }

    @Test func accessKeySecretsAreNeverPrinted() {
        for value in ["1234567", "true", "[\"\(Self.sentinel)\"]"] {
            let (findings, _) = runRule(VolumeDriverOpts.self, on: "name: v\ndriver: ossfs\ndriverOpts:\n  ak_secret: \(value)\n")
            #expect(findings.contains { $0.message.hasPrefix("driverOpts.ak_secret") })
            #expect(findings.allSatisfy { !$0.message.contains(value) && !$0.message.contains("Sentinel") })
        }
    }
}
