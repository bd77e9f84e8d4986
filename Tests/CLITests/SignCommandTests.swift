import Foundation
import TestSupport
import Testing

/// `stackc sign` end to end: the document's example, the report's form, usage errors, and the secret.
struct SignCommandTests {
    static let secret = "SENTINEL-secret-Zq81"
    static let environment = ["ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIcli", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": secret]
    static let credentialNames: Set<String> = ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"]

    /// The document's example (see SubmitTests/DocumentExampleTests), through the command line; the body
    /// comes from standard input.
    @Test func documentExampleAsText() throws {
        let body = #"{"password": "Just$test","instance_type": "ecs.m2.medium","name": "my-test-cluster-97082734","size": 1,"network_mode": "classic","data_disk_category": "cloud","data_disk_size": 10,"ecs_image_id": "m-253llee3l"}"#
        let run = try runStackc(["sign", "--method", "POST", "--path", "/clusters", "--query", "param2=value2", "--query", "param1=value1",
                                 "--header", "Content-Type: application/json;charset=utf-8", "--header", "x-acs-version: 2015-12-15",
                                 "--header", "x-acs-signature-nonce: fbf6909a-93a5-45d3-8b1c-3e03a7916799", "--header", "X-Acs-Region-Id: cn-beijing",
                                 "--body-file", "-", "--date", "Wed, 16 Dec 2015 12:20:18 GMT", "--access-key-id", "access_key_id"],
                                stdin: body, environment: ["ALIBABA_CLOUD_ACCESS_KEY_SECRET": "access_key_secret"], removingEnvironment: ["ALIBABA_CLOUD_ACCESS_KEY_ID"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        #expect(run.stdout == #"""
            String to sign (one quoted line per signed line; \n is the line end that is signed):
              "POST\n"
              "application/json\n"
              "6U4ALMkKSj0PYbeQSHqgmA==\n"
              "application/json;charset=utf-8\n"
              "Wed, 16 Dec 2015 12:20:18 GMT\n"
              "x-acs-region-id:cn-beijing\n"
              "x-acs-signature-method:HMAC-SHA1\n"
              "x-acs-signature-nonce:fbf6909a-93a5-45d3-8b1c-3e03a7916799\n"
              "x-acs-signature-version:1.0\n"
              "x-acs-version:2015-12-15\n"
              "/clusters?param1=value1&param2=value2"
            Signature: pFd8Rd58Fv0jJRUptdqrOB3YS8M=
            Authorization: acs access_key_id:pFd8Rd58Fv0jJRUptdqrOB3YS8M=
            Signed with: AccessKey ID access_key_id (secret from ALIBABA_CLOUD_ACCESS_KEY_SECRET)
            Headers to send (besides Authorization):
              "Content-Type: application/json;charset=utf-8"
              "x-acs-version: 2015-12-15"
              "x-acs-signature-nonce: fbf6909a-93a5-45d3-8b1c-3e03a7916799"
              "X-Acs-Region-Id: cn-beijing"
              "Date: Wed, 16 Dec 2015 12:20:18 GMT"
              "Accept: application/json"
              "Content-MD5: 6U4ALMkKSj0PYbeQSHqgmA=="
              "x-acs-signature-method: HMAC-SHA1"
              "x-acs-signature-version: 1.0"

            """#)
    }

    /// The secret never appears in standard output or error, whatever the format, the source of the key
    /// (environment or file) or the outcome (signed, usage error, malformed credentials file, help).
    @Test func theSecretIsNeverPrinted() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("ak.env", "ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIfile\nALIBABA_CLOUD_ACCESS_KEY_SECRET=\(Self.secret)\n")
        let badFile = try folder.write("bad.env", "ALIBABA_CLOUD_ACCESS_KEY_SECRET=\"\(Self.secret)\"\n")
        let request = ["sign", "--method", "POST", "--path", "/p", "--query", "a=b", "--header", "x-acs-version: 2015-12-15", "--date", "d"]
        let runs: [(arguments: [String], fromEnvironment: Bool, status: Int32)] = [
            (request, true, 0),
            (request + ["--format", "json"], true, 0),
            (request + ["--credentials-file", file], false, 0),
            (request + ["--credentials-file", file, "--format", "json"], false, 0),
            (request + ["--credentials-file", badFile], false, 2),
            (request + ["--header", "bad header: x"], true, 2),
            (request + ["--body-file", folder.path("absent")], true, 2),
            (["sign", "--help"], true, 0),
        ]
        for run in runs {
            let result = try runStackc(run.arguments, environment: run.fromEnvironment ? Self.environment : [:],
                                       removingEnvironment: run.fromEnvironment ? [] : Self.credentialNames)
            #expect(result.status == run.status, "\(run.arguments): \(result.stderr)")
            #expect(!result.stdout.contains(Self.secret), "\(run.arguments)")
            #expect(!result.stderr.contains(Self.secret), "\(run.arguments)")
        }
    }

    @Test func missingSecretSaysWhichVariableToSet() throws {
        let run = try runStackc(["sign", "--path", "/p", "--access-key-id", "LTAI"], removingEnvironment: Self.credentialNames)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("set ALIBABA_CLOUD_ACCESS_KEY_SECRET"), "\(run.stderr)")
    }

    @Test func malformedCredentialsFileIsPositioned() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("ak.env", "# deploy\nALIBABA_CLOUD_ACCESS_KEY_ID=LTAI\nALIBABA_CLOUD_ACCESS_KEY_SECRET=abc \n")
        let run = try runStackc(["sign", "--path", "/p", "--credentials-file", file], removingEnvironment: Self.credentialNames)
        #expect(run.status == 2)
        #expect(run.stderr == "stackc: \(file):3:36: error: ALIBABA_CLOUD_ACCESS_KEY_SECRET begins or ends with whitespace, which would be signed with it; remove it\n")
    }

    @Test(arguments: [
        (["--header", "x-acs-version"], "has no ':'"),
        (["--header", "x acs: 1"], "is not an HTTP header name"),
        (["--header", "x-acs-a: 1", "--header", "X-ACS-A: 2"], "is given twice"),
        (["--header", "Date: d", "--date", "d"], "either with --date or with --header"),
        (["--query", "=v"], "has no KEY"),
        (["--method", "G T"], "is not an HTTP method"),
        (["--format", "yaml"], "--format"),
        ([String](), "--path"),
    ])
    func usageErrorsExitTwo(extra: [String], message: String) throws {
        let arguments = ["sign"] + (extra.isEmpty ? [] : ["--path", "/p"] + extra)
        let run = try runStackc(arguments, environment: Self.environment)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stdout == "")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}

extension SignCommandTests {
    /// Warnings go to standard error and do not change the exit status or the report.
    @Test func warningsGoToStandardError() throws {
        let run = try runStackc(["sign", "--path", "/p", "--header", "x-acs-meta: v ", "--date", "yesterday", "--format", "json"], environment: Self.environment)
        #expect(run.status == 0)
        #expect(run.stderr == """
            stackc: warning: header 'x-acs-meta' begins or ends with whitespace; servers drop it before checking the signature, so it will not match
            stackc: warning: Date 'yesterday' is not an HTTP date such as 'Wed, 16 Dec 2015 12:20:18 GMT'; the server will refuse it

            """)
        #expect(run.stdout.contains(#""stringToSign": "GET\napplication/json\n\n\nyesterday\nx-acs-meta:v \n"#), "\(run.stdout)")
    }
}
