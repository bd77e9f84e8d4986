/// Where in the document a finding is, as structured data rather than a string, so it can be rendered
/// for people (`services.web.ports[0]`) and as an RFC 6901 JSON pointer (`/services/web/ports/0`)
/// without re-parsing, and so baselines can key on it instead of on line numbers.
public struct NodePath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    /// A component and a link to the path before it. Rules make a path for every value they read, so
    /// appending must be O(1) and usually allocation-free: the newest component lives inline (`tail`),
    /// and only appending to a path that already has one moves that component into a shared link.
    /// The components are only assembled for the few paths that end up in a finding.
    @usableFromInline
    final class Link: Sendable {
        @usableFromInline let parent: Link?
        @usableFromInline let component: Component
        @usableFromInline let depth: Int

        @usableFromInline
        init(parent: Link?, component: Component) {
            self.parent = parent
            self.component = component
            self.depth = (parent?.depth ?? 0) + 1
        }
    }

    // Inlinable with the appends below: models and rules in other modules append a component for
    // every value they read, and an opaque call there costs more than the append itself.
    @usableFromInline let links: Link?
    @usableFromInline let tail: Component?

    @inlinable
    init(links: Link?, tail: Component?) {
        self.links = links
        self.tail = tail
    }

    public init(_ components: [Component] = []) {
        var link: Link?
        for component in components.dropLast() { link = Link(parent: link, component: component) }
        self.init(links: link, tail: components.last)
    }

    public static let root = NodePath()

    /// Number of components.
    public var depth: Int { (links?.depth ?? 0) + (tail == nil ? 0 : 1) }

    /// The components from the root down.
    public var components: [Component] {
        var result: [Component] = []
        result.reserveCapacity(depth)
        if let tail { result.append(tail) }
        var link = links
        while let current = link {
            result.append(current.component)
            link = current.parent
        }
        return result.reversed()
    }

    @inlinable
    public func appending(_ component: Component) -> NodePath {
        guard let tail else { return NodePath(links: links, tail: component) }
        return NodePath(links: Link(parent: links, component: tail), tail: component)
    }

    @inlinable public func appending(key: String) -> NodePath { appending(.key(key)) }
    @inlinable public func appending(index: Int) -> NodePath { appending(.index(index)) }

    public static func == (lhs: NodePath, rhs: NodePath) -> Bool {
        guard lhs.depth == rhs.depth else { return false }
        var left = lhs.links
        var right = rhs.links
        switch (lhs.tail, rhs.tail) {
        case (nil, nil):
            break
        case (let l?, let r?):
            guard l == r else { return false }
        case (let l?, nil):
            guard let r = right, l == r.component else { return false }
            right = r.parent
        case (nil, let r?):
            guard let l = left, l.component == r else { return false }
            left = l.parent
        }
        while let l = left, let r = right {
            if l === r { return true }
            guard l.component == r.component else { return false }
            left = l.parent
            right = r.parent
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        if let tail { hasher.combine(tail) }
        var link = links
        while let current = link {
            hasher.combine(current.component)
            link = current.parent
        }
    }

    public var isRoot: Bool { links == nil && tail == nil }

    /// Dotted form; keys that are not simple identifiers are bracket-quoted (`labels["aliyun.scale"]`),
    /// so the rendering is unambiguous.
    public var description: String {
        var result = ""
        for component in components {
            switch component {
            case .index(let index):
                result += "[\(index)]"
            case .key(let key):
                if Self.isSimpleKey(key) {
                    if !result.isEmpty { result += "." }
                    result += key
                } else {
                    result += "[\"" + key.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\"]"
                }
            }
        }
        return result
    }

    /// RFC 6901 JSON pointer: `~` becomes `~0`, `/` becomes `~1`.
    public var jsonPointer: String {
        var result = ""
        for component in components {
            result += "/"
            switch component {
            case .index(let index): result += String(index)
            case .key(let key): result += key.replacingAll("~", with: "~0").replacingAll("/", with: "~1")
            }
        }
        return result
    }

    private static func isSimpleKey(_ key: String) -> Bool {
        guard let first = key.utf8.first, first != UInt8(ascii: "-") else { return false }
        return key.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                return true
            default:
                return false
            }
        }
    }
}

extension String {
    /// Replaces every occurrence of a short ASCII needle without Foundation.
    func replacingAll(_ needle: Character, with replacement: String) -> String {
        guard contains(needle) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 8)
        for character in self {
            if character == needle { result += replacement } else { result.append(character) }
        }
        return result
    }
}
