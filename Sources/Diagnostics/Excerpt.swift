/// Template text quoted in a message, shortened: a 30 MiB scalar or a 5,000-deep expression must not
/// turn one diagnostic into megabytes of output.
public func excerpt(_ text: String, limit: Int = 60) -> String {
    guard text.count > limit else { return text }
    let head = text.prefix(limit * 2 / 3)
    let tail = text.suffix(limit / 3 - 1)
    return "\(head)…\(tail)"
}

/// A message with every quoted value ('…' or "…") longer than `quotedLimit` characters shortened by
/// `excerpt`, and the whole held to `totalLimit`. Rules quote template text in their messages; without
/// this a 3,000-character image name quoted twice makes a 6 KB finding, and a hundred such entries
/// megabytes of output. Every `Diagnostic` passes its messages through here, so no rule can forget.
public func boundingQuotedText(_ message: String, quotedLimit: Int = 200, totalLimit: Int = 2000) -> String {
    guard message.utf8.count > quotedLimit else { return message }
    // Quotes are ASCII, so the search runs over bytes; only values found long are counted in characters.
    let single = UInt8(ascii: "'"), double = UInt8(ascii: "\"")
    var result = ""
    var rest = Substring(message)
    while let open = rest.utf8.firstIndex(where: { $0 == single || $0 == double }) {
        let quote = rest.utf8[open]
        let afterOpen = rest.utf8.index(after: open)
        result += rest[..<afterOpen]
        rest = rest[afterOpen...]
        guard let close = rest.utf8.firstIndex(of: quote) else { break }
        let quoted = rest[..<close]
        if quoted.utf8.count > quotedLimit && quoted.count > quotedLimit {
            result += excerpt(String(quoted))
        } else {
            result += quoted
        }
        rest = rest[close...]
        let afterClose = rest.utf8.index(after: rest.startIndex)
        result += rest[..<afterClose]
        rest = rest[afterClose...]
    }
    result += rest
    return result.utf8.count > totalLimit ? excerpt(result, limit: totalLimit) : result
}
