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

    /// A value a required variable left as written (`${TAG:?…}`, which `required-variable` reports) is no
    /// reference or tag to judge; the same text written without the variable is judged.
    @Test func valuesLeftUnresolvedAreNotJudged() {
        let compose = { (image: String) in runRule(ImageReferenceFormat.self, on: "services:\n  web:\n    image: \"\(image)\"\n").findings }
        #expect(compose("app:${TAG:?set TAG}").isEmpty)
        #expect(compose("app:{TAG:?set TAG}").count == 1)
        let alauda = { (tag: String) in
            runRule(ImageReferenceFormat.self, on: "service_name: web\nimage_name: index.alauda.cn/team/web\nimage_tag: \"\(tag)\"\n").findings
        }
        #expect(alauda("${TAG:?set TAG}").isEmpty)
        #expect(alauda(".{TAG:?set TAG}").map { $0.message.hasPrefix("image_tag ") } == [true])
    }

    @Test func accessKeySecretsAreNeverPrinted() {
        for value in ["1234567", "true", "[\"\(Self.sentinel)\"]"] {
            let (findings, _) = runRule(VolumeDriverOpts.self, on: "name: v\ndriver: ossfs\ndriverOpts:\n  ak_secret: \(value)\n")
            #expect(findings.contains { $0.message.hasPrefix("driverOpts.ak_secret") })
            #expect(findings.allSatisfy { !$0.message.contains(value) && !$0.message.contains("Sentinel") })
        }
    }
}
