import Diagnostics
import Interpolation
import Model
import Syntax

/// Every diagnostic id stackc can emit, for `stackc rules`, `stackc explain` and the generated docs:
/// the registered rules plus the checks built into the stages (syntax, interpolation, model), which are
/// not `Rule` types but are reported, filtered and suppressed the same way.
public enum Catalogue {
    public struct Entry: Sendable {
        public let id: RuleID
        public let severity: Severity
        /// Which stage reports it: `syntax`, `interpolation`, `model`, `input` or `rule`.
        public let stage: String
        public let kinds: [DocumentKind]
        public let platforms: [Platform]?
        /// Nil for a check that runs by default; the category that turns an opt-in rule on.
        public let category: RuleCategory?
        public let summary: String
        public let rationale: String
        public let triggering: [Example]
        public let nonTriggering: [Example]
    }

    public static let entries: [Entry] = (stageChecks + RuleRegistry.all.map { rule in
        let description = rule.description
        return Entry(id: description.id, severity: description.severity, stage: "rule", kinds: description.kinds,
                     platforms: description.platforms, category: description.category, summary: description.summary, rationale: description.rationale,
                     triggering: description.triggering, nonTriggering: description.nonTriggering)
    }).sorted { $0.id < $1.id }

    public static func entry(_ id: String) -> Entry? {
        entries.first { $0.id.name == id }
    }

    /// What follows an id that names no check, in every place that takes ids (`.stackc.yaml`, suppression
    /// comments, `--enable`/`--disable`): the closest id, or where the ids are listed.
    public static func unknownIDHint(_ id: String) -> String {
        Suggestions.closest(to: id, among: entries.map(\.id.name)).map { "; did you mean '\($0)'?" } ?? " (stackc rules lists them)"
    }

    /// A check built into a stage; its examples, when it has some, are run by `StageExampleTests`.
    private static func stage(_ id: RuleID, _ severity: Severity, _ stage: String, _ summary: String, _ rationale: String,
                              triggering: [Example] = [], nonTriggering: [Example] = []) -> Entry {
        Entry(id: id, severity: severity, stage: stage, kinds: DocumentKind.allCases, platforms: nil, category: nil, summary: summary,
              rationale: rationale, triggering: triggering, nonTriggering: nonTriggering)
    }

    private static let stageChecks: [Entry] = [
        stage(.yamlSyntax, .error, "syntax", "the file must be well-formed YAML",
              "libyaml could not read the file; the message gives libyaml's position and says what to change (tabs, unclosed quotes and lists, an unquoted ': ')."),
        stage(.invalidEncoding, .error, "syntax", "the file must be UTF-8 without NUL or control characters",
              "YAML is text; a byte that is not UTF-8 or a control character usually means a binary or mis-encoded file."),
        stage(.duplicateKey, .error, "syntax", "a key may appear only once in a mapping",
              "YAML parsers disagree on which duplicate wins (Docker Compose refuses the file); a key overriding a merged '<<' key is fine."),
        stage(.undefinedAlias, .error, "syntax", "an alias must refer to an anchor defined before it, outside itself",
              "An alias to a missing anchor cannot be resolved; one that refers to its own enclosing node would expand forever (Docker Compose loops on it)."),
        stage(.invalidMerge, .error, "syntax", "a '<<' merge key takes a mapping or a list of mappings",
              "YAML's merge type only merges mappings; anything else is a mistake in the anchor used."),
        stage(.multipleDocuments, .error, "syntax", "a file holds one template",
              "The platforms take one template per request; a second '---' document would be silently ignored."),
        stage(.emptyDocument, .error, "syntax", "a file must hold a template",
              "An empty or comment-only file deploys nothing; Docker Compose refuses it too."),
        stage(.limitExceeded, .error, "syntax", "a resource limit was hit (file size, nesting depth, expanded nodes, scalar size)",
              "Templates come from pull requests; the limits keep an alias bomb or a pathological file from hanging CI. Each limit can be raised."),
        stage(.invalidStructure, .error, "model", "the document must have its kind's basic shape",
              "A template is a mapping; Compose services and pod containers must be mappings; mapping keys must be scalars."),
        stage(.invalidExtends, .error, "project", "a service's extends must name a service that exists, without a cycle",
              "Docker Compose refuses a project whose extends names a missing service or file (\"cannot extend service\") or whose services extend each other in a cycle (\"Circular reference\"); the file of 'extends: {file: …}' is relative to the extending file's folder."),
        stage(.invalidInclude, .error, "project", "an include must name readable files, without a cycle or a conflicting resource",
              "Docker Compose refuses a project whose include names a missing file or env_file, includes itself, or imports a service, network, volume, secret or config the including file defines differently (\"conflicts with imported resource\")."),
        stage(.remoteInclude, .error, "project", "an include must name local files: stackc never fetches a remote one",
              "Docker Compose pulls an include written 'oci://…' and clones one written as a git URL ('git@host:repo.git', "
              + "'https://host/repo.git#ref:dir', 'github.com/org/repo'); stackc reads local files only and never touches the network, so "
              + "the included services cannot be checked and an OK would hide them. Vendor the included files and include them by path."),
        stage(.unknownKind, .error, "model", "the document must be a template kind stackc knows",
              "Kind decides every other check. Files found while walking a folder that are no template get a note instead of an error."),
        stage(.unknownField, .error, "model", "keys must be ones the template kind defines",
              "A misspelt key is silently ignored by some platforms and rejected by others; the message suggests the closest known key. "
              + "`lint --fix` renames it when exactly one known key is close and the mapping does not hold that key already.",
              triggering: [
                  Example("""
                  services:
                    web:
                      image: nginx
                      ↓restrat: always   # a typo
                      ↓dependson: [db]
                    db:
                      image: postgres
                      ↓imag: x
                  """, messages: [
                      "services.web (a service) has no key 'restrat'; did you mean 'restart'?",
                      "services.web (a service) has no key 'dependson'; did you mean 'depends_on'?",
                      "services.db (a service) has no key 'imag'; did you mean 'image'?",
                  ], fixed: """
                  services:
                    web:
                      image: nginx
                      restart: always   # a typo
                      depends_on: [db]
                    db:
                      image: postgres
                      imag: x
                  """),
                  Example("""
                  containers:
                    - name: web
                      image: nginx
                      ↓imagePullPolicey: Always
                  """, kind: .pod, fixed: """
                  containers:
                    - name: web
                      image: nginx
                      imagePullPolicy: Always
                  """),
              ],
              nonTriggering: [
                  Example("services:\n  web:\n    image: nginx\n    x-note: extension keys are free\n"),
                  Example("containers:\n  - name: web\n    image: nginx\n", kind: .pod),
              ]),
        stage(.typeMismatch, .error, "model", "values must have the type their key requires",
              "A list where a string is expected (or the reverse) is rejected by Docker Compose and the platforms."),
        stage(.missingField, .error, "model", "required keys must be present",
              "The platform APIs reject documents without their required fields."),
        stage(.interpolationSyntax, .error, "interpolation", "variable expressions must be well-formed",
              "Docker Compose refuses a malformed '${…}'; a literal '$' is written '$$'."),
        stage(.requiredVariable, .error, "interpolation", "variables marked required with ':?' or '?' must be set",
              "The author asked for the deployment to fail without this variable; the message is theirs."),
        stage(.unsetVariable, .warning, "interpolation", "variables without a default should be set",
              "Docker Compose substitutes an empty string and warns; an empty image tag or password is rarely intended."),
        stage(.envFileSyntax, .error, "interpolation", "env files must parse as Docker Compose parses them",
              "Compose refuses an env file with a bad line, so the variables it was meant to set would be missing."),
        stage(.missingFile, .error, "input", "files a Compose file names (env_file, label_file) must exist",
              "Docker Compose reads a service's env_file and label_file when it loads the file and refuses it when one is missing (\"env file app.env not found\"); paths are relative to the Compose file's folder, an env_file entry with required: false may be absent, and services under profiles are not loaded by default."),
        stage(.unreadableInput, .error, "input", "every input must be readable",
              "A missing or unreadable file is a usage problem (exit status 2), reported before anything else."),
        stage(.suppressionUnknownRule, .warning, "suppression", "a suppression must name rules stackc has",
              "A misspelt id in '# stackc-disable…' or 'x-stackc.ignore' silences nothing; the message suggests the closest id."),
        stage(.suppressionUnused, .warning, "suppression", "a suppression must hide at least one finding",
              "A suppression left after its finding was fixed (or written on the wrong line) would hide the next real problem there."),
        stage(.suppressionInvalid, .warning, "suppression", "'# stackc-' comments must be directives stackc knows",
              "A misspelt directive ('# stackc-disabel') suppresses nothing; the message names the directives."),
        stage(.invalidConfig, .error, "config", "a .stackc.yaml must use known keys, values and rule ids",
              "A misspelt setting would silently not apply; the run stops with exit status 2 so the configuration is fixed first."),
    ]
}
