import Diagnostics
import Model
import Syntax
import Testing

/// The Compose v1 layout of the aliyun projects API and the v2 `composes` API, and the aliyun dialect
/// keys in both layouts.
struct ComposeV1SchemaTests {
    func v1(_ text: String) -> [String] {
        let tree = YAMLReader.read(SourceFile(path: "t.yaml", text: text)).tree!
        return ComposeSchema.validateV1(tree).map(SchemaFindings.render)
    }

    /// PLATFORM_API.md §5, the v2 `composes` example.
    @Test func v2ComposesExampleIsClean() {
        #expect(v1("""
        c1:
          image: docker.oa.com:8080/public/helloworld
          replicas: 2
          mem_limit: 256m
          cpu_shares: 1
          environment: {CONTAINER_NAME: c1, app_NAME: app-c1}
          links: [c2, c3]
        c2: {image: docker.oa.com:8080/public/helloworld, replicas: 1, mem_limit: 256m, cpu_shares: 1, environment: {CONTAINER_NAME: c2}}
        c3: {image: docker.oa.com:8080/public/helloworld, replicas: 3, mem_limit: 128m, cpu_shares: 1, environment: {CONTAINER_NAME: c3}}
        """).isEmpty)
        #expect(v1("web:\r\n  image: nginx").isEmpty)
    }

    /// ALIYUN.md §3.1: legacy v1 keys, the dialect keys, scheduling entries in `environment`, labels.
    @Test func aliyunDialectIsClean() {
        #expect(v1("""
        version: '2'
        x-common: &common
          restart: always
        web:
          <<: *common
          image: registry.aliyuncs.com/acs-sample/wordpress:4.5
          net: bridge
          log_driver: json-file
          log_opt: {max-size: 10m, max-file: 3}
          volume_driver: nas
          dns_options: [use-vc]
          oom-kill-disable: true
          oom_kill_disable: true
          kernel_memory: 64m
          memswap_reservation: 512m
          memswap_limit: 1g
          shm_size: 64m
          external_links: [redis.local]
          environment:
            - constraint:aliyun.node_index==(1|2|3)
            - affinity:service!=db
          labels:
            aliyun.scale: 3
            aliyun.routing.port_80: http://wordpress
        db:
          image: mysql
          external:
            host: $RDS_URL
            ports: [3306]
          healthcheck: {test: [CMD, mysqladmin, ping]}
          depends_on: [cache]
        cache:
          image: redis
          replicas: ${CACHE_REPLICAS}
        """).isEmpty)
    }

    /// Keys the platform does not support are still known, so the platform rule's warning is the one
    /// finding about them.
    @Test func unsupportedKeysAreLeftToThePlatformRule() {
        #expect(v1("""
        web:
          build: ./web
          dockerfile: Dockerfile.prod
          env_file: [common.env]
          extends: {file: base.yml, service: app}
          tty: true
          stdin_open: true
          detach: true
          mac_address: 02:42:ac:11:65:43
          networks: [front]
          image: web
        """).isEmpty)
    }

    @Test func findings() {
        #expect(v1("""
        version: 2
        web:
          image: nginx
          replica: 2
          deploy: {replicas: 2}
          kernel_memory: true
          dns_options: use-vc
          external: {port: 3306}
        cache: redis
        x-note: anything
        """) == [
            "type-mismatch@1:10 version must be a string, not an integer",
            "unknown-field@4:3 web (a service) has no key 'replica'; did you mean 'replicas'?",
            "unknown-field@5:3 web (a service) has no key 'deploy' (stackc schema lists the keys it allows)",
            "type-mismatch@6:18 web.kernel_memory must be a number or a string, not a boolean",
            "type-mismatch@7:16 web.dns_options must be a list of strings, not a string",
            "unknown-field@8:14 web.external (a link to an external address) has no key 'port'; did you mean 'ports'?",
            "missing-field@8:13 web.external (a link to an external address) needs the key 'host'",
            "type-mismatch@9:8 cache must be a mapping, not a string",
        ])
    }

    @Test func aTopLevelThatIsNotAMapping() {
        #expect(v1("- web\n") == ["type-mismatch@1:1 the document must be a mapping, not a sequence"])
    }

    /// The `services:` layout takes the two dialect keys the platforms' v2 templates use, not the
    /// v1-only ones; the pure Compose Specification service takes neither.
    @Test func dialectKeysInTheServicesLayout() {
        let text = """
        version: '2'
        services:
          db:
            image: mysql
            external: {host: rds.example.com, ports: [3306]}
            dns_options: [use-vc]
            replicas: 2
        """
        #expect(SchemaFindings.of(text, as: ComposeSchema.document) == [
            "unknown-field@7:5 services.db (a service) has no key 'replicas' (stackc schema lists the keys it allows)",
        ])
        #expect(ComposeSchema.specificationService.type(of: "external") == nil)
        #expect(ComposeSchema.specificationService.type(of: "dns_options") == nil)
        #expect(ComposeSchema.service.type(of: "external") != nil)
    }

    /// Every v1 key that the Compose Specification still has carries the specification's type.
    @Test func sharedKeysHaveTheSpecificationsTypes() {
        for field in ComposeSchema.v1Service.fields {
            if let specification = ComposeSchema.specificationService.type(of: field.name) {
                #expect(specification.description == field.type.description, "\(field.name)")
            }
        }
        #expect(ComposeSchema.v1Service.type(of: "net") != nil)
        #expect(ComposeSchema.v1Service.type(of: "deploy") == nil)
        #expect(ComposeSchema.v1Service.type(of: "secrets") == nil)
    }
}
