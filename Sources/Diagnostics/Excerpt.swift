/// Template text quoted in a message, shortened: a 30 MiB scalar or a 5,000-deep expression must not
/// turn one diagnostic into megabytes of output.
public func excerpt(_ text: String, limit: Int = 60) -> String {
    guard text.count > limit else { return text }
    let head = text.prefix(limit * 2 / 3)
    let tail = text.suffix(limit / 3 - 1)
    return "\(head)…\(tail)"
}
