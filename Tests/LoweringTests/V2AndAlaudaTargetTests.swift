import Diagnostics
import Foundation
@testable import Lowering
import Model
import Testing

/// Bodies checked by hand against PLATFORM_API.md §4 and §5.
struct V2AndAlaudaTargetTests {
    /// The podstack example of PLATFORM_API.md §5, verbatim.
    static let podstackExample = """
    containers:
    - image: docker.oa.com:8080/public/mysql:latest
      name: mysql
      env:
      - name: POD_NAMESPACE
        valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
      - name: MYSQL_ROOT_PASSWORD
        value: hhh
      ports:
      - {containerPort: 8080, name: admin-port}
      - {containerPort: 3306, name: db-port}
      resources: {requests: {cpu: 100m, memory: 128Mi}}
      volumeMounts:
      - {mountPath: /var/lib/mysql, name: rethinkdb-storage}
    - image: docker.oa.com:8080/public/2048:latest
      name: 2048app
      env: [{name: POD_NAME, value: 2048app}]
      ports: [{containerPort: 80, name: web}]
    volumes:
    - name: rethinkdb-storage
      emptyDir: {}
    replicas: 3
    annotation:
    - {containerName: mysql, logPath: /data1, dataPath: /data2}
    - {containerName: 2048app, logPath: /var/log}

    """

    @Test func documentedPodstackExampleRoundTrips() throws {
        let request = try lower(Self.podstackExample, .v2Podstack, [.name: "web", .project: "team"])
        #expect(request.path == "/v2/podstack/team")
        let parsed = try parsedBody(request)
        #expect(parsed["stackInstanceName"] as? String == "web")
        #expect(structure(parsed["content"] as! String) == structure(Self.podstackExample))
        #expect(body(request).hasSuffix(#""scale":{"minReplicas":3,"maxReplicas":3,"targetCPUUtilization":80}}"#))
        let keys = Array((try JSONSerialization.jsonObject(with: Data(body(request).utf8)) as! [String: Any]).keys)
        #expect(Set(keys) == ["stackInstanceName", "content", "scale"])
        #expect(body(request).hasPrefix(#"{"stackInstanceName":"web","content":"containers:\n- image: docker.oa.com:8080/public/mysql:latest\n"#))
    }

    @Test func podstackScaleFromFlags() throws {
        let request = try lower("containers:\n- {name: a, image: b}\n", .v2Podstack, [.name: "w", .project: "t", .minReplicas: "2", .maxReplicas: "5", .targetCPU: "60"])
        #expect(body(request).hasSuffix(#""scale":{"minReplicas":2,"maxReplicas":5,"targetCPUUtilization":60}}"#))
    }

    @Test func podstackUpdateCarriesTheAppID() throws {
        let request = try lower("containers:\n- {name: a, image: b}\n", .v2PodstackUpdate, [.name: "web", .project: "team", .appID: "42"])
        #expect(request.path == "/v2/podstack/team/web")
        #expect(request.query.map { "\($0.name)=\($0.value)" } == ["app_id=42"])
        #expect(body(request) == #"{"content":"containers:\n- {name: a, image: b}\n"}"#)
    }

    /// The Compose example of PLATFORM_API.md §5 (with the elided services filled in).
    @Test func documentedComposeExampleRoundTrips() throws {
        let yaml = """
        c1:
          image: docker.oa.com:8080/public/helloworld
          replicas: 2
          mem_limit: 256m
          cpu_shares: 1
          environment: {CONTAINER_NAME: c1, app_NAME: app-c1}
          links: [c2, c3]
        c2: {image: docker.oa.com:8080/public/helloworld, replicas: 1, mem_limit: 256m, cpu_shares: 1, environment: {CONTAINER_NAME: c2}}
        c3: {image: docker.oa.com:8080/public/helloworld, replicas: 3, mem_limit: 128m, cpu_shares: 1, environment: {CONTAINER_NAME: c3}}

        """
        let request = try lower(yaml, .v2Compose, [.name: "hello", .project: "team"])
        #expect(request.path == "/v2/composes/team")
        let parsed = try parsedBody(request)
        #expect(parsed["stackInstanceName"] as? String == "hello")
        #expect(structure(parsed["content"] as! String) == structure(yaml))
    }

    @Test func configMapBody() throws {
        let request = try lower("kind: ConfigMap\nname: app-config\ndata:\n  LOG_LEVEL: info\n  retries: 3\n", .v2ConfigMap, [.project: "team"])
        #expect(request.path == "/v2/configmaps/team")
        #expect(body(request) == #"{"name":"app-config","data":{"LOG_LEVEL":"info","retries":"3"}}"#)
    }

    @Test func secretBodyEncodesStringData() throws {
        let yaml = "kind: Secret\nname: db\ndata:\n  user: YWRtaW4=\n  password: b2xk\nstringData:\n  password: hunter2\n  token: \"\"\n"
        let request = try lower(yaml, .v2Secret, [.project: "team"])
        #expect(body(request) == #"{"name":"db","data":{"user":"YWRtaW4=","password":"aHVudGVyMg==","token":""}}"#)
    }

    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")])
    func base64TestVectorsOfRFC4648(input: String, output: String) {
        #expect(Base64Encoding.encode(Array(input.utf8)) == output)
    }

    @Test func applicationBodyInDocumentedOrderWithStringResources() throws {
        let yaml = "kind: application\ninstanceNum: 2\nname: api\nimageRef: reg/api:1\nresources: {cpu: 0.1, mem: 256Mi, disk: 1Gi, gpu: 0}\nportMappings: [{protocol: tcp, containerPort: 8080}]\n"
        let request = try lower(yaml, .v2Application, [.project: "team"])
        #expect(request.path == "/v2/applications/team")
        #expect(body(request) == #"{"name":"api","imageRef":"reg/api:1","resources":{"cpu":"0.1","mem":"256Mi","disk":"1Gi","gpu":"0"},"instanceNum":2,"portMappings":[{"protocol":"tcp","containerPort":8080}]}"#)
    }

    @Test func alaudaServiceCompiledFromACompose() throws {
        let yaml = "services:\n  web:\n    image: index.alauda.cn/team/web:1.2\n    environment: [A=1, B]\n    ports: [\"8080:80\", \"53/udp\"]\n    deploy: {replicas: 2}\n    volumes: [\"data:/var/data\", \"./conf:/etc/conf\"]\nvolumes:\n  data: {}\n"
        let request = try lower(yaml, .alaudaService, [.project: "team", .service: "web"])
        #expect(request.path == "/v1/services/team")
        #expect(body(request) == #"{"service_name":"web","namespace":"team","image_name":"index.alauda.cn/team/web","image_tag":"1.2","target_state":"STARTED","target_num_instances":2,"instance_envvars":{"A":"1","B":""},"instance_ports":[{"container_port":80,"protocol":"tcp","endpoint_type":"tcp-endpoint"},{"container_port":53,"protocol":"udp","endpoint_type":"tcp-endpoint"}],"volumes":[{"app_volume_dir":"/var/data","volume_type":"EBS","size_gb":10}]}"#)
    }

    @Test func alaudaServiceFromItsOwnDocumentInDocumentedOrder() throws {
        let yaml = "image_name: web\nservice_name: web\nnamespace: team\nimage_tag: \"1\"\ninstance_size: XS\ntarget_num_instances: 1\n"
        let request = try lower(yaml, .alaudaService, [:])
        #expect(request.path == "/v1/services/team")
        #expect(body(request) == #"{"service_name":"web","namespace":"team","image_name":"web","image_tag":"1","instance_size":"XS","target_num_instances":1}"#)
    }

    /// The namespace and the name come from one source: flags win over the document, in the path and in the body alike.
    @Test func alaudaFlagsOverrideTheDocumentEverywhere() throws {
        let yaml = "image_name: web\nservice_name: web\nnamespace: team\n"
        let request = try lower(yaml, .alaudaService, [.project: "other", .name: "web2"])
        #expect(request.path == "/v1/services/other")
        #expect(body(request) == #"{"service_name":"web2","namespace":"other","image_name":"web"}"#)
        let withoutNamespace = try lower("image_name: web\nservice_name: web\n", .alaudaService, [.project: "team"])
        #expect(body(withoutNamespace) == #"{"service_name":"web","namespace":"team","image_name":"web"}"#, "the path's namespace is written into the body")
    }

    @Test(arguments: [("nginx", "nginx", "latest"), ("nginx:1.25", "nginx", "1.25"), ("reg:5000/a/b", "reg:5000/a/b", "latest"),
                      ("reg:5000/a/b:2", "reg:5000/a/b", "2"), ("a@sha256:abc", "a", "latest")])
    func imageSplitting(image: String, name: String, tag: String) {
        #expect(AlaudaService.splitImage(image) == (name, tag))
    }

    /// v2 names are not restricted by the documentation; whatever they hold is percent-encoded in the path.
    @Test func namesInPathsArePercentEncoded() throws {
        let request = try lower("web:\n  image: nginx\n", .v2Compose, [.project: "a/b c", .name: "n"])
        #expect(request.path == "/v2/composes/a%2Fb%20c")
    }

    @Test func wrongKindIsAClearFailure() {
        #expect(throws: LoweringFailure("v2-podstack takes a pod template, not a compose")) {
            try lower("web:\n  image: nginx\n", .v2Podstack, [.name: "a", .project: "b"])
        }
    }
}
