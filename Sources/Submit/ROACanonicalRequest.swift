/// The string-to-sign of an ROA request, built as aliyun-python-sdk-core 2.16.1 builds it
/// (`roa_signature_composer.compose_string_to_sign`; `/work/shared/ALIYUN.md` §1 walks through it):
///
/// ```
/// METHOD \n Accept \n Content-MD5 \n Content-Type \n Date \n
/// x-acs-name:value \n …   (every x-acs-* header, name lower-cased, sorted, value untouched)
/// /path?key=value&key2&…  (decoded, unencoded, sorted by key)
/// ```
///
/// Where the SDK's quirks decide the result, this follows the SDK, because the server was built to accept
/// what the SDK sends: values are neither trimmed nor encoded, a missing header leaves an empty line, and
/// text after a `?` in the path becomes one more query key without a value. One difference: header names are
/// matched without regard to case (the SDK looks up `"Content-Type"` exactly, so it would sign an empty line
/// for a `content-type` header the server still receives).
struct ROACanonicalRequest {
    let method: String
    let path: String
    let query: [(name: String, value: String?)]
    let headers: [(name: String, value: String)]

    var stringToSign: String {
        let standardLines = [method] + ["Accept", "Content-MD5", "Content-Type", "Date"].map { value(of: $0) ?? "" }
        return standardLines.map { $0 + "\n" }.joined() + canonicalHeaders + canonicalResource
    }

    /// The last value of a header (the SDK keeps headers in a dictionary, so a later one replaces an earlier one).
    private func value(of name: String) -> String? {
        let lowered = name.lowercased()
        return headers.last { $0.name.lowercased() == lowered }?.value
    }

    /// `name:value\n` for every `x-acs-` header, by lower-cased name in code-point order; of two headers whose
    /// names differ only in case, the later one counts, as in the SDK's dictionary.
    private var canonicalHeaders: String {
        var byName: [(name: String, value: String)] = []
        for header in headers {
            let name = header.name.lowercased()
            guard name.utf8.starts(with: "x-acs-".utf8) else { continue }
            byName.removeAll { $0.name.utf8.elementsEqual(name.utf8) }
            byName.append((name, header.value))
        }
        return sortedByCodePoint(byName).map { "\($0.name):\($0.value)\n" }.joined()
    }

    /// The path, then `?` and the sorted query when there is one. Built character for character like the SDK,
    /// including its last step: one trailing `&` is removed from the whole text.
    private var canonicalResource: String {
        var query = query
        // Split on the byte, not on `Character`s: a `?` followed by a combining mark is still the SDK's `?`.
        let parts = path.utf8.split(separator: UInt8(ascii: "?"), maxSplits: 2, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        if parts.count > 1 {
            let key = parts[1]
            query.removeAll { $0.name.utf8.elementsEqual(key.utf8) }
            query.append((key, nil))
        }
        var resource = parts[0]
        if !query.isEmpty { resource += "?" }
        for (name, value) in sortedByCodePoint(query) {
            resource += name
            if let value { resource += "=" + value }
            resource += "&"
        }
        if resource.utf8.last == UInt8(ascii: "&") { resource = String(decoding: resource.utf8.dropLast(), as: UTF8.self) }
        return resource
    }
}

/// Sorts by name in Unicode code-point order (Python's `str` order, which UTF-8 byte order equals), keeping
/// the given order among equal names. Swift's `String` order compares canonical equivalents equal instead.
private func sortedByCodePoint<Value>(_ items: [(name: String, value: Value)]) -> [(name: String, value: Value)] {
    items.enumerated().sorted { left, right in
        if left.element.name.utf8.elementsEqual(right.element.name.utf8) { return left.offset < right.offset }
        return left.element.name.utf8.lexicographicallyPrecedes(right.element.name.utf8)
    }.map(\.element)
}
