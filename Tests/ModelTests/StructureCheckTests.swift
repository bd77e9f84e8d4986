import Diagnostics
import Model
import Syntax
import Testing

struct StructureCheckTests {
    func check(_ text: String) -> [String] {
        let read = YAMLReader.read(SourceFile(path: "t.yaml", text: text))
        return DocumentDecoder.decode(read.tree!).diagnostics.map { "\($0.rule)@\($0.range!.start.line):\($0.range!.start.column) \($0.message)" }
    }

    @Test(arguments: [("- a\n- b\n", "a sequence"), ("just text\n", "a string"), ("42\n", "an integer"), ("~\n", "null")])
    func topLevelMustBeAMapping(text: String, found: String) {
        #expect(check(text) == ["invalid-structure@1:1 a template must be a mapping of keys to values at the top level, not \(found)"])
    }

    @Test func servicesMustBeAMappingOfMappings() {
        #expect(check("services: [web]\n") == ["invalid-structure@1:11 services must be a mapping of service names to service definitions, not a sequence"])
        #expect(check("services:\n  web: nginx\n  db:\n    image: x\n") == [
            "invalid-structure@2:8 services.web must be a service definition (a mapping) for service 'web', not a string",
        ])
    }

    @Test func composeV1ServicesAtTheTopLevel() {
        #expect(check("version: '1'\nweb:\n  image: nginx\ncache: redis\nx-note: text\n") == [
            "invalid-structure@4:8 cache must be a service definition (a mapping) for service 'cache', not a string",
        ])
    }

    @Test func podContainersMustBeAListOfMappings() {
        #expect(check("containers: {name: a}\n") == ["invalid-structure@1:13 containers must be a list of containers, not a mapping"])
        #expect(check("containers:\n  - name: a\n  - b\n") == [
            "invalid-structure@3:5 containers[1] must be a container definition (a mapping with name and image), not a string",
        ])
    }

    @Test func validDocumentsHaveNoFindings() {
        #expect(check("services:\n  web:\n    image: nginx\n").isEmpty)
        #expect(check("containers:\n  - name: a\n    image: b\n").isEmpty)
        #expect(check("web:\n  image: nginx\n").isEmpty)
    }
}
