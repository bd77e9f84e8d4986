import Diagnostics
import Model
import Rules
import Syntax
import Testing
import TestSupport

/// `service-image` leaves Compose override fragments alone: they are merged onto a base file that has the image.
struct ServiceImageTests {
    static let fragment = "services:\n  web:\n    environment: {DEBUG: \"1\"}\n"

    @Test(arguments: ["compose.override.yaml", "deploy/docker-compose.override.yml", "prod.override.YML"])
    func overrideFragmentsAreNotReported(_ name: String) {
        #expect(findings(fileName: name).isEmpty)
    }

    @Test(arguments: ["compose.yaml", "override.yml", "docker-compose.overrides.yml"])
    func otherFilesAre(_ name: String) {
        #expect(findings(fileName: name) == ["service 'web' has neither 'image' nor 'build'; name the image to run, such as 'image: web:1.0'"])
    }

    private func findings(fileName: String) -> [String] {
        let tree = YAMLReader.read(SourceFile(path: fileName, text: Self.fragment)).tree!
        let document = DocumentDecoder.decode(tree).document!
        return RuleEngine.check(document, fileName: fileName).filter { $0.rule == "service-image" }.map(\.message)
    }
}
