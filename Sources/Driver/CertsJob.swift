#if canImport(Glibc)
import Glibc
#endif
import Submit

/// `stackc certs --cluster-id ID --out DIR`: the cluster's certificates from the signed OpenAPI written as
/// the Docker-style folder `--cert-dir` (and `docker --tlsverify`) read — `ca.pem`, `cert.pem`, `key.pem`
/// — each file 0600 and written atomically (a reader never sees half a key), the folder created 0700 when
/// absent. The key is written, never printed: traces hide it (`Redactor`) and the summary names files only.
public struct CertsJob {
    public var access: PlatformAccess
    public var folder: String

    /// The files, in the order written; Docker's names for them.
    public static let fileNames = ["ca.pem", "cert.pem", "key.pem"]

    public init(access: PlatformAccess, folder: String) {
        self.access = access
        self.folder = folder
    }

    public func run(environment: [String: String], output: CommandOutput) -> CommandResult {
        if let problem = Self.prepare(folder) { return output.fail(problem, status: 2) }
        let certificates: ClusterCertificates
        switch access.clusterCertificates(environment: environment, output: output) {
        case .failure(let ended): return ended.result
        case .success(let fetched): certificates = fetched
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        for (name, text) in zip(Self.fileNames, [certificates.ca, certificates.cert, certificates.key]) {
            do {
                try AtomicFile.write(Array(text.utf8), to: base + name, mode: 0o600)
            } catch {
                return output.fail("\(error.description) (the files written before it stay)", status: 2)
            }
        }
        let cluster = access.cluster?.clusterID ?? ""
        output.standardOutput("stackc: wrote \(Self.fileNames.joined(separator: ", ")) of cluster \(cluster) to \(base) (mode 0600); "
            + "use them with --cert-dir \(base) and the cluster's master_url as --endpoint\n")
        return .exit(0)
    }

    /// Creates `path` (and missing parents) with mode 0700, or says why it cannot be the folder.
    static func prepare(_ path: String) -> String? {
        var info = stat()
        if stat(path, &info) == 0 {
            return (info.st_mode & S_IFMT) == S_IFDIR ? nil : "--out \(path) exists and is not a folder"
        }
        var built = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            built += component + "/"
            if mkdir(built, 0o700) != 0 && errno != EEXIST {
                return "cannot create the folder \(built): \(String(cString: strerror(errno)))"
            }
        }
        return nil
    }
}
