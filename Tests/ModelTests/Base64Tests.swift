import Model
import Testing

struct Base64Tests {
    @Test(arguments: ["", "YQ==", "YWI=", "YWJj", "YWRtaW4=", "YWJj\nZGVm\n", "YW\r\nJj", "+/+/", "YQ=\n="])
    func valid(text: String) {
        #expect(Base64.validate(text) == nil)
    }

    @Test(arguments: [
        ("YW Jj", Base64.Problem.invalidCharacter(position: 3, kind: .whitespace)),
        ("YWJj\t", .invalidCharacter(position: 5, kind: .whitespace)),
        ("YW-j", .invalidCharacter(position: 3, kind: .urlSafe)),
        ("YW_j", .invalidCharacter(position: 3, kind: .urlSafe)),
        ("YWé=", .invalidCharacter(position: 3, kind: .other)),
        ("YQ==YQ==", .misplacedPadding(position: 5)),
        ("Y===", .misplacedPadding(position: 4)),
        ("YWJ", .wrongLength(3)),
        ("YWJjZ", .wrongLength(5)),
    ])
    func invalid(text: String, problem: Base64.Problem) {
        #expect(Base64.validate(text) == problem)
    }

    @Test func messagesNeverQuoteTheValue() {
        let secret = "hunter2 is-my_password"
        let message = Base64.validate(secret)!.message
        #expect(message == "character 8 is a space or tab (only line breaks may separate base64 text)")
        #expect(!message.contains("hunter"))
        #expect(Base64.Problem.wrongLength(6).message == "it has 6 base64 characters, not a multiple of 4; the '=' padding is missing (add 2 '=')")
    }
}
