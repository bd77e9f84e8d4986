import Diagnostics
import Model

/// Rules about the names of things: projects, services, containers, ports, variables, configmaps and
/// their keys.
let namingRules: [any Rule.Type] = [
    ConfigMapKeyEnv.self,
    ConfigMapKeyFile.self,
    ConfigMapName.self,
    ContainerName.self,
    EnvName.self,
    PortName.self,
    ProjectName.self,
    ServiceName.self,
]

// Helpers the rules of this folder share; they live beside the list because every other file of the
// folder holds exactly one rule.

/// A naming rule as a platform states it: which characters a name may hold, which may start and end
/// it, and how long it may be. One matcher for every naming rule, so each says what is wrong the
/// same way: the first offending character or edge, or the length.
struct NamePattern: Sendable {
    /// Characters allowed anywhere (ASCII only; any other character is refused).
    let allowed: ByteSet
    /// Characters allowed first; nil when any allowed character may start a name.
    var first: ByteSet?
    /// Characters allowed last; nil when any allowed character may end a name.
    var last: ByteSet?
    var lengths: ClosedRange<Int> = 1...Int.max
    /// How the fix describes a valid name: `1–64 of A–Z a–z 0–9 -`.
    let fix: String
    /// A rule beyond characters, edges and length (`must contain a letter`), checked last.
    var extra: (@Sendable (String) -> String?)?

    /// The message of every naming finding, wherever the name comes from (template, manifest, flag).
    static func message(what: String, name: String, of owner: String? = nil, problem: String, fix: String) -> String {
        "\(what) '\(excerpt(name))'\(owner.map { " of \($0)" } ?? "") \(problem); use \(fix)"
    }

    /// The first thing wrong with a name, phrased to follow it (`must not start with '-'`), or nil.
    func problem(in name: String) -> String? {
        var contiguous = name
        return contiguous.withUTF8 { problem(in: name, bytes: $0) }
    }

    private func problem(in name: String, bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let firstByte = bytes.first, let lastByte = bytes.last else { return "must not be empty" }
        // Bytes first: the `Character` that names a bad one is looked up only when there is one.
        if !bytes.allSatisfy(allowed.contains), let bad = name.first(where: { !($0.asciiValue.map(allowed.contains) ?? false) }) {
            return "must not contain '\(bad)'"
        }
        // Every character is ASCII from here on.
        if let first, !first.contains(firstByte) { return "must not start with '\(Character(Unicode.Scalar(firstByte)))'" }
        if let last, !last.contains(lastByte) { return "must not end with '\(Character(Unicode.Scalar(lastByte)))'" }
        if bytes.count < lengths.lowerBound { return "is too short: \(bytes.count) character\(bytes.count == 1 ? "" : "s"), at least \(lengths.lowerBound) needed" }
        if bytes.count > lengths.upperBound { return "is \(bytes.count) characters long, more than \(lengths.upperBound)" }
        return extra?(name)
    }

    /// The ASCII characters of some ranges: `characters(in: "a"..."z", "0"..."9")`.
    static func characters(in ranges: ClosedRange<Unicode.Scalar>...) -> ByteSet {
        ByteSet(ranges.flatMap { UInt8($0.lowerBound.value)...UInt8($0.upperBound.value) })
    }

    /// Single ASCII characters: `characters("-_.")`.
    static func characters(_ list: String) -> ByteSet {
        ByteSet(list.utf8)
    }

    static let lowerAlphanumerics = characters(in: "a"..."z", "0"..."9")
    static let alphanumerics = characters(in: "a"..."z", "A"..."Z", "0"..."9")
    static let letters = characters(in: "a"..."z", "A"..."Z")
}

/// A set of bytes as a 256-bit map: a membership test is a shift and a mask, where a `Set<UInt8>`
/// hashes. Naming rules test every byte of every name.
struct ByteSet: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { insert(byte) }
    }

    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    func union(_ other: ByteSet) -> ByteSet {
        var result = self
        result.words = (words.0 | other.words.0, words.1 | other.words.1, words.2 | other.words.2, words.3 | other.words.3)
        return result
    }

    private mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }
}

extension RuleContext {
    /// Reports a name that breaks a pattern: `project name '-web' must not start with '-'; use 1–64 of …`.
    /// A name written with a variable is checked only when no unset variable can explain the problem
    /// (an empty name, or an empty part between separators: `-web` from `${PREFIX}-web`) and no `$` is
    /// left for the server to substitute (`${COMPOSE_PROJECT_NAME}` on aliyun). A name written as a number
    /// or a boolean is the schema's `type-mismatch` (names are strings), not a naming finding.
    /// - Parameters:
    ///   - what: how the message names the kind of name (`container name`).
    ///   - owner: what holds the name, when that helps find it (`service 'web'`).
    mutating func checkName(_ node: NodeRef, _ pattern: NamePattern, what: String, of owner: String? = nil) {
        guard let name = node.checkedString(separators: "-_.") else { return }
        if node.isWrittenWithVariable {
            guard !name.value.contains(ascii: "$") else { return }
        } else {
            guard case .string = node.node.resolved else { return }
        }
        checkName(name, pattern, what: what, of: owner)
    }

    mutating func checkName(_ name: Located<String>, _ pattern: NamePattern, what: String, of owner: String? = nil) {
        guard let problem = pattern.problem(in: name.value) else { return }
        reportName(name, problem: problem, what: what, of: owner, fix: pattern.fix)
    }

    /// The one shape of every naming finding: the name, what is wrong, and what a valid name looks like.
    mutating func reportName(_ name: Located<String>, problem: String, what: String, of owner: String?, fix: String) {
        report(NamePattern.message(what: what, name: name.value, of: owner, problem: problem, fix: fix), at: name)
    }
}

/// One `configMap[]` or `secret[]` entry of a v2 application (PLATFORM_API.md §5).
struct ConfigReference {
    /// How messages name it: `configMap[0]`.
    let label: String
    /// `Env` or `Volume`, as written.
    let type: String?
    /// The entry itself, for its other fields (`keys`, `mountPath`).
    let entry: ApplicationDocument.KeyedReference

    /// The application's references, configmaps first.
    static func all(in application: ApplicationDocument) -> [ConfigReference] {
        [("configMap", application.configMaps), ("secret", application.secrets)].flatMap { section, references in
            references.enumerated().map { index, item in
                ConfigReference(label: "\(section)[\(index)]", type: item.type?.string?.value, entry: item)
            }
        }
    }
}
