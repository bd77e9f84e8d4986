/// How much a finding matters. Ordered, so "the worst finding of a file" is a `max`.
public enum Severity: Int, Comparable, Sendable, CaseIterable, CustomStringConvertible {
    case info = 0
    case warning = 1
    case error = 2

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        }
    }

    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.description == name }) else { return nil }
        self = match
    }
}
