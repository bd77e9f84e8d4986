import Model
import Testing

/// The matchers for `aliyun.*` label values: numbers, routes, SLB entries, probe URLs.
struct AliyunValueTests {
    @Test func integersAsGoReadsThem() {
        #expect(["0", "7", "+7", "-7", "007"].map(AliyunText.integer) == [0, 7, 7, -7, 7])
        #expect(["", "+", "1.5", "1e3", "10s", " 1", "two", "0x10", "1234567890123456789"].allSatisfy { AliyunText.integer($0) == nil })
        #expect(AliyunText.number("80", in: 1...65535) == 80)
        #expect(AliyunText.number("+80", in: 1...65535) == nil)
        #expect(AliyunText.number("0", in: 1...65535) == nil)
        #expect(AliyunText.number("65536", in: 1...65535) == nil)
    }

    @Test func entriesAndCommaSeparatedParts() {
        #expect(AliyunText.entries(" a ; ;b;") == ["a", "b"])
        #expect(AliyunText.entries(" ; ").isEmpty)
        #expect(AliyunText.commaSeparated("db, cache,,") == ["db", "cache", "", ""])
    }

    @Test func routeParts() {
        let route = AliyunRoute("wss://chat.example.com/ws/v1")
        #expect(route == AliyunRoute("wss://chat.example.com/ws/v1"))
        #expect((route.scheme, route.host, route.contextRoot, route.isPrefix) == ("wss", "chat.example.com", "/ws/v1", false))
        let prefix = AliyunRoute("wordpress")
        #expect((prefix.scheme, prefix.host, prefix.contextRoot, prefix.isPrefix) == ("http", "wordpress", "", true))
    }

    @Test(arguments: ["wordpress", "http://wp.sample.com/context", "WP.Example.COM/Ctx_1/a-b.c", "tcp://db.local", "ws://a-b.c-d.io/",
                      "x.co", "https://secure.example.com", "web-1", "\(String(repeating: "a", count: 120)).com"])
    func validRoutes(entry: String) {
        #expect(AliyunRoute(Substring(entry)).problems.isEmpty)
    }

    @Test(arguments: [
        ("ftp://wp.example.com", AliyunRoute.Problem.unknownScheme("ftp")),
        ("HTTP://wp.example.com", .unknownScheme("HTTP")),
        ("http://", .missingHost),
        ("/context", .missingHost),
        ("https://wordpress", .prefixWithHTTPS("wordpress")),
        ("web_1", .invalidPrefix("web_1")),
        ("-web", .invalidPrefix("-web")),
        ("web:8080", .invalidPrefix("web:8080")),
        ("wp.cluster.cn-beijing.alicontainer.com", .reservedDomain("wp.cluster.cn-beijing.alicontainer.com")),
        ("example.c", .invalidDomain("example.c")),
        ("example.com.", .invalidDomain("example.com.")),
        ("a--b.com", .invalidDomain("a--b.com")),
        ("a-.com", .invalidDomain("a-.com")),
        ("example.c0m", .invalidDomain("example.c0m")),
        ("my_site.com", .invalidDomain("my_site.com")),
        ("\(String(repeating: "a", count: 124)).com", .domainTooLong(128)),
        ("wp.example.com/a b", .invalidContextRoot("/a b")),
        ("wp.example.com/\(String(repeating: "a", count: 127))", .contextRootTooLong(128)),
    ])
    func invalidRoutes(entry: String, problem: AliyunRoute.Problem) {
        #expect(AliyunRoute(Substring(entry)).problems == [problem])
    }

    @Test func duplicateRoutesIncludeTheDefaultScheme() {
        let problems = AliyunRoute.problems(in: "wordpress;http://wordpress;https://wp.example.com/a;wp.example.com/a;wss://wordpress")
        #expect(problems.map { "\($0.entry) \($0.problem)" } == ["http://wordpress duplicate"])
    }

    @Test(arguments: ["tcp://proxy_test:80", "http://lb-2ze0e2wlvf9l1hfv9m1lv:8080", "udp://a/b.c:53", "https://s:65535",
                      "tcp://\(String(repeating: "s", count: 80)):1"])
    func validLoadBalancers(entry: String) {
        #expect(AliyunLoadBalancer.problems(Substring(entry)).isEmpty)
    }

    @Test(arguments: [
        ("slb:80", [AliyunLoadBalancer.Problem.malformed]),
        ("tcp://slb", [.missingPort(name: "slb")]),
        ("tls://slb:443", [.unknownScheme("tls")]),
        ("TCP://slb:80", [.unknownScheme("TCP")]),
        ("tcp://:80", [.missingName]),
        ("tcp://my slb:80", [.invalidName("my slb")]),
        ("tcp://\(String(repeating: "s", count: 81)):80", [.nameTooLong(81)]),
        ("tcp://slb:0", [.invalidPort("0")]),
        ("tcp://slb:000080", [.invalidPort("000080")]),
        ("tcp://slb:http", [.invalidPort("http")]),
        ("ftp://a:b:99999", [.unknownScheme("ftp"), .invalidName("a:b"), .invalidPort("99999")]),
    ])
    func invalidLoadBalancers(entry: String, problems: [AliyunLoadBalancer.Problem]) {
        #expect(AliyunLoadBalancer.problems(Substring(entry)) == problems)
    }

    @Test(arguments: ["http://container/license.txt", "http://container:8080/health", "HTTP://container", "http://container:/x", "tcp://container:3306"])
    func validProbes(url: String) {
        #expect(AliyunProbe.problems(url).isEmpty)
    }

    @Test(arguments: [
        ("container:80", [AliyunProbe.Problem.malformed]),
        ("https://container/health", [.unsupportedScheme("https")]),
        ("http://localhost:8080/health", [.notContainer(host: "localhost", corrected: "http://container:8080/health")]),
        ("tcp://web", [.notContainer(host: "web", corrected: "tcp://container"), .missingPort]),
        ("tcp://container", [.missingPort]),
        ("http://container:http/", [.invalidPort("http")]),
        ("tcp://container:70000", [.invalidPort("70000")]),
    ])
    func invalidProbes(url: String, problems: [AliyunProbe.Problem]) {
        #expect(AliyunProbe.problems(url) == problems)
    }
}
