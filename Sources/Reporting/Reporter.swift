import Diagnostics

/// An output format. Reporters are pure: they turn file reports into text and the driver decides where
/// the text goes, so every format is testable without a terminal or a file.
///
/// Streaming formats return text for each file as it arrives (input order is the driver's job);
/// document formats such as JSON keep state and return everything from `finish`.
public protocol Reporter {
    /// Text to emit for one file, as soon as it is known.
    mutating func report(_ file: FileReport) -> String
    /// Text to emit at the end of the run.
    mutating func finish(_ summary: Summary) -> String
}

/// The output formats `lint` offers.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json

    public func makeReporter(colors: Bool) -> any Reporter {
        switch self {
        case .text: TextReporter(colors: colors)
        case .json: JSONReporter()
        }
    }
}
