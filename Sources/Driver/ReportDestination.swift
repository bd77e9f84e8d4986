import Reporting

/// One report of a run: a format and where it goes (a file, or standard output when `path` is nil).
public struct ReportDestination: Sendable, Equatable {
    public var format: ReportFormat
    public var path: String?

    public init(format: ReportFormat, path: String? = nil) {
        self.format = format
        self.path = path
    }

    /// Which of the two flags came where on the command line. The argument parser keeps each flag's
    /// values in order but not how they interleave, which is what pairs an `--output` with its `--format`.
    public enum Flag: Sendable, Equatable {
        case format, output
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The order of `--format` and `--output` in raw arguments (`--format x`, `--format=x`), up to `--`.
    public static func flagOrder(in arguments: [String]) -> [Flag] {
        var order: [Flag] = []
        for argument in arguments {
            if argument == "--" { break }
            if argument == "--format" || argument.hasPrefix("--format=") { order.append(.format) }
            if argument == "--output" || argument.hasPrefix("--output=") { order.append(.output) }
        }
        return order
    }

    /// Pairs `--format F --output FILE`: each `--output` belongs to the nearest `--format` before it; a
    /// format without one writes to standard output, and only one may. With no `--format` the report
    /// is text, and a lone `--output` sends that text to a file.
    public static func pair(order: [Flag], formats: [ReportFormat], outputs: [String]) throws(Failure) -> [ReportDestination] {
        guard order.filter({ $0 == .format }).count == formats.count, order.filter({ $0 == .output }).count == outputs.count else {
            throw Failure(description: "cannot tell which --output belongs to which --format; write each as --format F --output FILE")
        }
        if formats.isEmpty {
            guard outputs.count <= 1 else { throw Failure(description: "several --output files need a --format before each") }
            return [ReportDestination(format: .text, path: outputs.first)]
        }
        var destinations: [ReportDestination] = []
        var nextFormat = 0
        var nextOutput = 0
        for flag in order {
            switch flag {
            case .format:
                destinations.append(ReportDestination(format: formats[nextFormat]))
                nextFormat += 1
            case .output:
                let path = outputs[nextOutput]
                nextOutput += 1
                guard let last = destinations.indices.last else {
                    throw Failure(description: "--output \(path) comes before any --format; write --format F --output FILE")
                }
                guard destinations[last].path == nil else {
                    throw Failure(description: "--format \(destinations[last].format.rawValue) has two --output files; give each its own --format")
                }
                destinations[last].path = path
            }
        }
        if destinations.filter({ $0.path == nil }).count > 1 {
            throw Failure(description: "only one report can go to standard output; give the other formats --output FILE")
        }
        let paths = destinations.compactMap(\.path)
        if let duplicate = paths.first(where: { path in paths.filter { $0 == path }.count > 1 }) {
            throw Failure(description: "--output \(duplicate) is named twice")
        }
        return destinations
    }
}
