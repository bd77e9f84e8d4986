/// A tree of many small templates, some with known findings, and the exact text report `stackc lint`
/// must print for it: shared by the in-process `LintJob` tests and the end-to-end CLI tests.
///
/// Files are `g0/f00.yaml` … `g9/f99.yaml` (index = 100 × folder + file, so walking order is index
/// order). Index divisible by 7: a duplicate key (error + note). Else by 11: a service that is a string
/// (error). Else by 13: a variable set twice (warning + note). Everything else is valid.
public enum ManyFiles {
    public static let count = 1000

    /// Hand-counted totals for 0..<1000: multiples of 7: 143; of 11 but not 7: 91 − 13 = 78; of 13 but
    /// neither 7 nor 11: 77 − 11 − 7 + 1 = 60.
    public static let errors = 221
    public static let warnings = 60
    public static let filesWithFindings = 281
    public static let summaryLine = "221 errors and 60 warnings in 281 files (1000 files checked)"

    public static func relativePath(_ index: Int) -> String {
        "g\(index / 100)/f\(index % 100 < 10 ? "0" : "")\(index % 100).yaml"
    }

    public static func contents(_ index: Int) -> String {
        if index % 7 == 0 { return "services:\n  web:\n    image: nginx:1.25\n    image: nginx:1.26\n" }
        if index % 11 == 0 { return "services:\n  api: example/api:2.1\n" }
        if index % 13 == 0 { return "services:\n  web:\n    image: nginx:1.25\n    environment:\n      - A=1\n      - A=2\n" }
        return "services:\n  web:\n    image: nginx:1.25\n    ports:\n      - \"\(8000 + index % 100):80\"\n"
    }

    /// The text report for one file, shown as `shown`.
    public static func expectedText(_ index: Int, shown: String) -> String {
        if index % 7 == 0 {
            return "\(shown):4:5: error: duplicate key 'image'; a mapping may define each key only once [duplicate-key]\n"
                + "\(shown):3:5: note: first defined here\n"
        }
        if index % 11 == 0 {
            return "\(shown):2:8: error: services.api must be a service definition (a mapping) for service 'api', not a string [invalid-structure]\n"
        }
        if index % 13 == 0 {
            return "\(shown):6:9: warning: variable 'A' is set twice in the environment of service 'web'; the later value wins, remove one [duplicate-env]\n"
                + "\(shown):5:9: note: first set here\n"
        }
        return ""
    }

    /// Writes every file under `folder`.
    public static func write(into folder: TemporaryDirectory) throws {
        for index in 0..<count { try folder.write(relativePath(index), contents(index)) }
    }

    /// The whole text report when the tree is linted as `root` (joined with `/`, or bare when empty).
    public static func expectedReport(root: String) -> String {
        (0..<count).map { expectedText($0, shown: root.isEmpty ? relativePath($0) : root + "/" + relativePath($0)) }.joined()
    }
}
