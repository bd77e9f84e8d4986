#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One thing to lint: a file on disk or standard input.
public enum Input: Hashable, Sendable {
    case file(String)
    case standardInput

    public var displayName: String {
        switch self {
        case .file(let path): path
        case .standardInput: "<stdin>"
        }
    }
}

/// Turns command-line paths into the ordered list of inputs. Directories are walked in byte order of
/// names (so output order never depends on the file system), taking `*.yml` and `*.yaml` and skipping
/// hidden entries, which also skips `.git` and `.build`. Files named explicitly are taken whatever
/// their extension.
public enum InputDiscovery {
    public struct Problem: Error, Equatable, Sendable {
        public let path: String
        public let message: String
    }

    public static func discover(_ paths: [String]) -> (inputs: [Input], problems: [Problem]) {
        var inputs: [Input] = []
        var problems: [Problem] = []
        for path in paths {
            if path == "-" {
                inputs.append(.standardInput)
                continue
            }
            switch fileType(path) {
            case .directory:
                let before = inputs.count
                walk(directory: path, into: &inputs, problems: &problems)
                if inputs.count == before {
                    problems.append(Problem(path: path, message: "no YAML files (*.yml, *.yaml) in this directory"))
                }
            case .other:
                inputs.append(.file(path))
            case .missing(let reason):
                problems.append(Problem(path: path, message: reason))
            }
        }
        return (inputs, problems)
    }

    /// A directory's identity on disk, so a walk that meets it again through a symbolic link skips it.
    private struct DirectoryID: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    private enum FileType { case directory(DirectoryID), other, missing(String) }

    private static func fileType(_ path: String) -> FileType {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing(String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return .other }
        return .directory(DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
    }

    /// Iterative depth-first walk with a stack, so deep trees cannot exhaust the call stack. Each
    /// directory is entered once, however many symbolic links lead to it, so link loops end.
    private static func walk(directory root: String, into inputs: inout [Input], problems: inout [Problem]) {
        var pending = [root]
        var visited = Set<DirectoryID>()
        if case .directory(let id) = fileType(root) { visited.insert(id) }
        while let directory = pending.popLast() {
            guard let handle = opendir(directory) else {
                problems.append(Problem(path: directory, message: String(cString: strerror(errno))))
                continue
            }
            var files: [String] = []
            var subdirectories: [String] = []
            while let entry = readdir(handle) {
                let name = Self.name(of: entry)
                if name.hasPrefix(".") { continue }
                let path = join(directory, name)
                switch fileType(path) {
                case .directory(let id): if visited.insert(id).inserted { subdirectories.append(path) }
                case .other where isYAMLName(name): files.append(path)
                case .missing(let reason) where isYAMLName(name): problems.append(Problem(path: path, message: reason))
                default: break
                }
            }
            closedir(handle)
            // Files of a directory come before its subdirectories; both in byte order.
            inputs.append(contentsOf: sortedByBytes(files).map(Input.file))
            pending.append(contentsOf: sortedByBytes(subdirectories).reversed())
        }
    }

    /// The YAML files directly in `directory` (not below it), in byte order; none when it cannot be read.
    static func yamlFiles(in directory: String) -> [String] {
        let directory = directory.isEmpty ? "." : directory
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var files: [String] = []
        while let entry = readdir(handle) {
            let name = Self.name(of: entry)
            if !name.hasPrefix("."), isYAMLName(name), case .other = fileType(join(directory, name)) { files.append(join(directory, name)) }
        }
        return sortedByBytes(files)
    }

    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { raw in String(cString: raw.bindMemory(to: CChar.self).baseAddress!) }
    }

    /// `dir/name`, without a leading `./` when walking the current folder, so paths print as users write them.
    private static func join(_ directory: String, _ name: String) -> String {
        if directory == "." || directory == "./" { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func isYAMLName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".yml") || lower.hasSuffix(".yaml")
    }

    /// Names in byte order, compared as byte arrays made once: comparing `String.UTF8View`s steps string
    /// indices and cost more than reading a folder of 10,000 files.
    private static func sortedByBytes(_ names: [String]) -> [String] {
        names.map { (bytes: Array($0.utf8), name: $0) }.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }.map(\.name)
    }
}
