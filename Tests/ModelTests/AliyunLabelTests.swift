import Diagnostics
import Interpolation
import Model
import Syntax
import Testing

/// Reading `aliyun.*` labels off a service, and the catalogue of their names.
struct AliyunLabelTests {
    func service(_ text: String) -> ComposeService {
        decodedCompose(text, preservedNames: ["ACS_DEFAULT_DOMAIN"]).services[0]
    }

    @Test func mappingForm() {
        let labels = service("""
        web:
          image: x
          labels:
            aliyun.scale: 1
            aliyun.global: true
            aliyun.routing.port_80: ' web '
            aliyun.depends:
            aliyun.lb.port_80: [a]
            aliyun.routing.port_81: web.${ACS_DEFAULT_DOMAIN}
            com.example: x
        """).aliyunLabels
        #expect(labels.map(\.name.value) == ["aliyun.scale", "aliyun.global", "aliyun.routing.port_80", "aliyun.depends", "aliyun.lb.port_80", "aliyun.routing.port_81"])
        #expect(labels.map { $0.value?.value } == ["1", "true", "web", nil, nil, "web.${ACS_DEFAULT_DOMAIN}"])
        #expect(labels.map(\.valueIsCollection) == [false, false, false, false, true, false])
        #expect(labels.map(\.valueHasVariable) == [false, false, false, false, false, true])
        #expect(labels.map(\.valueIsPlain) == [true, true, false, true, false, true])
        #expect(labels.allSatisfy { !$0.nameHasVariable })
    }

    @Test func listForm() {
        let labels = service("""
        web:
          image: x
          labels:
            - aliyun.scale=2
            - aliyun.global
            - aliyun.routing.port_80=a=b
            - aliyun.scale=${SCALE}
            - aliyun.routing.port_${PORT}=web
            - other=1
        """).aliyunLabels
        #expect(labels.map(\.name.value) == ["aliyun.scale", "aliyun.global", "aliyun.routing.port_80", "aliyun.scale", "aliyun.routing.port_"])
        #expect(labels.map { $0.value?.value } == ["2", nil, "a=b", "", "web"])
        #expect(labels.map(\.valueHasVariable) == [false, false, false, true, true])
        #expect(labels.map(\.nameHasVariable) == [false, false, false, false, true])
        #expect(labels.allSatisfy { !$0.valueIsPlain })
        #expect(labels[0].name.range.start.column == 7)
    }

    @Test func catalogueEntries() {
        #expect(AliyunLabelCatalogue.entry("aliyun.scale") == .known(.integer(minimum: 0, meaning: "the number of containers")))
        #expect(AliyunLabelCatalogue.entry("aliyun.routing.port_8080") == .known(.routing))
        #expect(AliyunLabelCatalogue.entry("aliyun.lb.port_1") == .known(.loadBalancer))
        #expect(AliyunLabelCatalogue.entry("aliyun.vip.port_65535") == .known(.text))
        #expect(AliyunLabelCatalogue.entry("aliyun.routing.port_0") == .invalidPort(family: "aliyun.routing.port_", suffix: "0"))
        #expect(AliyunLabelCatalogue.entry("aliyun.lb.port_65536") == .invalidPort(family: "aliyun.lb.port_", suffix: "65536"))
        #expect(AliyunLabelCatalogue.entry("aliyun.lb.port_") == .invalidPort(family: "aliyun.lb.port_", suffix: ""))
        #expect(AliyunLabelCatalogue.entry("aliyun.log_store_access") == .known(.logPath))
        #expect(AliyunLabelCatalogue.entry("aliyun.log_ttl_access") == .known(.integer(minimum: 1, meaning: "days")))
        #expect(AliyunLabelCatalogue.entry("aliyun.log_ttl_") == .missingLogstore(family: "aliyun.log_ttl_"))
        #expect(AliyunLabelCatalogue.entry("aliyun.proxy.VIRTUAL_HOST") == .known(.text))
        #expect(AliyunLabelCatalogue.entry("aliyun.proxy.") == .unknown)
        #expect(AliyunLabelCatalogue.entry("aliyun.auto_scaling.max_internetOutRate") == .known(.integer(minimum: 0, meaning: nil)))
        #expect(AliyunLabelCatalogue.entry("aliyun.monitoring.addon.prometheus") == .known(.text))
        #expect(AliyunLabelCatalogue.entry("aliyun.privileged") == .unknown)
        #expect(["aliyun.lb.port_443", "aliyun.routing.port_080", "aliyun.vip.port_1", "aliyun.lb.port_x", "aliyun.scale"].map(AliyunLabelCatalogue.containerPort)
            == [443, 80, 1, nil, nil])
    }

    @Test(arguments: [
        ("aliyun.scael", "aliyun.scale"),
        ("aliyun.routing.prot_80", "aliyun.routing.port_80"),
        ("aliyun.routingport_80", "aliyun.routing.port_80"),
        ("aliyun.lb_port_443", "aliyun.lb.port_443"),
        ("aliyun.log_stor_app", "aliyun.log_store_app"),
        ("aliyun.logstore_app", "aliyun.log_store_app"),
        ("aliyun.probe.initial_delay", nil),
        ("aliyun.rolling_update", "aliyun.rolling_updates"),
        ("aliyun.latest-image", "aliyun.latest_image"),
        ("aliyun.something", nil),
    ] as [(String, String?)])
    func suggestions(name: String, expected: String?) {
        #expect(AliyunLabelCatalogue.suggestion(for: name) == expected)
    }
}
