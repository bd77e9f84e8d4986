/// One-line `.env` files Compose refuses whole, each with the finding lint gives for it at `.env:1:…`:
/// render and build must refuse them as lint does, in-process and on the command line.
public let brokenDotEnvLines: [(line: String, finding: String)] = [
    ("V=${W:?W is required}\n", ".env:1:3: error: required variable W is missing a value: W is required [env-file-syntax]"),
    ("V=\"abc\n", ".env:1:3: error: unterminated quoted value: the \" that opens it is never closed [env-file-syntax]"),
    ("A$B=1\n", ".env:1:2: error: unexpected character \"$\" in variable name \"A$B\" [env-file-syntax]"),
    ("MY V=1\n", ".env:1:1: error: key cannot contain a space [env-file-syntax]"),
]
