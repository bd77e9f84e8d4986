import Diagnostics
import Project
import Syntax
import Testing

/// Compose's merge rules (compose-go `override/merge.go`, `uncity.go`, `loader/reset.go`) on small
/// pairs, with the positions each merged value keeps. The override file is placed 100 lines below the
/// base, as `ProjectText` places a project's files, so a position says which file a value came from.
struct ComposeMergeTests {
    static let overrideLines = 100

    /// The merged tree of `base` and `override` (and the merge's findings).
    func merge(_ base: String, _ override: String) -> (tree: YAMLTree, diagnostics: [Diagnostic]) {
        let file = SourceFile(path: "project", text: "")
        let trees = [base, override].enumerated().map { index, text in
            YAMLReader.read(SourceFile(path: "\(index).yaml", text: text)).tree!
                .relocated(lines: index * Self.overrideLines, bytes: 0, file: file)
        }
        return ComposeMerge.merge(trees, file: file)
    }

    /// The merged value at a dotted path, as compact JSON.
    func value(_ tree: YAMLTree, _ path: String) -> String {
        var id = tree.root
        for part in path.split(separator: ".") {
            if let index = Int(part) { id = tree.items(of: id)[tree.items(of: id).startIndex + index] } else { id = tree.value(forKey: String(part), in: id)! }
        }
        return tree.json(indent: nil).isEmpty ? "" : Self.json(tree, id)
    }

    static func json(_ tree: YAMLTree, _ id: NodeID) -> String {
        let node = tree[id]
        switch node.kind {
        case .scalar: return node.resolved == .null ? "null" : node.text
        case .sequence: return "[" + tree.items(of: id).map { json(tree, $0) }.joined(separator: ",") + "]"
        case .mapping: return "{" + tree.pairs(of: id).map { "\(tree[$0.key].text):\(json(tree, $0.value))" }.joined(separator: ",") + "}"
        }
    }

    /// The line a merged value starts at (base lines below 100, override lines from 101).
    func line(_ tree: YAMLTree, _ path: String) -> Int {
        var id = tree.root
        for part in path.split(separator: ".") {
            if let index = Int(part) { id = tree.items(of: id)[tree.items(of: id).startIndex + index] } else { id = tree.value(forKey: String(part), in: id)! }
        }
        return tree[id].range.start.line
    }

    @Test func mappingsMergeKeyByKeyAndKeepEachValuesPlace() {
        let merged = merge("services:\n  web:\n    image: a\n    restart: always\n", "services:\n  web:\n    image: b\n    init: true\n").tree
        #expect(value(merged, "services.web") == "{image:b,restart:always,init:true}")
        #expect(line(merged, "services.web.image") == 103)
        #expect(line(merged, "services.web.restart") == 4)
        #expect(line(merged, "services.web.init") == 104)
    }

    @Test func commandEntrypointAndHealthcheckTestAreReplaced() {
        let merged = merge("services:\n  web:\n    command: [a, b]\n    entrypoint: [x]\n    healthcheck: {test: [CMD, a], retries: 2}\n",
                           "services:\n  web:\n    command: [c]\n    entrypoint: [y]\n    healthcheck: {test: [CMD, b]}\n").tree
        #expect(value(merged, "services.web.command") == "[c]")
        #expect(value(merged, "services.web.entrypoint") == "[y]")
        #expect(value(merged, "services.web.healthcheck") == "{test:[CMD,b],retries:2}")
    }

    @Test func eachUlimitIsReplacedWhole() {
        let result = merge("services:\n  web:\n    ulimits: {nproc: 10, nofile: {soft: 1, hard: 2}}\n",
                           "services:\n  web:\n    ulimits: {nofile: 5}\n")
        #expect(value(result.tree, "services.web.ulimits") == "{nproc:10,nofile:5}")
        #expect(result.diagnostics.isEmpty, "a number replaces the mapping, as in Compose")
    }

    @Test func otherSequencesAppend() {
        let merged = merge("services:\n  web:\n    dns_opt: [a]\n    security_opt: [x]\n", "services:\n  web:\n    dns_opt: [b]\n    security_opt: [x]\n").tree
        #expect(value(merged, "services.web.security_opt") == "[x,x]")
        #expect(value(merged, "services.web.dns_opt") == "[a,b]")
    }

    @Test func environmentMappingsMergeByKey() {
        let merged = merge("services:\n  web:\n    environment: {A: 1, B: 2}\n", "services:\n  web:\n    environment: {B: 3, C: 4}\n").tree
        #expect(value(merged, "services.web.environment") == "{A:1,B:3,C:4}")
    }

    @Test func aLaterUnsetEnvironmentEntryReplacesTheValue() {
        // Compose merges environment as entries: `B: null` (take B from the shell) replaces `B: 2`.
        let merged = merge("services:\n  web:\n    environment: {A: 1, B: 2}\n", "services:\n  web:\n    environment: {B: null}\n").tree
        #expect(value(merged, "services.web.environment") == "{A:1,B:null}")
    }

    @Test func environmentOfMixedFormsBecomesUniqueEntriesLaterWinning() {
        let merged = merge("services:\n  web:\n    environment: {B: 2, A: 1}\n", "services:\n  web:\n    environment: [B=3, C]\n").tree
        // The mapping's pairs sorted, as Compose does; B keeps its first place with the later value.
        #expect(value(merged, "services.web.environment") == "[A=1,B=3,C]")
        #expect(line(merged, "services.web.environment.0") == 3)
        #expect(line(merged, "services.web.environment.1") == 103)
    }

    @Test func portsVolumesAndSecretsAreUniqueByTheirKey() {
        let merged = merge("services:\n  web:\n    ports: [\"8080:80\", \"9000:90\"]\n    volumes: [/a:/data, /c:/cache]\n    secrets: [s]\n",
                           "services:\n  web:\n    ports: [\"8080:80\"]\n    volumes: [/b:/data]\n    secrets: [{source: s, target: /run/secrets/s}]\n").tree
        #expect(value(merged, "services.web.ports") == "[8080:80,9000:90]")
        #expect(line(merged, "services.web.ports.0") == 103)
        #expect(value(merged, "services.web.volumes") == "[/b:/data,/c:/cache]")
        #expect(value(merged, "services.web.secrets") == "[{source:s,target:/run/secrets/s}]")
    }

    @Test func dependsOnAndNetworksListsBecomeMappings() {
        let merged = merge("services:\n  web:\n    depends_on: [db]\n    networks: [front]\n",
                           "services:\n  web:\n    depends_on: {cache: {condition: service_healthy}}\n    networks: {back: {}}\n").tree
        #expect(value(merged, "services.web.depends_on") == "{db:{condition:service_started,required:true},cache:{condition:service_healthy}}")
        #expect(value(merged, "services.web.networks") == "{front:null,back:{}}")
    }

    @Test func extraHostsAppendWhatIsNew() {
        let merged = merge("services:\n  web:\n    extra_hosts: [\"a:1.1.1.1\"]\n", "services:\n  web:\n    extra_hosts: [\"a:1.1.1.1\", \"b:2.2.2.2\"]\n").tree
        #expect(value(merged, "services.web.extra_hosts") == "[a:1.1.1.1,b:2.2.2.2]")
    }

    @Test func extraHostsOfAMappingBecomeEntries() {
        let merged = merge("services:\n  web:\n    extra_hosts: {b: 2.2.2.2, a: 1.1.1.1}\n", "services:\n  web:\n    extra_hosts: [\"c:3.3.3.3\"]\n").tree
        #expect(value(merged, "services.web.extra_hosts") == "[a=1.1.1.1,b=2.2.2.2,c:3.3.3.3]")
    }

    @Test func buildStringIsReadAsItsContext() {
        let merged = merge("services:\n  web:\n    build: ./app\n", "services:\n  web:\n    build: {dockerfile: Dev}\n").tree
        #expect(value(merged, "services.web.build") == "{context:./app,dockerfile:Dev}")
    }

    @Test func loggingOptionsMergeOnlyForTheSameDriver() {
        let same = merge("services:\n  web:\n    logging: {driver: syslog, options: {a: 1}}\n",
                         "services:\n  web:\n    logging: {options: {b: 2}}\n").tree
        #expect(value(same, "services.web.logging") == "{driver:syslog,options:{a:1,b:2}}")
        let other = merge("services:\n  web:\n    logging: {driver: syslog, options: {a: 1}}\n",
                          "services:\n  web:\n    logging: {driver: json-file}\n").tree
        #expect(value(other, "services.web.logging") == "{driver:json-file}")
    }

    @Test func resetRemovesTheEarlierValue() {
        let merged = merge("services:\n  web:\n    image: a\n    ports: [\"80\"]\n    environment: {A: 1}\n",
                           "services:\n  web:\n    ports: !reset []\n    environment: !reset {}\n    labels: !reset {}\n").tree
        #expect(value(merged, "services.web") == "{image:a}")
    }

    @Test func overrideReplacesTheEarlierValueWhole() {
        let merged = merge("services:\n  web:\n    ports: [\"80\"]\n    environment: {A: 1}\n",
                           "services:\n  web:\n    ports: !override [\"81\"]\n    environment: !override {B: 2}\n").tree
        #expect(value(merged, "services.web.ports") == "[81]")
        #expect(value(merged, "services.web.environment") == "{B:2}")
    }

    @Test func resetInTheFirstFileOnlyGoes() {
        let merged = merge("services:\n  web:\n    image: a\n    ports: !reset []\n", "services: {}\n").tree
        #expect(value(merged, "services.web") == "{image:a}")
    }

    @Test func aMappingOntoASequenceIsReportedAtTheOverride() {
        let result = merge("services:\n  web:\n    cap_drop: [ALL]\n", "services:\n  web:\n    cap_drop: {a: b}\n")
        #expect(result.diagnostics.map(\.rule) == [.invalidStructure])
        #expect(result.diagnostics.first?.range?.start.line == 103)
        #expect(result.diagnostics.first?.message.contains("services.web.cap_drop") == true)
    }
}
