import Driver
import Model
import TestSupport
import Testing

/// `render` checks what `lint` checks: a template or env file lint refuses prints nothing and exits 1
/// with the findings on the error stream; warnings do not stop the output; `--no-validate` skips the
/// kind, schema and rule checks but never prints text that reading or substitution got wrong.
struct RenderJobTests {
    /// One template rendered with some of render's settings, and what must come of it.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        var validate = true
        var kind: DocumentKind?
        var strictEnv = false
        /// The output; nil when render must refuse (exit 1, nothing printed).
        let printed: String?
        /// What the error stream must hold; nil when it must be empty.
        let reported: String?

        var testDescription: String { name }
    }

    static let serviceFromVariable = "services:\n  ${SVC}:\n    image: nginx\n"
    static let unsetTag = "services:\n  web:\n    image: \"nginx:${TAG}\"\n"
    static let requiredTag = "services:\n  web:\n    image: \"nginx:${TAG:?set TAG}\"\n"
    /// A configmap and a secret look alike without `kind:`.
    static let settings = "name: app-config\ndata:\n  LEVEL: info\n"
    static let suppressedPort = "services:\n  web:\n    image: nginx\n    # stackc-disable-next-line port-range\n    ports: [\"70000:80\"]\n"
    static let valid = "services:\n  web:\n    image: nginx\n"

    static let cases: [Case] = [
        Case(name: "a rule's error", text: serviceFromVariable, printed: nil,
             reported: "t.yaml:2:3: error: service name '${SVC}' must not contain '$'; use letters, digits, '.', '_' and '-' [service-name]\n"),
        Case(name: "--no-validate skips the rules", text: serviceFromVariable, validate: false, printed: serviceFromVariable, reported: nil),
        Case(name: "a warning", text: unsetTag, printed: "services:\n  web:\n    image: \"nginx:\"\n",
             reported: "t.yaml:3:19: warning: variable TAG is not set"),
        Case(name: "--strict-env", text: unsetTag, strictEnv: true, printed: nil, reported: "t.yaml:3:19: error: variable TAG is not set"),
        Case(name: "an ambiguous kind", text: settings, printed: nil,
             reported: "t.yaml:1:1: error: this document could be a configmap or secret; add a top-level 'kind: configmap' or pass --kind [unknown-kind]\n"),
        Case(name: "--kind", text: settings, kind: .configmap, printed: settings, reported: nil),
        Case(name: "--no-validate and a required variable", text: requiredTag, validate: false, printed: nil, reported: "[required-variable]"),
        Case(name: "--no-validate and a syntax error", text: "services:\n  web: [\n", validate: false, printed: nil, reported: "[yaml-syntax]"),
        Case(name: "a suppressed rule error", text: suppressedPort, printed: "services:\n  web:\n    image: nginx\n    ports: [\"70000:80\"]\n",
             reported: nil),
        // A suppressed reading or substitution error leaves nothing true to print, and render says so.
        Case(name: "a suppressed required variable", text: "# stackc-disable-file required-variable\n" + requiredTag, printed: nil,
             reported: "t.yaml:4:19: not rendered: a suppressed required-variable error leaves no faithful text\n"),
    ]

    static func render(_ path: String, format: RenderFormat = .yaml, validate: Bool = true, kind: DocumentKind? = nil, strictEnv: Bool = false,
                       interpolate: Bool = true, envFiles: [String] = [], process: [(name: String, value: String)] = []) -> JobRun {
        var options = FrontEndOptions(interpolate: interpolate, kind: kind)
        options.strictEnvironment = strictEnv
        var job = RenderJob(template: SingleTemplate(path: path, options: options, environment: EnvironmentOptions(envFiles: envFiles, process: process)),
                            format: format)
        job.validate = validate
        return JobRun { job.run(output: $0, errors: $1, colors: false) }
    }

    @Test(arguments: cases)
    func rendersOrRefuses(_ test: Case) throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("t.yaml", test.text)
        let run = Self.render(path, validate: test.validate, kind: test.kind, strictEnv: test.strictEnv)
        if let printed = test.printed {
            #expect(run.printed == printed, "\(run.errors)")
        } else {
            #expect(run.refused)
        }
        if let reported = test.reported {
            #expect(run.errors.contains(reported), "\(run.errors)")
        } else {
            #expect(run.errors.isEmpty)
        }
    }

    /// A substituted value takes the type Compose gives it: cast at compose-go's typed paths (a quoted
    /// literal there too), a string everywhere else, the empty one "" and never null. The expected texts
    /// were checked against `docker compose config` v2.40.3 with the same variables: it prints 1.5, true,
    /// 3, "3", "" and "3" for these values.
    static let typedTemplate = """
        services:
          web:
            image: busybox
            cpus: ${C}
            privileged: "${P}"
            deploy:
              replicas: "3"
            labels:
              n: ${N}
              e: ${E}
            environment:
              EMPTY: ${E}
        x-n: ${N}

        """
    static let typedVariables = [(name: "C", value: "1.5"), (name: "P", value: "yes"), (name: "N", value: "3"), (name: "E", value: "")]

    @Test func jsonHoldsTheTypesComposeGivesSubstitutedValues() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("compose.yaml", Self.typedTemplate)
        let run = Self.render(path, format: .json, process: Self.typedVariables)
        #expect(run.printed == """
            {
              "services": {
                "web": {
                  "image": "busybox",
                  "cpus": 1.5,
                  "privileged": true,
                  "deploy": {
                    "replicas": 3
                  },
                  "labels": {
                    "n": "3",
                    "e": ""
                  },
                  "environment": {
                    "EMPTY": ""
                  }
                }
              },
              "x-n": "3"
            }

            """, "\(run.errors)")
    }

    /// The YAML keeps each scalar's style, except that a substituted string YAML would read as another
    /// value is quoted: `EMPTY:` would be null, which Compose fills in from the environment of the run
    /// that reads the output. Values at typed paths stay as they are; Compose casts them again.
    @Test func yamlQuotesSubstitutedStringsThatWouldReadAsOtherValues() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("compose.yaml", Self.typedTemplate)
        let run = Self.render(path, process: Self.typedVariables)
        #expect(run.printed == """
            services:
              web:
                image: busybox
                cpus: 1.5
                privileged: "yes"
                deploy:
                  replicas: "3"
                labels:
                  n: "3"
                  e: ""
                environment:
                  EMPTY: ""
            x-n: "3"

            """, "\(run.errors)")
    }

    /// Each line is one way Compose refuses a whole `.env`; lint reports it as an error of that file.
    @Test(arguments: brokenDotEnvLines)
    func aBrokenEnvFileBesideTheTemplatePrintsNothing(line: String, finding: String) throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("compose.yaml", Self.valid)
        try folder.write(".env", "OK=1\n" + line)
        let shifted = finding.replacingOccurrences(of: ".env:1:", with: ".env:2:")
        for validate in [true, false] {
            let run = Self.render(path, validate: validate)
            #expect(run.refused, "validate: \(validate)")
            #expect(run.errors == folder.path(shifted) + "\n")
        }
        // Nothing is substituted, so the env file is not read, by lint either.
        #expect(Self.render(path, interpolate: false).printed == Self.valid)
    }

    @Test func aBrokenExplicitEnvFilePrintsNothing() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("compose.yaml", Self.valid)
        let envFile = try folder.write("prod.env", "MY V=1\n")
        let run = Self.render(path, envFiles: [envFile])
        #expect(run.refused)
        #expect(run.errors == "\(envFile):1:1: error: key cannot contain a space [env-file-syntax]\n")
    }
}
