import Diagnostics
import TestSupport
import Testing

/// The one file reader: whole files byte for byte, at most one byte past the limit, and clear failures.
struct FileBytesTests {
    @Test func readsTheWholeFileByteForByte() throws {
        let folder = try TemporaryDirectory()
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = try folder.write("data.bin", bytes: bytes)
        #expect(try FileBytes.contents(ofFile: path).get() == bytes)
    }

    @Test func emptyFileIsEmpty() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("empty.yaml", "")
        #expect(try FileBytes.contents(ofFile: path).get() == [])
    }

    @Test func stopsOneBytePastTheLimit() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("big.yaml", String(repeating: "a", count: 10_000))
        #expect(try FileBytes.contents(ofFile: path, maxBytes: 100).get().count == 101)
        #expect(try FileBytes.contents(ofFile: path, maxBytes: 10_000).get().count == 10_000)
    }

    @Test func missingFileAndFolderAreFailuresThatSaySo() throws {
        let folder = try TemporaryDirectory()
        let missing = FileBytes.contents(ofFile: folder.path("absent.yaml"))
        #expect(throws: FileBytes.Failure.self) { try missing.get() }
        if case .failure(let failure) = missing { #expect(failure.message == "cannot read: No such file or directory") }
        if case .failure(let failure) = FileBytes.contents(ofFile: folder.path("")) {
            #expect(failure.message == "cannot read: it is a directory")
        } else {
            Issue.record("a folder was read as a file")
        }
    }
}
