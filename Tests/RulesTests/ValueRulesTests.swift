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

    /// A driver or option an unset variable left empty is `unset-variable`'s; written plainly (`${D}`), it reads
    /// as null, which the examples cannot show (the schema check they run takes no substitution into account).
    @Test func volumeValuesLeftEmptyByVariablesAreNotJudged() {
        for text in ["name: v\ndriver: ${DRIVER}\n", "name: v\ndriver: nas\ndriverOpts: {diskid: ${D}, host: \"${H}\", path: /, mode: \"755\"}\n"] {
            #expect(runRule(VolumeDriverOpts.self, on: text).findings.map(\.message) == [])
        }
        #expect(runRule(VolumeDriverOpts.self, on: "name: v\ndriver: nas\ndriverOpts: {diskid: , host: h, path: /, mode: \"755\"}\n").findings.count == 1)
    }

    @Test func accessKeySecretsAreNeverPrinted() {
        for value in ["1234567", "true", "[\"\(Self.sentinel)\"]"] {
            let (findings, _) = runRule(VolumeDriverOpts.self, on: "name: v\ndriver: ossfs\ndriverOpts:\n  ak_secret: \(value)\n")
            #expect(findings.contains { $0.message.hasPrefix("driverOpts.ak_secret") })
            #expect(findings.allSatisfy { !$0.message.contains(value) && !$0.message.contains("Sentinel") })
        }
        let empty = runRule(VolumeDriverOpts.self, on: "name: v\ndriver: ossfs\ndriverOpts: {bucket: b, ak_id: i, ak_secret: \" \", url: u}\n").findings
        #expect(empty.map(\.message) == ["driverOpts.ak_secret is blank; the ossfs driver requires a non-empty string: the AccessKey secret"])
    }
}
