import Foundation
import TestSupport
import Testing

/// The shared helpers the end-to-end tests stand on.
struct TestSupportTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    @Test func temporaryDirectoryIsUniqueAndRemovesItself() throws {
        var path = ""
        do {
            let first = try TemporaryDirectory()
            let second = try TemporaryDirectory()
            #expect(first.path != second.path)
            #expect(first.path.hasPrefix(FileManager.default.temporaryDirectory.path))
            let file = try first.write("a/b/c.yaml", "x: 1\n")
            #expect(file == first.path("a/b/c.yaml"))
            #expect(try String(contentsOfFile: file, encoding: .utf8) == "x: 1\n")
            let raw = try first.write("raw.bin", bytes: [0xFF, 0x00, 0x0A])
            #expect(FileManager.default.contents(atPath: raw) == Data([0xFF, 0x00, 0x0A]))
            var isDirectory: ObjCBool = false
            let made = try first.makeDirectory("x/y")
            #expect(FileManager.default.fileExists(atPath: made, isDirectory: &isDirectory) && isDirectory.boolValue)
            path = first.path
        }
        #expect(!FileManager.default.fileExists(atPath: path), "removed with its contents when released")
    }

    @Test func packageRootHoldsThePackage() {
        #expect(FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("Package.swift").path))
        #expect(FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("samples").path))
    }

    @Test func stackcBinaryIsBuiltBesideTheTests() {
        #expect(FileManager.default.isExecutableFile(atPath: stackcBinary.path), "\(stackcBinary.path)")
    }

    @Test func largeOutputOnBothStreamsDoesNotDeadlock() throws {
        // 1 MiB on each stream, far beyond a pipe buffer, interleaved.
        let script = "i=0; while [ $i -lt 16 ]; do head -c 65536 /dev/zero | tr '\\0' o; head -c 65536 /dev/zero | tr '\\0' e >&2; i=$((i+1)); done"
        let run = try runStackc(["-c", script], binary: Self.shell)
        #expect(run.status == 0)
        #expect(run.stdout.utf8.count == 1 << 20 && run.stdout.allSatisfy { $0 == "o" })
        #expect(run.stderr.utf8.count == 1 << 20 && run.stderr.allSatisfy { $0 == "e" })
    }

    @Test func standardInputIsSent() throws {
        let run = try runStackc(["-c", "cat; echo done >&2"], stdin: "line 1\nline 2 é😀\n", binary: Self.shell)
        #expect(run.stdout == "line 1\nline 2 é😀\n")
        #expect(run.stderr == "done\n")
        let empty = try runStackc(["-c", "cat"], binary: Self.shell)
        #expect(empty.stdout == "", "without stdin the child reads an empty input, never the test's own")
    }

    @Test func environmentHasNoColourUnlessOverridden() throws {
        let script = "printf '%s|%s|%s' \"${NO_COLOR-unset}\" \"${STACKC_T-unset}\" \"$PWD\""
        let plain = try runStackc(["-c", script], binary: Self.shell)
        #expect(plain.stdout == "1|unset|\(packageRoot.path)")
        let overridden = try runStackc(["-c", script], environment: ["NO_COLOR": "", "STACKC_T": "v"], binary: Self.shell)
        #expect(overridden.stdout == "|v|\(packageRoot.path)")
        let folder = try TemporaryDirectory()
        let removed = try runStackc(["-c", script], removingEnvironment: ["NO_COLOR"], currentDirectory: folder.url, binary: Self.shell)
        #expect(removed.stdout.hasPrefix("unset|unset|"))
    }

    @Test func exitStatusAndSignals() throws {
        #expect(try runStackc(["-c", "exit 3"], binary: Self.shell).status == 3)
        #expect(try runStackc(["-c", "kill -9 $$"], binary: Self.shell).status == 128 + 9)
    }

    @Test func missingBinaryIsAClearError() {
        #expect(throws: StackcBinaryNotFound.self) {
            try runStackc(["--version"], binary: URL(fileURLWithPath: "/nonexistent/stackc"))
        }
    }
}
