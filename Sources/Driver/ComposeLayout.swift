import Model
import Syntax

extension ComposeDocument.Layout {
    /// The layout of `tree` read as a Compose file — with `--kind compose` (`kind`) whatever it holds,
    /// else when detection finds a Compose file — and nil for the platforms' own kinds.
    static func of(_ tree: YAMLTree, kind: DocumentKind?) -> Self? {
        switch (kind, DocumentKind.detect(tree)) {
        case (.compose?, _): of(tree)
        case (nil, .kind(.compose, let detected)): detected ?? .services
        default: nil
        }
    }
}
