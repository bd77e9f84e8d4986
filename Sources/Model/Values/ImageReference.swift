/// A Docker image reference, `[registry[:port]/]path[:tag][@digest]`, read by the grammar of the
/// distribution reference library (`distribution/reference`, `regexp.go` and `normalize.go`), which
/// Docker, containerd and the registries share: a reference it rejects makes every pull fail on the
/// node, after the platform accepted the deployment. Hand-written so each failure names the part that
/// is wrong instead of "invalid reference format".
///
/// The first path component is the registry when it has a `.` or `:`, is `localhost`, or has upper-case
/// letters (`docker.oa.com:8080/public/mysql:latest`); Docker Hub otherwise.
public struct ImageReference: Sendable, Equatable {
    public var registry: String?
    public var path: String
    public var tag: String?
    public var digest: String?

    public struct Problem: Error, Sendable, Equatable {
        public let message: String
        /// The problem is a missing part (an empty reference, tag, path component or digest): what an
        /// unset variable leaves behind (`app:${TAG}`), which a caller may leave to that warning.
        public let isMissingPart: Bool

        init(_ message: String, missingPart: Bool = false) {
            self.message = message
            self.isMissingPart = missingPart
        }
    }

    /// Longest repository name, registry included (`NameTotalLengthMax`).
    public static let maximumNameLength = 255
    public static let maximumTagLength = 128
    /// Digest algorithms Docker can verify, with the length of their lower-case hex encoding.
    public static let digestLengths: [(algorithm: String, hexDigits: Int)] = [("sha256", 64), ("sha384", 96), ("sha512", 128)]

    /// Parses the UTF-8 bytes in place: every service's image goes through here, and slicing
    /// `Substring`s, splitting into arrays and joining cost several times the work. One pass finds the
    /// delimiters, each part is checked by its bytes in the order the messages take precedence
    /// (whitespace, digest, tag, name length, registry, path), and each part's `String` is made once;
    /// a part's `Substring` is made only for the message of a reference that fails.
    public static func parse(_ text: String) -> Result<ImageReference, Problem> {
        withBytes(of: text) { bytes in
            parts(of: text, bytes).map { parts in
                ImageReference(registry: parts.registry.map { string(bytes[$0]) }, path: string(bytes[parts.path]),
                               tag: parts.tag.map { string(bytes[$0]) }, digest: parts.digest.map { string(bytes[$0]) })
            }
        }
    }

    /// What is wrong with a reference, nil when it is valid: `parse` without making the parts' strings,
    /// for the checks that need only the verdict (every Compose service's image).
    public static func problem(in text: String) -> Problem? {
        withBytes(of: text) { bytes in
            guard case .failure(let problem) = parts(of: text, bytes) else { return nil }
            return problem
        }
    }

    private static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Bytes of a reference, or of a part of it, indexed by their offset in the whole reference.
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// Where the parts of a valid reference are in its bytes.
    struct Parts {
        var registry: Range<Int>?
        var path: Range<Int>
        var tag: Range<Int>?
        var digest: Range<Int>?
    }

    static func parts(of text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Result<Parts, Problem> {
        guard !bytes.isEmpty else { return .failure(Problem("the reference is empty", missingPart: true)) }
        // The lowest and highest byte tell whether all are printable ASCII, in a loop without branches.
        var lowest = UInt8.max, highest = UInt8.min
        for byte in bytes {
            lowest = min(lowest, byte)
            highest = max(highest, byte)
        }
        // The digest follows the first '@'; before it, the tag follows the last ':' when no '/' comes
        // after that, and a registry precedes the first '/'. Letters, most of the bytes, sort above all three.
        var at: Int?, firstColon: Int?, lastColon: Int?, firstSlash: Int?, lastSlash: Int?
        delimiters: for offset in bytes.indices where bytes[offset] <= UInt8(ascii: "@") {
            switch bytes[offset] {
            case UInt8(ascii: "@"): at = offset; break delimiters
            case UInt8(ascii: ":"): firstColon = firstColon ?? offset; lastColon = offset
            case UInt8(ascii: "/"): firstSlash = firstSlash ?? offset; lastSlash = offset
            default: break
            }
        }
        if lowest <= 0x20 || highest >= 0x7F, let problem = checkWhitespace(text) { return .failure(problem) }
        var nameEnd = bytes.endIndex
        var digest: Range<Int>?
        if let at {
            let value = part(after: at, upTo: bytes.endIndex, of: bytes)
            if let problem = checkDigest(value, in: text) { return .failure(problem) }
            digest = value.startIndex..<value.endIndex
            nameEnd = at
        }
        var tag: Range<Int>?
        if let lastColon, lastColon > lastSlash ?? -1 {
            let value = part(after: lastColon, upTo: nameEnd, of: bytes)
            if let problem = checkTag(value, in: text) { return .failure(problem) }
            tag = value.startIndex..<value.endIndex
            nameEnd = lastColon
        }
        guard nameEnd > 0 else { return .failure(Problem("the repository name before '\(tag != nil ? ":" : "@")' is empty", missingPart: true)) }
        guard nameEnd <= maximumNameLength else {
            return .failure(Problem("the repository name is \(nameEnd) characters long; the limit is \(maximumNameLength)"))
        }
        var registry: Range<Int>?
        var componentStart = 0
        if let firstSlash, isRegistry(bytes[..<firstSlash]) {
            let colon = firstColon.flatMap { $0 < firstSlash ? $0 : nil }
            if let problem = checkRegistry(bytes[..<firstSlash], colon: colon, in: text) { return .failure(problem) }
            registry = 0..<firstSlash
            componentStart = firstSlash + 1
        }
        let path = bytes[componentStart..<nameEnd]
        if !isPlainPath(path) {
            for offset in path.startIndex...path.endIndex where offset == path.endIndex || bytes[offset] == UInt8(ascii: "/") {
                if let problem = checkPathComponent(bytes[componentStart..<offset], in: text) { return .failure(problem) }
                componentStart = offset + 1
            }
        }
        return .success(Parts(registry: registry, path: path.startIndex..<path.endIndex, tag: tag, digest: digest))
    }

    /// Whitespace and control characters by Unicode's properties, looked up only for a reference
    /// with bytes outside printable ASCII; the position counts Unicode scalars.
    static func checkWhitespace(_ text: String) -> Problem? {
        let scalars = text.unicodeScalars
        guard let offset = scalars.firstIndex(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        return Problem("it contains whitespace or a control character (character \(scalars.distance(from: scalars.startIndex, to: offset) + 1))")
    }

    static func isRegistry(_ component: Bytes) -> Bool {
        component.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") || isUpper($0) } || matches(component, "localhost")
    }

    /// `host[:port]`: dot-separated labels of letters, digits and inner hyphens, or an IPv6 address in
    /// brackets. `colon` is the registry's first ':', which the scan for delimiters has found.
    static func checkRegistry(_ registry: Bytes, colon: Int?, in text: String) -> Problem? {
        var host = registry
        var port: Bytes?
        if registry.first == UInt8(ascii: "[") {
            guard let close = registry.firstIndex(of: UInt8(ascii: "]")), IPAddress.isIPv6(text.slice(part(after: registry.startIndex, upTo: close, of: registry.base))) else {
                return Problem("the registry '\(text.slice(registry))' opens '[' but holds no IPv6 address in brackets")
            }
            let after = part(after: close, upTo: registry.endIndex, of: registry.base)
            if !after.isEmpty {
                guard after.first == UInt8(ascii: ":") else { return Problem("the registry '\(text.slice(registry))' has text after ']' that is not ':PORT'") }
                port = part(after: after.startIndex, upTo: after.endIndex, of: registry.base)
            }
        } else {
            if let colon {
                host = registry[..<colon]
                port = part(after: colon, upTo: registry.endIndex, of: registry.base)
            }
            guard isHostName(host) else {
                return Problem("the registry host '\(text.slice(host))' is not a host name (labels of letters, digits and inner '-', separated by '.')",
                               missingPart: host.isEmpty)
            }
        }
        if let port, port.isEmpty || !port.allSatisfy(IPAddress.isDigit) {
            return Problem("the registry port '\(text.slice(port))' of '\(text.slice(registry))' is not a number", missingPart: port.isEmpty)
        }
        return nil
    }

    /// Dot-separated labels of letters, digits and inner hyphens: letters and digits at both ends and
    /// on both sides of every '.', '-' anywhere else.
    static func isHostName(_ host: Bytes) -> Bool {
        guard let first = host.first, let last = host.last, isAlphanumeric(first), isAlphanumeric(last) else { return false }
        for offset in host.startIndex..<host.endIndex where !isAlphanumeric(host[offset]) {
            switch host[offset] {
            case UInt8(ascii: "."): guard isAlphanumeric(host[offset - 1]), isAlphanumeric(host[offset + 1]) else { return false }
            case UInt8(ascii: "-"): break
            default: return false
            }
        }
        return true
    }

    /// Whether the path is valid, in one pass over its bytes: components of `[a-z0-9]`, each separator
    /// (`/`, `.`, `_`, `__` or a run of `-`) between two of them. Nearly every path is; any other goes
    /// through `checkPathComponent`, component by component, for the message.
    static func isPlainPath(_ path: Bytes) -> Bool {
        var previous = UInt8(ascii: "/"), beforePrevious = UInt8(ascii: "/")
        for byte in path {
            if !isLowerOrDigit(byte) {
                let follows = switch byte {
                case UInt8(ascii: "-"): isLowerOrDigit(previous) || previous == UInt8(ascii: "-")
                case UInt8(ascii: "_"): isLowerOrDigit(previous) || (previous == UInt8(ascii: "_") && isLowerOrDigit(beforePrevious))
                case UInt8(ascii: "."), UInt8(ascii: "/"): isLowerOrDigit(previous)
                default: false
                }
                guard follows else { return false }
            }
            beforePrevious = previous
            previous = byte
        }
        return isLowerOrDigit(previous)
    }

    /// `[a-z0-9]+` joined by one separator: `.`, `_`, `__` or a run of `-`. Called for the components of
    /// a path `isPlainPath` refused, to name the first problem.
    static func checkPathComponent(_ component: Bytes, in text: String) -> Problem? {
        guard let first = component.first, let last = component.last else {
            return Problem("the repository path has an empty component (a leading, trailing or doubled '/')", missingPart: true)
        }
        if component.contains(where: isUpper) {
            let name = text.slice(component)
            return Problem("'\(name)' has upper-case letters; repository names must be lower case ('\(name.lowercased())')")
        }
        if !component.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }),
           let bad = text.slice(component).first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-")) }) {
            let hint = bad == ":" ? "; a reference has one ':', before the tag" : ""
            return Problem("'\(text.slice(component))' contains '\(bad)'; repository names may contain only a-z, 0-9, '.', '_' and '-'\(hint)")
        }
        guard isAlphanumeric(first), isAlphanumeric(last) else {
            return Problem("'\(text.slice(component))' must start and end with a letter or digit")
        }
        var offset = component.startIndex
        while offset < component.endIndex {
            guard !isAlphanumeric(component[offset]) else { offset += 1; continue }
            let start = offset
            while offset < component.endIndex, !isAlphanumeric(component[offset]) { offset += 1 }
            let separator = component[start..<offset]
            let valid = separator.count == 1 || matches(separator, "__") || separator.allSatisfy { $0 == UInt8(ascii: "-") }
            if !valid {
                return Problem("'\(text.slice(component))' has the separator '\(string(separator))'; between letters and digits use one '.', '_', '__' or a run of '-'")
            }
        }
        return nil
    }

    /// Checks a tag alone (`[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`), for platforms that keep it apart from
    /// the repository (Alauda's `image_tag`).
    public static func checkTag(_ tag: Substring) -> Problem? {
        tag.withBytes { checkTag($0[...], in: tag) }
    }

    static func checkTag(_ tag: Bytes, in text: some StringProtocol) -> Problem? {
        guard let first = tag.first else { return Problem("the tag after ':' is empty", missingPart: true) }
        guard tag.count <= maximumTagLength else { return Problem("the tag is \(tag.count) characters long; the limit is \(maximumTagLength)") }
        guard isAlphanumeric(first) || first == UInt8(ascii: "_") else { return Problem("the tag '\(text.slice(tag))' must start with a letter, digit or '_'") }
        if !tag.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }),
           let bad = text.slice(tag).first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-")) }) {
            return Problem("the tag '\(text.slice(tag))' contains '\(bad)'; tags may contain only letters, digits, '_', '.' and '-'")
        }
        return nil
    }

    /// `ALGORITHM:HEX` with an algorithm Docker verifies and hex of its exact length.
    static func checkDigest(_ digest: Bytes, in text: String) -> Problem? {
        guard !digest.isEmpty else { return Problem("the digest after '@' is empty", missingPart: true) }
        guard let colon = digest.firstIndex(of: UInt8(ascii: ":")) else {
            return Problem("the digest '\(text.slice(digest))' must be ALGORITHM:HEX, such as sha256:<64 hex digits>")
        }
        let algorithm = digest[..<colon]
        let hex = part(after: colon, upTo: digest.endIndex, of: digest.base)
        guard let expected = digestLengths.first(where: { matches(algorithm, $0.algorithm) }) else {
            return Problem("the digest algorithm '\(text.slice(algorithm))' is not one Docker verifies (sha256, sha384, sha512)", missingPart: algorithm.isEmpty)
        }
        guard !hex.isEmpty else { return Problem("the \(expected.algorithm) digest has no hex digits after ':'", missingPart: true) }
        guard isLowerHex(hex) else {
            return Problem("the \(expected.algorithm) digest must be lower-case hexadecimal (0-9, a-f)")
        }
        guard hex.count == expected.hexDigits else {
            return Problem("a \(expected.algorithm) digest has \(expected.hexDigits) hex digits, not \(hex.count)")
        }
        return nil
    }

    /// Whether every byte is `0-9` or `a-f`. The digits are counted in a byte-wide counter, which the
    /// compiler turns into vector instructions (a digest is most of the bytes of a reference that has
    /// one); the count is exact up to 255 bytes, so longer text, never a digest, is checked a byte at a time.
    static func isLowerHex(_ hex: Bytes) -> Bool {
        let isHexDigit = { (byte: UInt8) in IPAddress.isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) }
        guard hex.count <= UInt8.max else { return hex.allSatisfy(isHexDigit) }
        var digits: UInt8 = 0
        for byte in hex where isHexDigit(byte) { digits &+= 1 }
        return Int(digits) == hex.count
    }

    /// The bytes after the ASCII delimiter at `delimiter`, up to `end`. Byte by byte, as the distribution
    /// grammar reads a reference: a combining mark after a delimiter (`app:\u{301}1.0`) belongs to the part
    /// after it, which it makes invalid, rather than joining the delimiter into one `Character`.
    static func part(after delimiter: Int, upTo end: Int, of bytes: UnsafeBufferPointer<UInt8>) -> Bytes {
        bytes[min(delimiter + 1, end)..<end]
    }

    /// Whether the bytes are those of `word`, compared in place: stepping `String.UTF8View` costs
    /// several times more.
    static func matches(_ bytes: Bytes, _ word: String) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { bytes.elementsEqual($0) } ?? bytes.elementsEqual(word.utf8)
    }

    /// A part's text from its bytes, which are whole UTF-8 sequences: a part starts and ends next to
    /// an ASCII delimiter, or after the marks that join one.
    static func string(_ bytes: Bytes) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }

    static func isUpper(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerOrDigit(byte) || isUpper(byte)
    }

    static func isLowerOrDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || IPAddress.isDigit(byte)
    }
}

extension StringProtocol {
    /// The text of a part of this reference, for a message.
    fileprivate func slice(_ part: ImageReference.Bytes) -> Substring {
        Substring(self).slice(part.startIndex, part.endIndex)
    }
}
