import Diagnostics
import Interpolation
import Project
import Syntax
import Testing

/// Profiles and env/label files applied to a loaded tree (`ProjectResolution`), with files given in
/// memory. The values are Docker Compose v2.40.3's, checked by hand against `config --format json`.
struct ProjectResolutionTests {
    func resolve(_ compose: String, files: [String: String] = [:], profiles: [String] = [], variables: [String: String] = [:],
                 selfContained: Bool = false, escapesDollars: Bool = false) -> ProjectResolution.Result {
        var environment = Environment()
        for (name, value) in variables { environment.set(name, value, source: .process) }
        let selection = ProfileSelection(flags: profiles, variable: variables["COMPOSE_PROFILES"])
        let settings = ProjectResolution.Settings(profiles: selection, selfContained: selfContained, directory: "/p", environment: environment,
                                                  escapesDollars: escapesDollars) { path in
            files[path].map { SourceFile(path: path, text: $0) }
        }
        return ProjectResolution.apply(YAMLReader.read(SourceFile(path: "/p/compose.yaml", text: compose)).tree!, settings: settings)
    }

    func json(_ result: ProjectResolution.Result) -> String {
        result.tree.json(indent: nil)
    }

    @Test func profilesAreChosenAsComposeChoosesThem() {
        #expect(ProfileSelection(flags: [], variable: nil).names == [""])
        #expect(!ProfileSelection(flags: [], variable: "").isChosen)
        // Flags replace the variable; the variable splits on commas, keeping empty names.
        #expect(ProfileSelection(flags: ["web"], variable: "debug").names == ["web"])
        #expect(ProfileSelection(flags: [], variable: "a,,b").names == ["a", "", "b"])
        let none = ProfileSelection(flags: [], variable: nil)
        #expect(none.enables([]) && none.enables([""]) && !none.enables(["debug"]))
        #expect(ProfileSelection(flags: ["*"], variable: nil).enables(["anything"]))
    }

    @Test func servicesOutsideTheChosenProfilesAreDropped() {
        let compose = """
            services:
              web: {image: nginx, depends_on: {tracing: {condition: service_started, required: false}}}
              tracing: {image: jaeger, profiles: [debug]}
              tool: {image: tool, profiles: ["${TOOLS}"]}
            """
        // No choice: lint keeps every service as written.
        #expect(json(resolve(compose)).contains("\"tracing\":{\"image\":\"jaeger\",\"profiles\":[\"debug\"]}"))
        // A template sent alone holds only what runs: the optional dependency on a dropped service goes too.
        #expect(json(resolve(compose, selfContained: true)) == #"{"services":{"web":{"image":"nginx"},"tool":{"image":"tool"}}}"#)
        #expect(json(resolve(compose, variables: ["COMPOSE_PROFILES": "debug"])).contains(#""tracing":{"image":"jaeger"}"#))
        #expect(!json(resolve(compose, profiles: ["debug"])).contains("tool"))
    }

    @Test func envFilesFoldUnderTheEnvironmentWritten() {
        let result = resolve("""
            services:
              web:
                image: nginx
                env_file: [a.env, {path: gone.env, required: false}, {path: raw.env, format: raw}]
                environment: {B: written, N: null}
            """, files: ["/p/a.env": "A=1\nB=file\nN=n\nC=${HOME}\n", "/p/raw.env": "R=\"as is $A\"\nA=2\n"],
            variables: ["HOME": "/home/me"])
        // environment wins, null included; a later file wins over an earlier; raw keeps quotes and `$`.
        #expect(json(result) == #"{"services":{"web":{"image":"nginx","env_file":["a.env",{"path":"gone.env","required":false},{"path":"raw.env","format":"raw"}],"environment":{"B":"written","N":null,"C":"/home/me","R":"\"as is $A\"","A":"2"}}}}"#)
        #expect(result.missingFiles.isEmpty && result.fileReports.isEmpty)
        #expect(result.values.map(\.name) == ["A", "B", "N", "C", "R", "A"])
        // Each folded value keeps the position of the entry naming its file.
        let environment = result.tree.value(forKey: "environment", in: result.tree.value(forKey: "web", in: result.tree.value(forKey: "services", in: result.tree.root)!)!)!
        let folded = result.tree.pairs(of: environment).map { result.tree[$0.value] }
        #expect(folded[2].range.start.line == 4 && folded[2].range.start.column == 16 && folded[2].style == .doubleQuoted)
        #expect(folded[4].range.start.line == 4 && folded[4].range.start.column == 65, "A from raw.env, the later file")
    }

    @Test func aSelfContainedTemplateLosesTheFileKeysAndEscapesDollars() {
        let result = resolve("""
            services:
              web:
                image: nginx
                env_file: a.env
                label_file: [l1, l2]
                labels: [tier=written]
                profiles: [web]
            """, files: ["/p/a.env": "PRICE=$5\n", "/p/l1": "team=core\ntier=${team}-web\n", "/p/l2": "owner=ops\n"], profiles: ["web"],
            selfContained: true, escapesDollars: true)
        #expect(json(result) == #"{"services":{"web":{"image":"nginx","labels":["tier=written","team=core","owner=ops"],"environment":{"PRICE":"$$5"}}}}"#)
    }

    @Test func missingFilesAndBadStatementsAreReported() {
        let result = resolve("""
            services:
              web:
                image: nginx
                env_file: [missing.env, bad.env, {path: a.env, format: json}]
                label_file: nolabels
              off:
                image: x
                profiles: [debug]
                env_file: also-missing.env
            """, files: ["/p/bad.env": "OK=1\nBROKEN=\"open\n", "/p/a.env": "A=1\n"])
        #expect(result.missingFiles.map { "\($0.key) \($0.resolvedPath) \($0.range.start) \($0.nodePath)" } == [
            "env_file /p/missing.env 4:16 services.web.env_file[0]",
            "label_file /p/nolabels 5:17 services.web.label_file",
        ])
        #expect(result.diagnostics.map { "\($0.range!.start) \($0.message)" } == [
            "4:60 env_file format 'json' is not one Docker Compose reads; write raw, or leave format out for the .env syntax",
        ])
        #expect(result.fileReports.map { "\($0.file.path) \($0.diagnostics.map { "\($0.range!.start) \($0.rule)" })" } == [
            "/p/bad.env [\"2:8 env-file-syntax\"]",
        ])
    }

    @Test func rawFilesFollowDockersParser() {
        let result = resolve("""
            services:
              web: {image: nginx, env_file: [{path: raw.env, format: raw}]}
            """, files: ["/p/raw.env": "  K=v # not a comment \n# comment\n\nHOME\nUNSET\nexport X=1\n=v\n"], variables: ["HOME": "/h"])
        #expect(json(result) == #"{"services":{"web":{"image":"nginx","env_file":[{"path":"raw.env","format":"raw"}],"environment":{"K":"v # not a comment ","HOME":"/h"}}}}"#)
        #expect(result.fileReports.first?.diagnostics.map { "\($0.range!.start) \($0.message)" } == [
            "6:1 variable 'export X' contains blanks; raw env files take NAME=value lines",
            "7:1 no variable name on line '=v'",
        ])
    }
}
