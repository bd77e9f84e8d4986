import Foundation

/// A fresh, uniquely named folder under the system temporary directory, removed with everything in it
/// when the value is released.
public final class TemporaryDirectory: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("stackc-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The folder's own path.
    public var path: String { url.path }

    /// The absolute path of `relativePath` inside the folder (nothing is created).
    public func path(_ relativePath: String) -> String {
        url.appendingPathComponent(relativePath).path
    }

    /// Writes a UTF-8 text file, creating intermediate folders, and returns its absolute path.
    @discardableResult
    public func write(_ relativePath: String, _ contents: String) throws -> String {
        try write(relativePath, bytes: Array(contents.utf8))
    }

    /// Writes raw bytes (for encodings, BOMs and invalid UTF-8), creating intermediate folders, and
    /// returns the file's absolute path.
    @discardableResult
    public func write(_ relativePath: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// Creates a (possibly nested) folder and returns its absolute path.
    @discardableResult
    public func makeDirectory(_ relativePath: String) throws -> String {
        let folder = url.appendingPathComponent(relativePath, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }
}
