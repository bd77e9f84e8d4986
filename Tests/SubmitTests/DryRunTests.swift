import Testing
import TestSupport

/// `submit --dry-run` shows what would go on the wire: the query encoded as it is sent, and the names
/// of configMap and secret keys, with only secret values hidden.
@Suite struct DryRunTests {
    @Test func theQueryIsShownAsItIsSent() throws {
        let emulator = try Emulator()
        let pod = sample("pod/valid.yaml")
        let arguments = [pod, "--target", "v2-podstack-update", "--project", "team", "--name", "web", "--app-id", "pod 7&x=1/é"]
        let dryRun = try stackc(["submit"] + arguments + ["--dry-run"] + emulator.apiArguments)
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(dryRun.stdout.contains("POST \(emulator.apiURL)/v2/podstack/team/web?app_id=pod%207%26x%3D1%2F%C3%A9\n"), "\(dryRun.stdout)")
        // What the server received is what the dry run showed.
        #expect(try stackc(["submit", pod, "--target", "v2-podstack", "--project", "team", "--name", "web"] + emulator.apiArguments,
                           environment: ["STACKC_TOKEN": "test-token"]).status == 0)
        let sent = try stackc(["submit"] + arguments + emulator.apiArguments, environment: ["STACKC_TOKEN": "test-token"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(try emulator.requests().last?.query == "app_id=pod%207%26x%3D1%2F%C3%A9")
    }

    @Test func keyNamesAreShownAndSecretValuesHidden() throws {
        let application = try stackc(["submit", sample("application/valid.yaml"), "--target", "v2-application", "--project", "team", "--dry-run"])
        #expect(application.status == 0, "\(application.stderr)")
        #expect(application.stdout.contains("\"key\": [\n        \"LOG_LEVEL\",\n        \"MAX_CONNECTIONS\"\n      ]"), "\(application.stdout)")
        let secret = try stackc(["submit", sample("secret/valid.yaml"), "--target", "v2-secret", "--project", "team", "--dry-run"],
                                environment: ["DB_PASSWORD": "s3cret-pa55"])
        #expect(secret.status == 0, "\(secret.stderr)")
        #expect(secret.stdout.contains("\"username\": \"<redacted>\",\n    \"password\": \"<redacted>\""), "\(secret.stdout)")
    }
}
