import Foundation
@testable import Submit
import TestSupport
import Testing

struct CredentialsTests {
    static let id = Credentials.accessKeyIDVariable
    static let secret = Credentials.accessKeySecretVariable

    @Test func environmentGivesTheKey() throws {
        let credentials = try Credentials.load(environment: [Self.id: "LTAIexample", Self.secret: "s3cret"], credentialsFile: nil, accessKeyID: nil)
        #expect(credentials.accessKeyID == "LTAIexample")
        #expect(credentials.source == .environment)
        #expect(credentials.signer.sign(method: "GET", path: "/", query: [], headers: [], body: nil, date: "d").signature
            == ROASigner(accessKeyID: "LTAIexample", accessKeySecret: "s3cret").sign(method: "GET", path: "/", query: [], headers: [], body: nil, date: "d").signature)
        #expect(credentials.description == "AccessKey ID LTAIexample (secret from ALIBABA_CLOUD_ACCESS_KEY_SECRET)")
    }

    @Test func theFlagReplacesTheID() throws {
        let credentials = try Credentials.load(environment: [Self.id: "LTAIenv", Self.secret: "s3cret"], credentialsFile: nil, accessKeyID: "LTAIflag")
        #expect(credentials.accessKeyID == "LTAIflag")
    }

    @Test func missingPiecesSayWhatToSet() {
        #expect(throws: CredentialsError.missingSecret) { try Credentials.load(environment: [Self.id: "LTAI"], credentialsFile: nil, accessKeyID: nil) }
        #expect(throws: CredentialsError.missingSecret) { try Credentials.load(environment: [Self.secret: ""], credentialsFile: nil, accessKeyID: "LTAI") }
        #expect(throws: CredentialsError.missingAccessKeyID(source: .environment)) {
            try Credentials.load(environment: [Self.secret: "s"], credentialsFile: nil, accessKeyID: nil)
        }
        #expect(throws: CredentialsError.secretWithSurroundingWhitespace) {
            try Credentials.load(environment: [Self.id: "LTAI", Self.secret: "s3cret\n"], credentialsFile: nil, accessKeyID: nil)
        }
        #expect(CredentialsError.missingSecret.description.contains("set ALIBABA_CLOUD_ACCESS_KEY_SECRET"))
    }

    @Test func fileGivesTheKeyAndWinsOverTheEnvironment() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("ak.env", "# deploy user\r\n\r\nALIBABA_CLOUD_ACCESS_KEY_ID=LTAIfile\r\nALIBABA_CLOUD_ACCESS_KEY_SECRET=a=b#c\r\n")
        let credentials = try Credentials.load(environment: [Self.id: "LTAIenv", Self.secret: "env"], credentialsFile: path, accessKeyID: nil)
        #expect(credentials.accessKeyID == "LTAIfile")
        #expect(credentials.source == .file(path))
        let expected = ROASigner(accessKeyID: "LTAIfile", accessKeySecret: "a=b#c").sign(method: "GET", path: "/", query: [], headers: [], body: nil, date: "d")
        #expect(credentials.signer.sign(method: "GET", path: "/", query: [], headers: [], body: nil, date: "d").signature == expected.signature)
    }

    @Test func fileWithoutSecretOrMissingFileIsAnError() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("ak.env", "ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI\n")
        #expect(throws: CredentialsError.fileWithoutSecret(path: path)) { try Credentials.load(environment: [:], credentialsFile: path, accessKeyID: nil) }
        let missing = folder.path("absent.env")
        #expect { try Credentials.load(environment: [:], credentialsFile: missing, accessKeyID: nil) } throws: { error in
            "\(error)".hasPrefix("cannot read credentials file \(missing): ")
        }
    }

    /// Each malformed line is reported at its line and column, and the message never quotes a value.
    @Test(arguments: [
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET=ok\nnonsense\n", 2, 1, "expected NAME=VALUE"),
        ("# c\nAWS_SECRET_ACCESS_KEY=x\n", 2, 1, "unknown name 'AWS_SECRET_ACCESS_KEY'"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET=a\n\nALIBABA_CLOUD_ACCESS_KEY_SECRET=b\n", 3, 1, "is set again (first on line 1)"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET=\n", 1, 33, "has no value"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET= hidden\n", 1, 33, "begins or ends with whitespace"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET=hidden \n", 1, 39, "begins or ends with whitespace"),
        ("ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI\nALIBABA_CLOUD_ACCESS_KEY_SECRET=\"hidden\"\n", 2, 33, "is quoted"),
        ("export ALIBABA_CLOUD_ACCESS_KEY_SECRET=hidden\n", 1, 1, "unknown name 'export ALIBABA_CLOUD_ACCESS_KEY_SECRET'"),
    ])
    func malformedLinesArePositioned(text: String, line: Int, column: Int, message: String) {
        #expect { try CredentialsFile.parse(text, path: "ak.env") } throws: { error in
            guard case .malformedFile(let path, let errorLine, let errorColumn, let errorMessage) = error as? CredentialsError else { return false }
            #expect(path == "ak.env")
            #expect(errorLine == line, "\(errorMessage)")
            #expect(errorColumn == column, "\(errorMessage)")
            #expect(errorMessage.contains(message), "\(errorMessage)")
            #expect(!"\(error)".contains("hidden"), "\(error)")
            #expect("\(error)".hasPrefix("ak.env:\(line):\(column): error: "))
            return true
        }
    }
}
