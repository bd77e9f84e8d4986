/// One entry of a service's `volumes`, short (`data:/var/lib/mysql:ro`) or long
/// (`{type: volume, source: data, target: /var/lib/mysql}`) syntax.
public struct VolumeEntry: Sendable {
    public enum SourceKind: Sendable, Equatable {
        /// A named volume, which must be declared under the top-level `volumes:` (services layout).
        case named(String)
        /// A host path (absolute, `./`, `../` or `~`).
        case hostPath(String)
        /// No source: an anonymous volume or a tmpfs.
        case none
    }

    public let node: NodeRef

    public init(_ node: NodeRef) {
        self.node = node
    }

    /// Where it is mounted in the container.
    /// The long syntax's `source` field (nil for the short syntax).
    public var sourceField: NodeRef? { node.isMapping ? node["source"] : nil }

    /// The source as written: the long syntax's `source`, or the whole short spec (`data:/var/lib`).
    public var writtenSource: Located<String>? { node.isMapping ? node["source"]?.string : node.string }

    public var target: Located<String>? {
        if node.isMapping { return node["target"]?.string }
        guard let text = node.string else { return nil }
        let parts = Self.split(text.value)
        let target = parts.count >= 2 ? parts[1] : parts.first ?? ""
        return text.map { _ in target }
    }

    public var source: SourceKind {
        if node.isMapping {
            let type = node["type"]?.string?.value ?? "volume"
            guard let source = node["source"]?.string?.value, !source.isEmpty else { return .none }
            return type == "bind" ? .hostPath(source) : (type == "volume" ? .named(source) : .none)
        }
        guard let text = node.string?.value else { return .none }
        let parts = Self.split(text)
        // A source still holding a variable (a file read unsubstituted) names nothing yet.
        guard parts.count >= 2, !parts[0].contains("${") else { return .none }
        let source = parts[0]
        if source.hasPrefix(ascii: "/") || source.hasPrefix(ascii: ".") || source.hasPrefix(ascii: "~") || source.contains(ascii: "/") {
            return .hostPath(source)
        }
        return .named(source)
    }

    /// Splits `SOURCE:TARGET:MODE` on `:` (the platforms run Linux containers: no drive letters), but
    /// not on a `:` inside `${…}`, as compose-go's `ParseVolume` reads a file left unsubstituted
    /// (`--no-interpolate`, `render --variables`): `${SRC:-./src}:/src` mounts at `/src`.
    static func split(_ text: String) -> [String] {
        let bytes = text.utf8
        guard bytes.contains(UInt8(ascii: "$")) else { return text.split(ascii: ":").map(String.init) }
        // Bytes, not Characters: a `:`, `{` or `}` is ASCII, never inside another character's bytes.
        var sections: [String] = []
        var start = bytes.startIndex
        var nesting = 0
        var previous: UInt8 = 0
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "$") {
                nesting += 1
            } else if byte == UInt8(ascii: "}"), nesting > 0 {
                nesting -= 1
            } else if byte == UInt8(ascii: ":"), nesting == 0 {
                sections.append(String(text[start..<index]))
                start = bytes.index(after: index)
            }
            previous = byte
        }
        sections.append(String(text[start...]))
        return sections
    }
}
