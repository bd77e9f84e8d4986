/// Which variable names hold secrets, so `render` can show `${NAME}` instead of their values. A name is
/// secret when its upper-cased form contains one of `markers` (`DB_PASSWORD`, `GITHUB_TOKEN`,
/// `AWS_SECRET_ACCESS_KEY`, `SSH_PRIVATE_KEY`). Matching is by substring on purpose: hiding `MONKEY`
/// by mistake costs a `--show-secrets`; printing a password costs a rotated credential.
public enum SecretNames {
    public static let markers = [
        "PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "KEY", "CREDENTIAL", "PRIVATE",
        "AUTH", "SALT", "COOKIE", "SESSION", "SIGNATURE", "DSN",
    ]

    public static func looksSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        return markers.contains { upper.contains($0) }
    }
}
