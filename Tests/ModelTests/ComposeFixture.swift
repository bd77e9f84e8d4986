import Diagnostics
import Interpolation
import Model
import Syntax

/// A Compose text read, interpolated with an empty environment and decoded, as the lint pipeline does.
func decodedCompose(_ text: String, preservedNames: Set<String> = []) -> ComposeDocument {
    let tree = YAMLReader.read(SourceFile(path: "t.yaml", text: text)).tree!
    let interpolated = TreeInterpolator.interpolate(tree, settings: InterpolationSettings(environment: Environment(), preservedNames: preservedNames))
    guard case .compose(let document) = DocumentDecoder.decode(interpolated.tree).document else { fatalError("not compose") }
    return document
}
