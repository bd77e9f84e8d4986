import Foundation
import Testing
import TestSupport

/// The published template schemas (`schemas/templates/`, what editors load through
/// `# yaml-language-server: $schema=…`) agree with `stackc lint` on the samples, as an independent
/// validator (Python's jsonschema) reads them: what lints clean validates, and a key the kind does not
/// define is refused.
struct TemplateSchemaTests {
    static let samples: [(kind: String, file: String)] = [
        ("compose", "samples/compose/valid.yaml"),
        ("pod", "samples/pod/valid.yaml"),
        ("application", "samples/application/valid.yaml"),
        ("configmap", "samples/configmap/valid.yaml"),
        ("secret", "samples/secret/valid.yaml"),
        ("alauda-service", "samples/alauda-service/valid.yaml"),
        ("aliyun-volume", "samples/aliyun-volume/valid.yaml"),
        ("stack", "samples/stacks/shop.stack.yaml"),
        ("stack", "samples/stacks/web-alauda-from-compose.stack.yaml"),
    ]

    @Test(arguments: samples.map { "\($0.kind) \($0.file)" })
    func cleanSampleValidatesAndAnUnknownKeyDoesNot(_ entry: String) throws {
        let parts = entry.split(separator: " ").map(String.init)
        let (kind, file) = (parts[0], parts[1])
        #expect(try runStackc(["lint", file]).status == 0, "the sample must lint clean")
        let rendered = try runStackc(["render", file, "--format", "json"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let schema = packageRoot.appendingPathComponent("schemas/templates/\(kind).schema.json").path

        let folder = try TemporaryDirectory()
        let valid = try folder.write("valid.json", rendered.stdout)
        let accepted = try validateWithJSONSchema(schema: schema, instance: valid)
        #expect(accepted.output.hasSuffix("ok\n"), "\(accepted.output)")

        var object = try #require(JSONSerialization.jsonObject(with: Data(rendered.stdout.utf8)) as? [String: Any])
        object["bogus-key"] = 1
        let invalid = try folder.write("invalid.json", bytes: Array(try JSONSerialization.data(withJSONObject: object)))
        let refused = try validateWithJSONSchema(schema: schema, instance: invalid)
        #expect(refused.output.hasSuffix("invalid\n") && refused.output.contains("bogus-key"), "\(refused.output)")
    }

    /// Each valid sample names its schema for editors, relative to the sample, and the file exists.
    @Test(arguments: samples.map(\.file))
    func sampleNamesItsSchemaForEditors(_ file: String) throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(file), encoding: .utf8)
        let prefix = "# yaml-language-server: $schema="
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(prefix) }, "no \(prefix) line")
        let target = packageRoot.appendingPathComponent(file).deletingLastPathComponent()
            .appendingPathComponent(String(line.dropFirst(prefix.count))).standardized
        #expect(FileManager.default.fileExists(atPath: target.path), "\(target.path)")
    }
}
