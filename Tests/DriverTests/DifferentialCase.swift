import Foundation

/// One line of `Fixtures/compose-differential.jsonl`: a mutated corpus file, the variables and `.env`
/// file of its run, and what Docker Compose said of it.
struct DifferentialCase: Decodable, Sendable, CustomStringConvertible {
    /// `class/template/corpus file`.
    var name: String
    /// The mutation class (`type`, `conversion`, … `valid`).
    var kind: String
    var source: String
    var yaml: String
    var env: [String: String]?
    var dotenv: String?
    var composeAccepts: Bool
    var composeError: String

    enum CodingKeys: String, CodingKey {
        case name, kind = "class", source, yaml, env, dotenv, composeAccepts, composeError
    }

    /// The mutation: the case's name without its corpus file.
    var template: String {
        name.split(separator: "/", maxSplits: 2).prefix(2).joined(separator: "/")
    }

    var description: String { name }

    private static let lines: [Substring] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/compose-differential.jsonl")
        return ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n")
    }()

    static var fixtureLineCount: Int { lines.count }

    static let fixture: [DifferentialCase] = lines.compactMap {
        try? JSONDecoder().decode(DifferentialCase.self, from: Data($0.utf8))
    }
}
