extension SignedRequest {
    /// What in this request is likely to make the server compute a different signature, although it was signed
    /// faithfully: servers drop whitespace around header values before they rebuild the string-to-sign (the
    /// SDK signs values untrimmed), and a `Date` that is not an HTTP date is refused or read differently.
    public var warnings: [String] {
        var warnings: [String] = []
        let signedNames: Set<String> = ["accept", "content-md5", "content-type", "date"]
        for (name, value) in headers where signedNames.contains(name.lowercased()) || name.lowercased().hasPrefix("x-acs-") {
            if let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
               first.properties.isWhitespace || last.properties.isWhitespace {
                warnings.append("header '\(name)' begins or ends with whitespace; servers drop it before checking the signature, so it will not match")
            }
            if name.lowercased() == "date", !HTTPDate.isIMFFixdate(value) {
                warnings.append("Date '\(value)' is not an HTTP date such as 'Wed, 16 Dec 2015 12:20:18 GMT'; the server will refuse it")
            }
        }
        return warnings
    }
}
