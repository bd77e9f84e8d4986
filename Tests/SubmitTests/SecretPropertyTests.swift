import Foundation
import Testing
import TestSupport

/// Random secrets from a hostile alphabet — `$ " ' \ `` ` tab, line feed, non-ASCII (two-byte, three-byte
/// and astral), `%`, `+`, `/`, `=`, among letters and digits — used at once as a variable value, the
/// token, the AccessKey secret and the trigger's secret, through every command and mode: `submit
/// --dry-run`, `submit --verbose` (aliyun, v2, a v2 secret, `--cluster-id`), the errors a server that
/// quotes what it refused gives, `trigger` and `sign`. No form of any of them may appear in any output.
@Suite struct SecretPropertyTests {
    static let seed: UInt64 = 0x5EC2E7
    static let cases = 3
    static let hostile: [Character] = ["$", "\"", "'", "\\", "`", "\t", "\n", "é", "ß", "密", "🔑", "%", "+", "/", "="]
    static let plain = Array("abcdefghijKLMNOPQRST0123456789")

    /// A secret of 10 to 20 characters, four of them (or more) hostile.
    static func secret(_ random: inout SplitMix64) -> String {
        var characters = (0..<Int.random(in: 6...16, using: &random)).map { _ in plain.randomElement(using: &random)! }
        for _ in 0..<4 { characters.insert(hostile.randomElement(using: &random)!, at: Int.random(in: 0...characters.count, using: &random)) }
        return String(characters)
    }

    @Test func noFormOfARandomSecretIsPrinted() throws {
        var random = SplitMix64(seed: Self.seed)
        for index in 0..<Self.cases {
            // The token goes into a header: a line feed in it is refused (HeaderTests), so it has none here.
            let secrets = (variable: Self.secret(&random), token: Self.secret(&random).replacingOccurrences(of: "\n", with: "n"),
                           accessKey: Self.secret(&random), trigger: Self.secret(&random))
            try check(secrets, label: "case \(index)")
        }
    }

    private func check(_ secrets: (variable: String, token: String, accessKey: String, trigger: String), label: String) throws {
        let emulator = try Emulator(arguments: ["--token", secrets.token, "--trigger-secret", secrets.trigger,
                                                "--access-key-secret", secrets.accessKey, "--echo-secrets"])
        let compose = try composeTemplate("web:\n  image: nginx\n  environment:\n    DB_PASSWORD: ${DB_PASSWORD}\n    DSN: \"pg://u:${DB_PASSWORD}@db\"\n")
        let secretDocument = try composeTemplate("kind: Secret\nname: db\nstringData:\n  password: ${DB_PASSWORD}\n")
        let environment = ["DB_PASSWORD": secrets.variable, "STACKC_TOKEN": secrets.token,
                           "ALIBABA_CLOUD_ACCESS_KEY_ID": "test-key-id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": secrets.accessKey]
        let aliyun = ["submit", compose, "--target", "aliyun-project", "--name", "shop"]
        let cluster = ["--cluster-id", "c-test", "--openapi", emulator.apiURL, "--openapi-ca", emulator.certificates + "/ca.pem"]
        let trigger = "\(emulator.apiURL)/hook/trigger?triggerUrl=t&secret=" + secrets.trigger.addingPercentEncoding(withAllowedCharacters: unreserved)!
        let runs: [(String, [String], [String: String])] = [
            ("aliyun dry run", aliyun + ["--dry-run"], environment),
            ("aliyun keep dry run", aliyun + ["--variables", "keep", "--dry-run"], environment),
            ("aliyun verbose", aliyun + ["--verbose"] + emulator.clusterArguments, environment),
            ("cluster id verbose", aliyun + ["--name", "viaid", "--verbose", "--format", "json"] + cluster, environment),
            ("v2 secret verbose", ["submit", secretDocument, "--target", "v2-secret", "--project", "team", "--verbose"] + emulator.apiArguments, environment),
            ("v2 secret dry run", ["submit", secretDocument, "--target", "v2-secret", "--project", "team", "--dry-run"], environment),
            ("v2 wrong token", ["submit", secretDocument, "--target", "v2-secret", "--project", "team", "--verbose"] + emulator.apiArguments,
             environment.merging(["STACKC_TOKEN": secrets.token + "x"]) { $1 }),
            ("trigger", ["trigger", trigger, "--verbose", "--ca", emulator.certificates + "/ca.pem"], environment),
            ("trigger wrong secret", ["trigger", trigger + "x", "--verbose", "--format", "json", "--ca", emulator.certificates + "/ca.pem"], environment),
            ("cluster id wrong key id", aliyun + ["--name", "other"] + cluster, environment.merging(["ALIBABA_CLOUD_ACCESS_KEY_ID": "wrong-id"]) { $1 }),
            ("sign", ["sign", "--path", "/clusters/c-test", "--header", "x-acs-version: 2015-12-15"], environment),
        ]
        var statuses: [Int32] = []
        var errors: [String] = []
        for (name, arguments, environment) in runs {
            let run = try stackc(arguments, environment: environment)
            statuses.append(run.status)
            errors.append(name + ": " + run.stderr)
            for secret in [secrets.variable, secrets.token, secrets.token + "x", secrets.accessKey, secrets.trigger, secrets.trigger + "x"] {
                let leaked = leakedForms(of: secret, in: run.stdout + run.stderr)
                #expect(leaked.isEmpty, "\(label) \(name): \(secret.debugDescription) shows as \(leaked.map(\.debugDescription)):\n\(run.stdout)\(run.stderr)")
            }
        }
        // Each run did what it was meant to (a refused AccessKey secret with surrounding whitespace aside),
        // so the secrets were really sent, answered and echoed.
        let whitespaceKey = secrets.accessKey.first!.isWhitespace || secrets.accessKey.last!.isWhitespace
        let signed: Int32 = whitespaceKey ? 2 : 0
        #expect(statuses == [0, 0, 0, signed, 0, 0, 1, 0, 1, whitespaceKey ? 2 : 1, signed], "\(label): \(errors)")
    }
}

/// A small seeded generator (SplitMix64), so every run draws the same secrets.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
