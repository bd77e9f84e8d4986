@testable import Model

/// The image reference parser as it was before the single-pass rewrite (commit bcd5b65), frozen here
/// as the oracle of `ImageReferenceDifferentialTests`: a verbatim copy of `ImageReference.parse` and its
/// helpers, changed only to name `ImageReference`'s types and limits from outside. It lives in the test
/// target only and must not be edited to follow the new code: any difference between the two is a
/// behaviour change.
enum ImageReferenceOracle {
    static func parse(_ text: String) -> Result<ImageReference, ImageReference.Problem> {
        guard !text.isEmpty else { return .failure(ImageReference.Problem("the reference is empty", missingPart: true)) }
        // Bytes first: Unicode properties are looked up only for the rare reference that is not plain ASCII.
        if text.containsByte(where: { $0 <= 0x20 || $0 >= 0x7F }),
           let offset = text.unicodeScalars.firstIndex(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            let position = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: offset) + 1
            return .failure(ImageReference.Problem("it contains whitespace or a control character (character \(position))"))
        }
        var rest = Substring(text)
        var digest: String?
        if let at = rest.firstIndex(ascii: "@") {
            let value = rest[rest.index(after: at)...]
            if let problem = checkDigest(value) { return .failure(problem) }
            digest = String(value)
            rest = rest[..<at]
        }
        var tag: String?
        if let colon = rest.lastIndex(ascii: ":"), rest.lastIndex(ascii: "/").map({ colon > $0 }) ?? true {
            let value = rest[rest.index(after: colon)...]
            if let problem = checkTag(value) { return .failure(problem) }
            tag = String(value)
            rest = rest[..<colon]
        }
        guard !rest.isEmpty else { return .failure(ImageReference.Problem("the repository name before '\(tag != nil ? ":" : "@")' is empty", missingPart: true)) }
        guard rest.utf8.count <= ImageReference.maximumNameLength else {
            return .failure(ImageReference.Problem("the repository name is \(rest.utf8.count) characters long; the limit is \(ImageReference.maximumNameLength)"))
        }
        var components = rest.split(ascii: "/")
        var registry: String?
        if components.count > 1, isRegistry(components[0]) {
            if let problem = checkRegistry(components[0]) { return .failure(problem) }
            registry = String(components.removeFirst())
        }
        for component in components {
            if let problem = checkPathComponent(component) { return .failure(problem) }
        }
        return .success(ImageReference(registry: registry, path: components.joined(separator: "/"), tag: tag, digest: digest))
    }

    static func isRegistry(_ component: Substring) -> Bool {
        component.contains(ascii: ".") || component.contains(ascii: ":") || component == "localhost" || component.containsByte(where: isUpper)
    }

    /// `host[:port]`: dot-separated labels of letters, digits and inner hyphens, or an IPv6 address in brackets.
    static func checkRegistry(_ text: Substring) -> ImageReference.Problem? {
        var host = text
        var port: Substring?
        if text.hasPrefix(ascii: "[") {
            guard let close = text.firstIndex(ascii: "]"), IPAddress.isIPv6(text[text.index(after: text.startIndex)..<close]) else {
                return ImageReference.Problem("the registry '\(text)' opens '[' but holds no IPv6 address in brackets")
            }
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(ascii: ":") else { return ImageReference.Problem("the registry '\(text)' has text after ']' that is not ':PORT'") }
                port = after.dropFirst()
            }
        } else {
            if let colon = text.firstIndex(ascii: ":") {
                host = text[..<colon]
                port = text[text.index(after: colon)...]
            }
            guard host.split(ascii: ".").allSatisfy(isHostLabel) else {
                return ImageReference.Problem("the registry host '\(host)' is not a host name (labels of letters, digits and inner '-', separated by '.')",
                               missingPart: host.isEmpty)
            }
        }
        if let port, port.isEmpty || !port.allBytes(satisfy: IPAddress.isDigit) {
            return ImageReference.Problem("the registry port '\(port)' of '\(text)' is not a number", missingPart: port.isEmpty)
        }
        return nil
    }

    static func isHostLabel(_ label: Substring) -> Bool {
        guard let first = label.utf8.first, let last = label.utf8.last, isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return label.allBytes { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// `[a-z0-9]+` joined by one separator: `.`, `_`, `__` or a run of `-`.
    static func checkPathComponent(_ component: Substring) -> ImageReference.Problem? {
        guard !component.isEmpty else {
            return ImageReference.Problem("the repository path has an empty component (a leading, trailing or doubled '/')", missingPart: true)
        }
        if component.containsByte(where: isUpper) {
            return ImageReference.Problem("'\(component)' has upper-case letters; repository names must be lower case ('\(component.lowercased())')")
        }
        if !component.allBytes(satisfy: { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }),
           let bad = component.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-")) }) {
            let hint = bad == ":" ? "; a reference has one ':', before the tag" : ""
            return ImageReference.Problem("'\(component)' contains '\(bad)'; repository names may contain only a-z, 0-9, '.', '_' and '-'\(hint)")
        }
        let bytes = Array(component.utf8)
        guard isAlphanumeric(bytes.first!), isAlphanumeric(bytes.last!) else {
            return ImageReference.Problem("'\(component)' must start and end with a letter or digit")
        }
        var index = 0
        while index < bytes.count {
            guard !isAlphanumeric(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.count, !isAlphanumeric(bytes[index]) { index += 1 }
            let separator = bytes[start..<index]
            let valid = separator.count == 1 || separator.elementsEqual("__".utf8) || separator.allSatisfy { $0 == UInt8(ascii: "-") }
            if !valid {
                return ImageReference.Problem("'\(component)' has the separator '\(String(decoding: separator, as: UTF8.self))'; between letters and digits use one '.', '_', '__' or a run of '-'")
            }
        }
        return nil
    }

    /// Checks a tag alone (`[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`), for platforms that keep it apart from
    /// the repository (Alauda's `image_tag`).
    static func checkTag(_ tag: Substring) -> ImageReference.Problem? {
        guard let first = tag.utf8.first else { return ImageReference.Problem("the tag after ':' is empty", missingPart: true) }
        guard tag.utf8.count <= ImageReference.maximumTagLength else { return ImageReference.Problem("the tag is \(tag.utf8.count) characters long; the limit is \(ImageReference.maximumTagLength)") }
        guard isAlphanumeric(first) || first == UInt8(ascii: "_") else { return ImageReference.Problem("the tag '\(tag)' must start with a letter, digit or '_'") }
        if !tag.allBytes(satisfy: { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }),
           let bad = tag.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-")) }) {
            return ImageReference.Problem("the tag '\(tag)' contains '\(bad)'; tags may contain only letters, digits, '_', '.' and '-'")
        }
        return nil
    }

    /// `ALGORITHM:HEX` with an algorithm Docker verifies and hex of its exact length.
    static func checkDigest(_ digest: Substring) -> ImageReference.Problem? {
        guard !digest.isEmpty else { return ImageReference.Problem("the digest after '@' is empty", missingPart: true) }
        guard let colon = digest.firstIndex(ascii: ":") else { return ImageReference.Problem("the digest '\(digest)' must be ALGORITHM:HEX, such as sha256:<64 hex digits>") }
        let algorithm = digest[..<colon]
        let hex = digest[digest.index(after: colon)...]
        guard let expected = ImageReference.digestLengths.first(where: { $0.algorithm == algorithm }) else {
            return ImageReference.Problem("the digest algorithm '\(algorithm)' is not one Docker verifies (sha256, sha384, sha512)", missingPart: algorithm.isEmpty)
        }
        guard !hex.isEmpty else { return ImageReference.Problem("the \(algorithm) digest has no hex digits after ':'", missingPart: true) }
        guard hex.allBytes(satisfy: { IPAddress.isDigit($0) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }) else {
            return ImageReference.Problem("the \(algorithm) digest must be lower-case hexadecimal (0-9, a-f)")
        }
        guard hex.utf8.count == expected.hexDigits else {
            return ImageReference.Problem("a \(algorithm) digest has \(expected.hexDigits) hex digits, not \(hex.utf8.count)")
        }
        return nil
    }

    static func isUpper(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        IPAddress.isDigit(byte) || isUpper(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
    }
}
