import Foundation
import Testing
import TestSupport

/// `stackc graph`: expected pictures checked by hand against the templates, graphviz's own parser
/// reading the DOT output, names that would break either language, and determinism.
struct GraphCommandTests {
    /// web → db (depends_on, map form) → web closes a cycle; web → cache (links) → db
    /// (aliyun.depends) lies on it too. cache → queue (undefined) and the external containers do not.
    static let compose = """
    services:
      web:
        image: nginx
        depends_on:
          db: {condition: service_healthy}
        links: ["cache:redis"]
        external_links: ["legacy_db:ldb"]
        volumes_from: ["container:data-box:ro"]
      db:
        image: mysql
        depends_on: [web]
      cache:
        image: redis
        labels: {aliyun.depends: "db, queue"}
    """

    func graph(_ text: String, _ arguments: [String] = []) throws -> StackcRun {
        let folder = try TemporaryDirectory()
        try folder.makeDirectory(".git")
        try folder.write("t.yaml", text)
        return try runStackc(["graph", "t.yaml"] + arguments, currentDirectory: folder.url)
    }

    @Test func composeAsMermaid() throws {
        let run = try graph(Self.compose)
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        #expect(run.stdout == """
        flowchart LR
          n0["web"]
          n1["db"]
          n2["cache"]
          n3(["legacy_db"]):::external
          n4(["data-box"]):::external
          n5["queue"]:::undefined
          n0 -->|depends_on| n1
          n0 -->|links| n2
          n0 -.->|external_links| n3
          n0 -.->|volumes_from| n4
          n1 -->|depends_on| n0
          n2 -->|aliyun.depends| n1
          n2 -->|aliyun.depends| n5
          classDef undefined stroke-dasharray:4 4
          classDef external fill:#eeeeee
          classDef cycle stroke:#d00000,stroke-width:2px
          class n0,n1,n2 cycle
          linkStyle 0,1,4,5 stroke:#d00000,stroke-width:2px

        """)
    }

    @Test func composeAsDOTParsedByGraphviz() throws {
        let run = try graph(Self.compose, ["--format", "dot"])
        #expect(run.stdout == """
        digraph dependencies {
          rankdir=LR;
          node [shape=box];
          n0 [label="web", color=red];
          n1 [label="db", color=red];
          n2 [label="cache", color=red];
          n3 [label="legacy_db", style="rounded,dashed"];
          n4 [label="data-box", style="rounded,dashed"];
          n5 [label="queue", style=dashed];
          n0 -> n1 [label="depends_on", color=red, penwidth=2];
          n0 -> n2 [label="links", color=red, penwidth=2];
          n0 -> n3 [label="external_links", style=dashed];
          n0 -> n4 [label="volumes_from", style=dashed];
          n1 -> n0 [label="depends_on", color=red, penwidth=2];
          n2 -> n1 [label="aliyun.depends", color=red, penwidth=2];
          n2 -> n5 [label="aliyun.depends"];
        }

        """)
        let svg = try Self.graphviz(run.stdout)
        #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == 6)
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == 7)
        #expect(svg.components(separatedBy: "stroke=\"red\"").count - 1 >= 4, "the cycle's edges are red")
    }

    /// Names with quotes, backslashes, line breaks and each language's own syntax stay labels.
    @Test func hostileNamesAreEscapedInBothLanguages() throws {
        let text = """
        services:
          'a"b\\c': {image: x, depends_on: ["n0 --> evil", "[x]|y"]}
          "n0 --> evil": {image: x}
          "[x]|y": {image: x, links: ["line\\nbreak"]}
          "#quot;": {image: x}
        """
        let dot = try graph(text, ["--format", "dot"])
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(dot.stdout.contains(#"n0 [label="a\"b\\c"];"#), "\(dot.stdout)")
        let svg = try Self.graphviz(dot.stdout)
        #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == 5)
        #expect(svg.contains("a&quot;b\\c"), "the label shows the name as written")

        let mermaid = try graph(text).stdout
        #expect(mermaid.contains(##"n0["a#quot;b\c"]"##), "\(mermaid)")
        #expect(mermaid.contains(##"n1["n0 --#62; evil"]"##))
        #expect(mermaid.contains(##"n2["#91;x#93;#124;y"]"##))
        #expect(mermaid.contains(##"n3["#35;quot;"]"##))
        #expect(mermaid.contains(##"n4["line#10;break"]:::undefined"##), "a line break in a name cannot end the line")
        for line in mermaid.split(separator: "\n").dropFirst() {
            #expect(line.hasPrefix("  n") || line.hasPrefix("  class"), "every line is a node, an edge or a style: \(line)")
        }
    }

    @Test func podContainersAndVolumes() throws {
        let run = try graph("""
        containers:
        - {name: mysql, image: mysql, volumeMounts: [{name: data, mountPath: /var/lib/mysql}, {name: logs, mountPath: /log}]}
        - {name: sidecar, image: busybox, volumeMounts: [{name: logs, mountPath: /log}, {name: missing, mountPath: /m}]}
        volumes:
        - {name: data, emptyDir: {}}
        - {name: logs, emptyDir: {}}
        replicas: 1
        """)
        #expect(run.stdout == """
        flowchart LR
          n0["mysql"]
          n1["sidecar"]
          n2[("data")]
          n3[("logs")]
          n4[("missing")]
          n0 -->|volumeMounts| n2
          n0 -->|volumeMounts| n3
          n1 -->|volumeMounts| n3
          n1 -->|volumeMounts| n4

        """)
        let shared = try graph("""
        containers: [{name: a, image: x, volumeMounts: [{name: a, mountPath: /a}]}]
        volumes: [{name: a, emptyDir: {}}]
        """, ["--format", "dot"])
        #expect(try Self.graphviz(shared.stdout).contains("<title>n0&#45;&gt;n1</title>"), "a container and a volume may share a name")
    }

    @Test func composeV1WithSelfLinkAndServiceVolumes() throws {
        let run = try graph("""
        web:
          image: nginx
          links: [web]
          volumes_from: ["service:data:ro"]
        data:
          image: busybox
        """, ["--format", "dot"])
        #expect(run.stdout.contains("n0 -> n0 [label=\"links\", color=red, penwidth=2];"))
        #expect(run.stdout.contains("n0 -> n1 [label=\"volumes_from\"];"))
    }

    @Test func outputIsDeterministic() throws {
        let first = try graph(Self.compose, ["--format", "dot"])
        let second = try graph(Self.compose, ["--format", "dot"])
        #expect(first == second)
    }

    @Test func otherKindsAndBrokenFilesExit1() throws {
        let configmap = try graph("kind: ConfigMap\nname: app\ndata: {a: b}\n")
        #expect(configmap.status == 1 && configmap.stdout.isEmpty)
        #expect(configmap.stderr == "stackc: t.yaml: graph draws Compose files and pod templates, not configmap documents\n")
        let broken = try graph("services: [\n")
        #expect(broken.status == 1 && broken.stderr.contains("[yaml-syntax]"))
    }

    /// graphviz's `dot` renders the DOT text to SVG; a parse error fails the test with dot's message.
    static func graphviz(_ source: String) throws -> String {
        let folder = try TemporaryDirectory()
        let input = try folder.write("graph.dot", source)
        let dot = try #require(["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) },
                               "graphviz is missing: run scripts/install-test-tools.sh")
        let run = try runStackc(["-Tsvg", input], binary: URL(fileURLWithPath: dot))
        #expect(run.status == 0 && run.stderr.isEmpty, "dot refused the graph: \(run.stderr)")
        return run.stdout
    }
}
