import Model
import Testing

/// The lists a Compose service decodes once for all rules (environment, labels, ports, dependencies):
/// every form the Compose file format allows, with the place each value is reported at.
struct ServiceDecodingTests {
    @Test func listFormEntriesSplitAtTheFirstEquals() {
        let environment = decodedCompose("""
        services:
          web:
            image: x
            environment:
              - A=1
              - B
              - C=
              - =v
              - D=x=y
              - ~
              - {E: 1}
        """).services[0].environment
        // `~` and the mapping are not strings, so they are not entries.
        #expect(environment.map(\.name.value) == ["A", "B", "C", "", "D"])
        #expect(environment.map { $0.value?.value } == ["1", nil, "", "v", "x=y"])
        #expect(environment.map(\.entry.value) == ["A=1", "B", "C=", "=v", "D=x=y"])
        // Name and value are reported at the whole item.
        #expect(environment.map(\.name.path.description) == (0...4).map { "services.web.environment[\($0)]" })
        #expect(environment[4].value?.path.description == "services.web.environment[4]")
        #expect(environment[0].name.range == environment[0].entry.range)
        #expect(environment[0].value?.range == environment[0].entry.range)
        #expect(environment[4].entry.range.start.description == "9:9")
        #expect(environment[4].entry.range.end.description == "9:14")
    }

    @Test func mappingFormEntriesKeepTheValueAsWritten() {
        let labels = decodedCompose("""
        services:
          web:
            image: x
            labels:
              team: core
              empty: ""
              none:
              tilde: ~
              count: 1.50
              nested: {a: b}
        """).services[0].labels
        #expect(labels.map(\.name.value) == ["team", "empty", "none", "tilde", "count", "nested"])
        // Null values and collections have no text; numbers keep their spelling.
        #expect(labels.map { $0.value?.value } == ["core", "", nil, nil, "1.50", nil])
        #expect(labels.map(\.name.path.description) == ["team", "empty", "none", "tilde", "count", "nested"].map { "services.web.labels.\($0)" })
        // The name and the entry are the key; the value is where the value is.
        #expect(labels[0].name.range.start.description == "5:7")
        #expect(labels[0].entry.range == labels[0].name.range)
        #expect(labels[0].value?.range.start.description == "5:13")
        #expect(labels[0].value?.path.description == "services.web.labels.team")
    }

    @Test func dependenciesFromEverySource() {
        let services = decodedCompose("""
        services:
          web:
            image: x
            depends_on: [db, cache]
            links: ["db:database", cache, ":alias"]
            volumes_from: ["service:data:ro", "container:logs", "other:rw", "service:", plain]
            labels:
              - aliyun.depends= a, ,b ,
          db:
            image: x
            depends_on:
              cache: {condition: service_started}
          cache: {image: x}
        """).services
        let web = services[0].dependencies
        #expect(web.map(\.name.value) == ["db", "cache", "db", "cache", "alias", "data", "other", "", "plain", "a", "b"])
        #expect(web.map(\.via.rawValue) == ["depends_on", "depends_on", "links", "links", "links",
                                            "volumes_from", "volumes_from", "volumes_from", "volumes_from", "aliyun.depends", "aliyun.depends"])
        #expect(web.map(\.name.path.description) == [
            "services.web.depends_on[0]", "services.web.depends_on[1]",
            "services.web.links[0]", "services.web.links[1]", "services.web.links[2]",
            "services.web.volumes_from[0]", "services.web.volumes_from[2]", "services.web.volumes_from[3]", "services.web.volumes_from[4]",
            "services.web.labels[0]", "services.web.labels[0]",
        ])
        let db = services[1].dependencies
        #expect(db.map(\.name.value) == ["cache"])
        #expect(db.map(\.name.path.description) == ["services.db.depends_on.cache"])
        #expect(services[2].dependencies.isEmpty)
    }

    @Test func portsInEveryForm() {
        let ports = decodedCompose("""
        services:
          web:
            image: x
            ports: ["8080:80", 9090, {target: 80, published: "8000-8001"}, [x]]
        """).services[0].ports
        #expect(ports.map(\.node.path.description) == (0...3).map { "services.web.ports[\($0)]" })
        #expect(ports.map { portSummary($0.spec) } == [
            "- | 8080-8080 | 80-80 | tcp",
            "- | - | 9090-9090 | tcp",
            "- | 8000-8001 | 80-80 | tcp",
            "a port must be a string, a number or a mapping",
        ])
    }
}
