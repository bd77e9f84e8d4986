import Diagnostics
import Model
import Syntax

/// Whether a file named alone (`lint FILE`, a file met in a folder, `render FILE`, `graph FILE`) is read
/// as a project of one file, as `-f FILE` reads it and as Docker Compose always does: when it is a Compose
/// file whose root has `include` or one of whose services has `extends`. Only then can the project differ
/// from the file, so every other file — most of them: pods, Kubernetes manifests, v1 files, Compose files
/// without either key — keeps the plain path and its cost.
///
/// This runs for every file lint reads: a byte search for the two words rules out almost all of them
/// before anything is parsed; a file holding one is parsed once more to ask its tree, since the word
/// in a comment, a value or another kind's key proves nothing.
enum SingleFileProject {
    /// `kind` is `--kind`: a file read as another kind is no project.
    static func applies(to file: SourceFile, kind: DocumentKind?, limits: ReaderLimits) -> Bool {
        // Anchored at their letters rarest in Compose files: 0.3 % of the corpus's bytes are `x`, 1 % `u`.
        guard ByteSearch.contains("extends", in: file.bytes, anchor: 1) || ByteSearch.contains("include", in: file.bytes, anchor: 4),
              let tree = YAMLReader.read(file, limits: limits).tree else { return false }
        return holdsExtendsOrInclude(tree, kind: kind)
    }

    /// Whether `tree`, read as a Compose file with top-level `services:` (the layout Compose reads), has
    /// a root `include` or a service holding `extends`.
    private static func holdsExtendsOrInclude(_ tree: YAMLTree, kind: DocumentKind?) -> Bool {
        guard ComposeDocument.Layout.of(tree, kind: kind) == .services else { return false }
        if tree.value(forKey: "include", in: tree.root) != nil { return true }
        guard let services = tree.value(forKey: "services", in: tree.root) else { return false }
        return tree.pairs(of: services).contains { tree.value(forKey: "extends", in: $0.value) != nil }
    }
}
