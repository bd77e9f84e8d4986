/// File names as CI systems want them. GitHub annotations and SARIF results are matched against the
/// checkout, so an absolute path inside the working folder is shown relative to it, and `./` is dropped.
public enum ArtifactPath {
    public static func relative(_ path: String, to workingDirectory: String) -> String {
        var path = path
        if !workingDirectory.isEmpty, path.hasPrefix("/") {
            let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
            if path.hasPrefix(base) { path.removeFirst(base.count) }
        }
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }

    /// RFC 3986 percent-encoding of a path: every byte except unreserved characters and `/` is encoded,
    /// so spaces, `%`, `#`, `?`, `:` and non-ASCII names make valid URI references.
    static func uriEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }
}
