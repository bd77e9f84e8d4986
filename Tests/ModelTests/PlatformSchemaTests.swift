import Model
import Testing

/// The document kinds whose shape is a platform request body: the documented bodies are clean, and
/// mistakes are reported at their keys.
struct PlatformSchemaTests {
    // MARK: ConfigMap and Secret

    @Test func configMap() {
        #expect(SchemaFindings.of("kind: ConfigMap\nname: app-config\ndata:\n  app.yaml: |\n    port: 8080\n  MODE: production\n", as: PlatformSchemas.configMap).isEmpty)
        #expect(SchemaFindings.of("name: app-config\ndata:\n  PORT: 8080\n  DEBUG: true\nlabels: {a: b}\n", as: PlatformSchemas.configMap) == [
            "type-mismatch@3:9 data.PORT must be a string, not an integer",
            "type-mismatch@4:10 data.DEBUG must be a string, not a boolean",
            "unknown-field@5:1 a configmap has no key 'labels' (stackc schema lists the keys it allows)",
        ])
        #expect(SchemaFindings.of("name: app-config\n", as: PlatformSchemas.configMap) == ["missing-field@1:1 a configmap needs the key 'data'"])
    }

    @Test func secret() {
        #expect(SchemaFindings.of("kind: secret\nname: db\ndata:\n  password: cGFzc3dvcmQ=\nstringData:\n  user: admin\n", as: PlatformSchemas.secret).isEmpty)
        #expect(SchemaFindings.of("name: db\nstringdata:\n  user: admin\ndata: cGFzc3dvcmQ=\n", as: PlatformSchemas.secret) == [
            "unknown-field@2:1 a secret has no key 'stringdata'; did you mean 'stringData'?",
            "type-mismatch@4:7 data must be a mapping, not a string",
        ])
        #expect(SchemaFindings.of("data: {a: b}\n", as: PlatformSchemas.secret) == ["missing-field@1:1 a secret needs the key 'name'"])
    }

    // MARK: v2 application

    /// PLATFORM_API.md §5: every field of the create body, with the documented values.
    @Test func applicationExampleIsClean() {
        #expect(SchemaFindings.of("""
        kind: application
        name: orders
        imageRef: docker.oa.com:8080/public/orders:1.0
        resources: {cpu: "0.1", mem: 256Mi, disk: 1Gi, gpu: 0}
        instanceNum: 2
        cmd: /app/start.sh
        dockerEnv: [{name: MODE, value: production}]
        portMappings: [{protocol: tcp, containerPort: 8080}]
        dockerLogDir: /var/log/orders
        dockerDataDir: /data
        volumes: "rbd1:/data/rbd1,rbd2:/data/rbd2"
        networkType: 1
        userName: ops
        scale: {minReplicas: 1, maxReplicas: 4, targetCPUUtilization: 70}
        configMap: [{type: Volume, name: app-config, key: [app.yaml], mountPath: /etc/app}]
        secret: [{type: Env, name: db, key: [DB_PASSWORD]}]
        internalVolumes: [{allocateMode: new, fsType: ext4, volumeSize: 10, mountPath: /data}]
        nodeLabels: {zone: a}
        """, as: PlatformSchemas.application).isEmpty)
    }

    @Test func applicationMistakes() {
        #expect(SchemaFindings.of("""
        name: orders
        image: orders:1.0
        instanceNum: "2"
        dockerEnv: [{name: PORT, value: 8080}]
        scale: {minReplicas: 1, maxReplica: 4, targetCPUUtilization: 70}
        configMap: [{type: File, name: app-config}]
        internalVolumes: [{fsType: ntfs, volumeSize: 10, mountPath: /data}]
        """, as: PlatformSchemas.application) == [
            "unknown-field@2:1 a v2 application has no key 'image' (stackc schema lists the keys it allows)",
            "type-mismatch@3:14 instanceNum must be an integer, not a string",
            "type-mismatch@4:33 dockerEnv[0].value must be a string, not an integer",
            "unknown-field@5:25 scale (a scale section) has no key 'maxReplica'; did you mean 'maxReplicas'?",
            "missing-field@5:8 scale (a scale section) needs the key 'maxReplicas'",
            "type-mismatch@6:20 configMap[0].type must be one of 'Volume', 'Env', not 'File'",
            "type-mismatch@7:28 internalVolumes[0].fsType must be one of 'ext4', 'xfs', not 'ntfs'",
            "missing-field@1:1 a v2 application needs the key 'imageRef'",
        ])
    }

    // MARK: Alauda service

    /// PLATFORM_API.md §4: the create body as the source shows it, strings for the autoscaling values.
    @Test func alaudaExampleIsClean() {
        #expect(SchemaFindings.of("""
        service_name: test
        namespace: madams
        application: null
        image_name: index.alauda.cn/alauda/ubuntu
        image_tag: latest
        run_command: /bin/bash -c 'sleep 3600'
        instance_size: XS
        scaling_mode: AUTO
        target_state: STARTED
        custom_domain_name: test.example.com
        linked_to_apps: [web]
        target_num_instances: 1
        instance_envvars: {MODE: test}
        instance_ports:
          - {container_port: 22, protocol: tcp, endpoint_type: tcp-endpoint}
        autoscaling_config:
          metric_name: CPU_UTILIZATION
          metric_stat: MEAN
          upper_threshold: "0.6"
          lower_threshold: 0.1
          decrease_delta: "1"
          increase_delta: 1
          minimum_num_instances: "1"
          maximum_num_instances: "4"
          wait_period: "60"
        volumes:
          - {app_volume_dir: /data1, volume_type: EBS, size_gb: 10}
        region_name: BEIJING1
        """, as: PlatformSchemas.alaudaService).isEmpty)
    }

    @Test func alaudaMistakes() {
        #expect(SchemaFindings.of("""
        service_name: web
        image: index.alauda.cn/team/web
        target_num_instances: two
        instance_ports:
          - {port: 80}
        autoscaling_config: {upper_treshold: "0.6"}
        volumes:
          - {app_volume_dir: /data}
        """, as: PlatformSchemas.alaudaService) == [
            "unknown-field@2:1 a service definition for Alauda has no key 'image' (stackc schema lists the keys it allows)",
            "type-mismatch@3:23 target_num_instances must be an integer, not a string",
            "unknown-field@5:6 instance_ports[0] (a service port (instance_ports)) has no key 'port' (stackc schema lists the keys it allows)",
            "missing-field@5:5 instance_ports[0] (a service port (instance_ports)) needs the key 'container_port'",
            "unknown-field@6:22 autoscaling_config (a scaling policy (autoscaling_config)) has no key 'upper_treshold'; did you mean 'upper_threshold'?",
            "missing-field@8:5 volumes[0] (a volume) needs the key 'size_gb'",
            "missing-field@1:1 a service definition for Alauda needs the key 'image_name'",
        ])
    }

    // MARK: aliyun volume

    @Test func aliyunVolume() {
        #expect(SchemaFindings.of("""
        kind: aliyun-volume
        name: uploads
        driver: nas
        driverOpts:
          diskid: 0b1234-abcd
          host: 0b1234-abcd.cn-hangzhou.nas.aliyuncs.com
          path: /uploads
          mode: "755"
        """, as: PlatformSchemas.aliyunVolume).isEmpty)
        // `mode: 755` unquoted is the volume-driver-opts rule's finding, not the schema's.
        #expect(SchemaFindings.of("name: scratch\ndriver: local\ndriverOpts: {mode: 755}\n", as: PlatformSchemas.aliyunVolume).isEmpty)
        #expect(SchemaFindings.of("name: uploads\ndriverOpts: [diskid=1]\ndriver_opts: {}\n", as: PlatformSchemas.aliyunVolume) == [
            "type-mismatch@2:13 driverOpts must be a mapping, not a sequence",
            "unknown-field@3:1 a volume definition for aliyun has no key 'driver_opts'; did you mean 'driverOpts'?",
            "missing-field@1:1 a volume definition for aliyun needs the key 'driver'",
        ])
    }

    /// The `kind` marker is a string in every kind; nothing else is free, not even `x-` keys.
    @Test func kindMarkerAndNoExtensions() {
        for type in [PlatformSchemas.configMap, PlatformSchemas.secret, PlatformSchemas.application, PlatformSchemas.alaudaService, PlatformSchemas.aliyunVolume, PodSchema.template] {
            guard case .object(let schema) = type else { Issue.record("not an object"); continue }
            #expect(schema.type(of: "kind")?.description == "a string", "\(schema.name)")
            #expect(!schema.allowsExtensions, "\(schema.name)")
        }
    }
}
