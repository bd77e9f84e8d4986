import Diagnostics
import Foundation
import Interpolation
@testable import Lowering
import Model
import Rules
import Syntax

/// Runs a template through reading, interpolation (with the given variables) and decoding, assembles
/// and checks the request values as `build` does (the flags given), then lowers it. Error-level
/// findings of the request check are thrown as one failure holding their messages.
func lower(_ yaml: String, _ target: TargetID, _ flags: [RequestField: String], variables: [String: String] = [:]) throws(LoweringFailure) -> Request {
    var environment = Environment()
    for (name, value) in variables.sorted(by: { $0.key < $1.key }) { environment.set(name, value, source: .commandLine) }
    let file = SourceFile(path: "t.yaml", text: yaml)
    let tree = YAMLReader.read(file).tree!
    let preserved = target.platform == .aliyun ? InterpolationSettings.aliyunServerNames : []
    let interpolated = TreeInterpolator.interpolate(tree, settings: InterpolationSettings(environment: environment, preservedNames: preserved))
    let document = DocumentDecoder.decode(interpolated.tree).document!
    let values = RequestValues.assemble(target: target, flags: flags, manifest: [:], document: document)
    let (findings, metadata) = RequestCheck.check(values, document: document, requireAll: true)
    let errors = findings.filter { $0.diagnostic.severity == .error }.map(\.diagnostic.message)
    if !errors.isEmpty { throw LoweringFailure(errors.joined(separator: "\n")) }
    return try target.target.lower(LoweringInput(document: document, file: file, interpolated: interpolated, environment: environment, metadata: metadata))
}

/// The body as compact JSON text.
func body(_ request: Request) -> String {
    request.body!.rendered()
}

/// The body parsed by Foundation's independent JSON parser.
func parsedBody(_ request: Request) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(body(request).utf8)) as! [String: Any]
}

/// A YAML text parsed and rendered as typed JSON, for comparing structures.
func structure(_ yaml: String) -> String {
    YAMLReader.read(SourceFile(path: "t.yaml", text: yaml)).tree!.json(indent: nil)
}
