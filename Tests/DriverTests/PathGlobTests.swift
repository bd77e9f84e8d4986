import Driver
import Foundation
import TestSupport
import Testing

/// `--exclude` follows gitignore, so git itself is the oracle: each pattern is written to a
/// `.gitignore` and `git check-ignore --no-index` says whether it ignores the path.
struct PathGlobTests {
    static let cases: [(pattern: String, path: String)] = {
        let patterns = ["*.yaml", "vendor", "vendor/", "/vendor", "deploy/*.yml", "deploy/**/old-*.yml", "**/tmp/**",
                        "a/**/b", "**/x.yaml", "c?.yaml", "[ab]*.yml", "[!a]*.yml", "[a-c]1.yml", "/top.yaml", "docs/*",
                        "*.generated.*", "x\\*.yml", "sub/dir/", "[z-a].yml", "[unclosed.yml"]
        let paths = ["a.yaml", "vendor/x.yml", "src/vendor/x.yml", "vendor.yml", "deploy/a.yml", "deploy/sub/a.yml",
                     "deploy/old-1.yml", "deploy/x/y/old-2.yml", "tmp/a.yml", "q/tmp/r/s.yml", "a/b", "a/x/y/b", "a/b/c.yml",
                     "x.yaml", "z/x.yaml", "c1.yaml", "cc1.yaml", "a1.yml", "b1.yml", "d1.yml", "top.yaml", "q/top.yaml",
                     "docs/a.yml", "docs/a/b.yml", "k.generated.yaml", "x*.yml", "xa.yml", "sub/dir/f.yml", "sub/dir",
                     "[unclosed.yml", "u.yml"]
        return patterns.flatMap { pattern in paths.map { (pattern, $0) } }
    }()

    /// One git call per pattern, asking about every path at once.
    static func gitIgnored(pattern: String, paths: [String]) throws -> Set<String> {
        let folder = try TemporaryDirectory()
        try folder.write(".gitignore", pattern + "\n")
        let initialise = Process()
        initialise.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        initialise.arguments = ["git", "init", "--quiet", folder.path]
        try initialise.run()
        initialise.waitUntilExit()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotePath=false", "check-ignore", "--no-index", "--stdin"]
        process.currentDirectoryURL = folder.url
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(paths.joined(separator: "\n").utf8 + [0x0A]))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // 0: some path ignored, 1: none; anything else is git failing, which must not pass as "none".
        #expect(process.terminationStatus <= 1, "git check-ignore failed for \(pattern)")
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    @Test func agreesWithGitCheckIgnore() throws {
        let byPattern = Dictionary(grouping: Self.cases, by: \.pattern)
        var compared = 0
        for (pattern, cases) in byPattern {
            let paths = cases.map(\.path)
            let ignored = try Self.gitIgnored(pattern: pattern, paths: paths)
            let glob = PathGlob(pattern)
            for path in paths {
                #expect(glob.excludes(path, workingDirectory: "/w") == ignored.contains(path), "pattern \(pattern) path \(path)")
                compared += 1
            }
        }
        #expect(compared == Self.cases.count)
    }

    @Test func absolutePathsBelowTheWorkingFolderMatchAsRelative() {
        #expect(PathGlob("/vendor").excludes("/w/vendor/a.yml", workingDirectory: "/w"))
        #expect(PathGlob("deploy/*.yml").excludes("/w/deploy/a.yml", workingDirectory: "/w/"))
        #expect(!PathGlob("/vendor").excludes("/elsewhere/vendor/a.yml", workingDirectory: "/w"))
        #expect(PathGlob("vendor").excludes("/elsewhere/vendor/a.yml", workingDirectory: "/w"), "unanchored names match at any depth")
        #expect(PathGlob("*.yml").excludes("./a.yml", workingDirectory: "/w"))
    }

    /// Where `--exclude` departs from `.gitignore`: a leading `./` names the working folder.
    @Test func leadingDotSlashIsAnchored() {
        #expect(PathGlob("./top.yaml").excludes("top.yaml", workingDirectory: "/w"))
        #expect(!PathGlob("./top.yaml").excludes("q/top.yaml", workingDirectory: "/w"))
    }
}
