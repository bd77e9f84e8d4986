import Diagnostics
import Syntax

extension RuleID {
    /// A malformed `${…}` expression.
    public static let interpolationSyntax: RuleID = "interpolation-syntax"
    /// `${NAME:?message}` or `${NAME?message}` with the variable missing.
    public static let requiredVariable: RuleID = "required-variable"
    /// A variable that is not set and has no default; Compose substitutes an empty string.
    public static let unsetVariable: RuleID = "unset-variable"
    /// A line of an env file that Compose would refuse.
    public static let envFileSyntax: RuleID = "env-file-syntax"
}

/// What a tree is interpolated with.
public struct InterpolationSettings: Sendable {
    public var environment: Environment
    /// Names never substituted and never reported unset: the platform injects them on the server.
    public var preservedNames: Set<String>
    /// Deepest nesting of `${A:-${B:-…}}` accepted.
    public var maxDepth: Int
    /// The variables included projects add to the parts of the text their files occupy; empty for a
    /// project without includes (the ordinary case, which then looks nothing up by position).
    public var included: [IncludedEnvironment]

    public init(environment: Environment, preservedNames: Set<String> = [], maxDepth: Int = 64, included: [IncludedEnvironment] = []) {
        self.environment = environment
        self.preservedNames = preservedNames
        self.maxDepth = maxDepth
        self.included = included
    }

    /// Names the aliyun projects API sets itself (`../shared/ALIYUN.md` §3.3).
    public static let aliyunServerNames: Set<String> = ["COMPOSE_PROJECT_NAME", "ACS_PROJECT_VERSION", "ACS_DEFAULT_DOMAIN"]
}

/// The interpolated template and what interpolation learned on the way.
public struct InterpolatedTree: Sendable {
    public let tree: YAMLTree
    public let diagnostics: [Diagnostic]
    /// For every scalar whose text changed: what it said before. Messages and `render` use this to show
    /// `${DB_PASSWORD}` instead of the secret it resolved to.
    public let originals: [NodeID: Original]
    /// Every variable name the template references, in first-use order.
    public let referencedNames: [String]

    public struct Original: Sendable {
        public let text: String
        /// Byte ranges of the new text copied verbatim (preserved names); their `$` must stay unescaped.
        public let preservedRanges: [Range<Int>]
    }
}

/// Substitutes variables in every value scalar of a tree, as Docker Compose does: keys (and so service
/// names) are never interpolated, substituted values are never re-interpolated, and a plain scalar
/// is typed again after substitution (`replicas: ${N}` becomes an integer) while a quoted one stays a
/// string — which falls out of keeping each scalar's style.
public enum TreeInterpolator {
    public static func interpolate(_ tree: YAMLTree, settings: InterpolationSettings) -> InterpolatedTree {
        // Most files have no `$` at all (not even one spelled `"\x24{TAG}"`, which Compose substitutes too).
        guard tree.mayHold("$") else {
            return InterpolatedTree(tree: tree, diagnostics: [], originals: [:], referencedNames: [])
        }
        var state = State(tree: tree, settings: settings)
        state.run()
        return InterpolatedTree(tree: state.output, diagnostics: state.diagnostics + state.unsetWarnings(),
                                originals: state.originals, referencedNames: state.referencedNames)
    }

    private struct State {
        let tree: YAMLTree
        let settings: InterpolationSettings
        var output: YAMLTree
        var diagnostics: [Diagnostic] = []
        var originals: [NodeID: InterpolatedTree.Original] = [:]
        var referencedNames: [String] = []
        var seenNames: Set<String> = []
        /// First unset use of each variable, and the positions of later ones.
        var unset: [(name: String, range: SourceRange, path: NodePath, more: [SourceRange])] = []
        var unsetIndex: [String: Int] = [:]

        init(tree: YAMLTree, settings: InterpolationSettings) {
            self.tree = tree
            self.settings = settings
            self.output = tree
        }

        mutating func run() {
            for (id, path) in Self.candidates(in: tree) {
                substitute(id, path: path)
            }
        }

        /// Value scalars containing a `$`, each once (a node shared through aliases is substituted once),
        /// with the path of its first use. Iterative, with the path kept as a stack of components.
        static func candidates(in tree: YAMLTree) -> [(NodeID, NodePath)] {
            var found: [(NodeID, NodePath)] = []
            var done = [Bool](repeating: false, count: tree.nodes.count)
            var stack: [(node: NodeID, next: Int)] = []
            var path: [NodePath.Component] = []
            func enter(_ id: NodeID) {
                let index = Int(id.index)
                let alreadyDone = done[index]
                done[index] = true
                if !tree[id].isScalar, !alreadyDone {
                    stack.append((id, 0))
                    return
                }
                if !alreadyDone, tree[id].text.utf8.contains(UInt8(ascii: "$")) {
                    found.append((id, NodePath(path)))
                }
                if !path.isEmpty { path.removeLast() }
            }
            enter(tree.root)
            while let top = stack.last {
                let node = tree[top.node]
                guard top.next < node.entryCount else {
                    stack.removeLast()
                    if !path.isEmpty { path.removeLast() }
                    continue
                }
                stack[stack.count - 1].next += 1
                if node.isMapping {
                    let pair = tree.pairs(of: top.node)[top.next]
                    path.append(.key(tree[pair.key].text))
                    enter(pair.value)
                } else {
                    let items = tree.items(of: top.node)
                    path.append(.index(top.next))
                    enter(items[items.startIndex + top.next])
                }
            }
            return found
        }

        mutating func substitute(_ id: NodeID, path: NodePath) {
            let node = tree[id]
            guard node.text.utf8.contains(UInt8(ascii: "$")) else { return }
            let settings = settings
            let offset = node.range.start.offset
            let result = Interpolation.interpolate(node.text, maxDepth: settings.maxDepth) { name in
                if settings.preservedNames.contains(String(name)) { return .preserve }
                if let entry = settings.entry(name, at: offset) { return .value(entry.value) }
                return .unset
            }
            for reference in result.references {
                if seenNames.insert(reference.name).inserted { referencedNames.append(reference.name) }
                guard reference.isUnsetWithoutDefault else { continue }
                let range = SourceRange(at: location(ofValueOffset: reference.offset, in: node))
                if let index = unsetIndex[reference.name] {
                    unset[index].more.append(range)
                } else {
                    unsetIndex[reference.name] = unset.count
                    unset.append((reference.name, range, path, []))
                }
            }
            if let failure = result.failure {
                let range = SourceRange(at: location(ofValueOffset: failure.offset, in: node))
                switch failure.kind {
                case .syntax:
                    diagnostics.append(Diagnostic(
                        rule: .interpolationSyntax, severity: .error,
                        message: "invalid interpolation in \(JSONWriter.quoted(excerpt(node.text))): \(excerpt(failure.message, limit: 200)); write a literal $ as $$",
                        range: range, path: path))
                case .required:
                    diagnostics.append(Diagnostic(rule: .requiredVariable, severity: .error, message: failure.description, range: range, path: path))
                }
                return
            }
            guard result.value != node.text || !result.preservedRanges.isEmpty else { return }
            originals[id] = InterpolatedTree.Original(text: node.text, preservedRanges: result.preservedRanges)
            output[id].text = result.value
        }

        func unsetWarnings() -> [Diagnostic] {
            unset.map { entry in
                Diagnostic(
                    rule: .unsetVariable, severity: .warning,
                    message: "variable \(entry.name) is not set, so it is replaced by an empty string; set it in .env, in the environment or with -e \(entry.name)=…",
                    range: entry.range, path: entry.path,
                    notes: entry.more.prefix(5).map { Diagnostic.Note(message: "\(entry.name) is also used here", range: $0) })
            }
        }

        /// The source position of a byte offset in a scalar's *value*. Escapes and folding make value and
        /// source differ, but `$` survives both unchanged, so the k-th `$` of the value is the k-th `$`
        /// of the source text; if that fails (a `$` written as an escape) the scalar's start is used.
        func location(ofValueOffset offset: Int, in node: YAMLNode) -> SourceLocation {
            let dollar = UInt8(ascii: "$")
            let ordinal = node.text.utf8.prefix(offset).reduce(0) { $0 + ($1 == dollar ? 1 : 0) }
            let bytes = tree.file.bytes
            var seen = 0
            var index = node.range.start.offset
            let end = min(node.range.end.offset, bytes.count)
            while index < end {
                if bytes[index] == dollar {
                    if seen == ordinal { return tree.file.location(ofByte: index) }
                    seen += 1
                }
                index += 1
            }
            return node.range.start
        }
    }
}
