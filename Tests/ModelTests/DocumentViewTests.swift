import Diagnostics
import Model
import Syntax
import Testing

/// Each kind decodes into its own typed view, and each field of a view reads the key it is declared
/// for: every field below is written with its own path as its value, so a property that reads another
/// key (or a misspelt one) reads another text, or nothing.
struct DocumentViewTests {
    func decoded(_ text: String) -> Document {
        let tree = YAMLReader.read(SourceFile(path: "t.yaml", text: text)).tree!
        return DocumentDecoder.decode(tree).document!
    }

    @Test func application() throws {
        guard case .application(let document) = decoded("""
        imageRef: imageRef
        instanceNum: instanceNum
        networkType: networkType
        dockerLogDir: dockerLogDir
        dockerDataDir: dockerDataDir
        volumes: volumes
        resources: {cpu: resources.cpu, other: x, gpu: resources.gpu}
        scale: {minReplicas: scale.minReplicas, maxReplicas: scale.maxReplicas, targetCPUUtilization: scale.targetCPUUtilization}
        internalVolumes: [{volumeSize: internalVolumes.volumeSize, mountPath: internalVolumes.mountPath}]
        dockerEnv: [{name: dockerEnv.name}]
        portMappings: [{containerPort: portMappings.containerPort, protocol: portMappings.protocol}]
        configMap: [{type: configMap.type, name: configMap.name, key: configMap.key, mountPath: configMap.mountPath}]
        secret: [{key: [secret.key0, secret.key1]}]
        """) else { Issue.record("not an application"); return }
        let fields: [(String, NodeRef?)] = [
            ("imageRef", document.imageRef), ("instanceNum", document.instanceNum), ("networkType", document.networkType),
            ("dockerLogDir", document.dockerLogDir), ("dockerDataDir", document.dockerDataDir), ("volumes", document.volumes),
            ("scale.minReplicas", document.scale?.minReplicas), ("scale.maxReplicas", document.scale?.maxReplicas),
            ("scale.targetCPUUtilization", document.scale?.targetCPUUtilization),
            ("internalVolumes.volumeSize", document.internalVolumes.first?.volumeSize),
            ("internalVolumes.mountPath", document.internalVolumes.first?.mountPath),
            ("dockerEnv.name", document.dockerEnv.first?.name),
            ("portMappings.containerPort", document.portMappings.first?.containerPort),
            ("portMappings.protocol", document.portMappings.first?.protocol),
            ("configMap.type", document.configMaps.first?.type), ("configMap.name", document.configMaps.first?.name),
            ("configMap.mountPath", document.configMaps.first?.mountPath),
        ]
        for (path, node) in fields { #expect(node?.text == path) }
        #expect(document.resources?.quantities.map(\.value.text) == ["resources.cpu", "resources.gpu"])
        #expect(document.configMaps.first?.keys.map(\.text) == ["configMap.key"])
        #expect(document.secrets.first?.keys.map(\.text) == ["secret.key0", "secret.key1"])
        // A key itself, at its own position (line 6, column 1), for findings about the field being there.
        #expect(document.volumesKey?.value == "volumes" && document.volumesKey?.range.start.line == 6 && document.volumesKey?.range.start.column == 1)
        #expect(document.configMaps.first?.mountPathKey?.value == "mountPath")
        #expect(document.internalVolumesKey?.range.start.line == 9)
    }

    @Test func alaudaService() {
        guard case .alaudaService(let document) = decoded("""
        service_name: s
        image_name: image_name
        image_tag: image_tag
        target_num_instances: target_num_instances
        custom_domain_name: custom_domain_name
        instance_size: instance_size
        scaling_mode: scaling_mode
        target_state: target_state
        region_name: region_name
        autoscaling_config: {minimum_num_instances: a.min, maximum_num_instances: a.max, increase_delta: a.inc, decrease_delta: a.dec,
                             upper_threshold: a.upper, lower_threshold: a.lower, wait_period: a.wait}
        instance_ports: [{container_port: p.container_port, protocol: p.protocol, endpoint_type: p.endpoint_type}]
        volumes: [{app_volume_dir: v.app_volume_dir, volume_type: v.volume_type, size_gb: v.size_gb}]
        """) else { Issue.record("not an Alauda service"); return }
        let autoscaling = document.autoscalingConfig
        let port = document.instancePorts.first, volume = document.volumes.first
        let fields: [(String, NodeRef?)] = [
            ("image_name", document.imageName), ("image_tag", document.imageTag), ("target_num_instances", document.targetNumInstances),
            ("custom_domain_name", document.customDomainName), ("instance_size", document.instanceSize), ("scaling_mode", document.scalingMode),
            ("target_state", document.targetState), ("region_name", document.regionName),
            ("a.min", autoscaling?.minimumNumInstances), ("a.max", autoscaling?.maximumNumInstances), ("a.inc", autoscaling?.increaseDelta),
            ("a.dec", autoscaling?.decreaseDelta), ("a.upper", autoscaling?.upperThreshold), ("a.lower", autoscaling?.lowerThreshold),
            ("a.wait", autoscaling?.waitPeriod),
            ("p.container_port", port?.containerPort), ("p.protocol", port?.protocol), ("p.endpoint_type", port?.endpointType),
            ("v.app_volume_dir", volume?.appVolumeDir), ("v.volume_type", volume?.volumeType), ("v.size_gb", volume?.sizeGB),
        ]
        for (path, node) in fields { #expect(node?.text == path) }
    }

    @Test func configMapSecretVolumeAndManifest() {
        guard case .configmap(let configMap) = decoded("kind: ConfigMap\nname: name\ndata: {a: data.a}\n") else { Issue.record("not a configmap"); return }
        #expect(configMap.name?.text == "name" && configMap.data.map(\.value.text) == ["data.a"] && configMap.stringData.isEmpty)
        guard case .secret(let secret) = decoded("name: name\ndata: {a: data.a}\nstringData: {b: stringData.b}\n") else { Issue.record("not a secret"); return }
        #expect(secret.data.map(\.key.value) == ["a"] && secret.stringData.map(\.value.text) == ["stringData.b"])
        guard case .aliyunVolume(let volume) = decoded("name: name\ndriver: driver\ndriverOpts: {diskid: d}\n") else { Issue.record("not a volume"); return }
        #expect(volume.name?.text == "name" && volume.driver?.text == "driver")
        #expect(volume.driverOptions?.key.value == "driverOpts" && volume.driverOptions?.value.entries.map(\.value.text) == ["d"])
        guard case .stack(let manifest) = decoded("target: target\ntemplate: t.yaml\n") else { Issue.record("not a manifest"); return }
        #expect(manifest.target?.text == "target")
    }

    @Test func pod() {
        guard case .pod(let pod) = decoded("""
        replicas: replicas
        restartPolicy: restartPolicy
        containers:
        - name: c.name
          image: c.image
          env: [{name: env.name}]
          ports: [{name: p.name, containerPort: p.containerPort, hostPort: p.hostPort, hostIP: p.hostIP, protocol: p.protocol}]
          volumeMounts: [{name: m.name, mountPath: m.mountPath}]
          resources: {requests: {cpu: r.cpu}, limits: {memory: l.memory}}
          securityContext: {privileged: s.privileged, capabilities: {add: s.add}}
          livenessProbe: liveness
          readinessProbe: readiness
        volumes: [{name: v.name, hostPath: {path: v.hostPath}}]
        annotation: [{containerName: a.containerName, logPath: a.logPath, dataPath: a.dataPath}]
        """) else { Issue.record("not a pod"); return }
        guard let container = pod.containers.first, let port = container.ports.first else { Issue.record("no container"); return }
        let fields: [(String, NodeRef?)] = [
            ("replicas", pod.replicas), ("restartPolicy", pod.restartPolicy), ("c.name", container.nameNode), ("c.image", container.imageNode),
            ("env.name", container.env.first?.name), ("p.name", port.name), ("p.containerPort", port.containerPort), ("p.hostPort", port.hostPort),
            ("p.hostIP", port.hostIP), ("p.protocol", port.protocol), ("m.name", container.volumeMounts.first?.name),
            ("m.mountPath", container.volumeMounts.first?.mountPath), ("l.memory", container.resources?.memoryLimit),
            ("s.privileged", container.securityContext?.privileged), ("s.add", container.securityContext?.addedCapabilities),
            ("liveness", container.livenessProbe), ("readiness", container.readinessProbe),
            ("v.name", pod.volumes.first?.name), ("v.hostPath", pod.volumes.first?.hostPath),
            ("a.containerName", pod.annotations.first?.containerName), ("a.logPath", pod.annotations.first?.logPath),
            ("a.dataPath", pod.annotations.first?.dataPath),
        ]
        for (path, node) in fields { #expect(node?.text == path) }
        #expect(container.resources?.requests.map(\.value.text) == ["r.cpu"] && container.resources?.limits.map(\.key.value) == ["memory"])
    }

    @Test func composeService() {
        let compose = decodedCompose("""
        version: version
        name: name
        include: [include]
        services:
          web:
            image: image
            build: {shm_size: b.shm_size, dockerfile: b.dockerfile, dockerfile_inline: b.inline, platforms: [b.platform], additional_contexts: {a: b.context}, secrets: [b.secret]}
            extends: {service: e.service, file: e.file}
            deploy: {replicas: d.replicas, resources: {limits: {memory: d.memory, cpus: d.cpus, pids: d.pids}, reservations: {devices: [{count: d.count, device_ids: [x]}]}},
                     restart_policy: {condition: d.condition, delay: d.delay, window: d.window}, update_config: {monitor: d.monitor}, rollback_config: {delay: d.rollback}}
            healthcheck: {test: h.test, interval: h.interval, timeout: h.timeout, start_period: h.start_period, start_interval: h.start_interval}
            develop: {watch: [{action: w.action, target: w.target}]}
            ports: [{target: 80, published: "8080", host_ip: 127.0.0.1}]
            volumes: [{type: volume, source: data, target: /data}]
            secrets: [s1, {source: s2}]
            depends_on: {db: {condition: service_started, required: dependsOn.required}}
            network_mode: network_mode
            privileged: "yes"
            gpus: [{count: g.count}]
            provider: provider
            profiles: [profiles]
            container_name: container_name
            cap_add: [cap_add]
            command: command
          db: {image: db}
        volumes: {data: {external: {name: other}, name: data}}
        """)
        let service = compose.services[0]
        let deploy = service.deploy, build = service.build
        let fields: [(String, NodeRef?)] = [
            ("image", service.imageNode), ("b.shm_size", build?.shmSize), ("b.dockerfile", build?.dockerfile), ("b.inline", build?.dockerfileInline),
            ("e.service", service.extends?.service), ("e.file", service.extends?.file),
            ("d.replicas", deploy?.replicas), ("d.memory", deploy?.resources?.limits?.memory), ("d.cpus", deploy?.resources?.limits?.cpus),
            ("d.pids", deploy?.resources?.limits?.pids), ("d.count", deploy?.resources?.reservations?.devices.first?.count),
            ("d.condition", deploy?.restartPolicy?.condition), ("d.delay", deploy?.restartPolicy?.delay), ("d.window", deploy?.restartPolicy?.window),
            ("d.monitor", deploy?.updateConfig?.monitor), ("d.rollback", deploy?.rollbackConfig?.delay),
            ("h.test", service.healthcheck?.test), ("h.interval", service.healthcheck?.interval), ("h.timeout", service.healthcheck?.timeout),
            ("h.start_period", service.healthcheck?.startPeriod), ("h.start_interval", service.healthcheck?.startInterval),
            ("w.action", service.watchRules.first?.action), ("w.target", service.watchRules.first?.target),
            ("dependsOn.required", service.dependencyRequired(on: "db")), ("network_mode", service.networkMode), ("provider", service.provider),
            ("container_name", service.containerNameNode), ("command", service.command),
            ("version", compose.version), ("name", compose.name),
        ]
        for (path, node) in fields { #expect(node?.text == path) }
        #expect(build?.platforms?.items.map(\.text) == ["b.platform"] && build?.additionalContexts?.entries.map(\.value.text) == ["b.context"])
        #expect(build?.secrets.map(\.source?.value) == ["b.secret"] && service.secrets.map(\.source?.value) == ["s1", "s2"])
        #expect(service.gpuRequests.map(\.count?.text) == ["g.count"] && deploy?.resources?.reservations?.devices.first?.deviceIDsKey?.value == "device_ids")
        #expect(service.profiles?.stringList.map(\.value) == ["profiles"] && service.capAdd?.stringList.map(\.value) == ["cap_add"])
        #expect(service.ports.first?.publishedField?.text == "8080" && service.ports.first?.hostIPField?.text == "127.0.0.1" && service.ports.first?.targetField?.text == "80")
        #expect(service.volumes.first?.sourceField?.text == "data" && service.volumes.first?.writtenSource?.value == "data")
        #expect(compose.include != nil && compose.versionKey?.range.start.line == 1)
        let volumes = compose.resources(.volumes)
        #expect(volumes.map(\.name.value) == ["data"] && volumes.first?.resource.name?.text == "data" && volumes.first?.resource.externalName?.text == "other")
        #expect(compose.declaredNames(.volumes).map(\.value) == ["data"] && compose.declaredNames(.networks).isEmpty)
    }

    /// Booleans as Docker Compose converts them (`ComposeConversion.boolean`): the words it takes, in any
    /// case; nothing for a string it refuses, which is the schema's `type-mismatch`.
    @Test func composeBooleans() {
        let compose = decodedCompose("services:\n  a: {image: x, privileged: true, tty: 'YES', init: 'off', stdin_open: '1', read_only: 2}\n")
        let service = compose.services[0]
        #expect(service.privileged?.composeBoolean == true)
        #expect(service.node["tty"]?.composeBoolean == true)
        #expect(service.node["init"]?.composeBoolean == false)
        #expect(service.node["stdin_open"]?.composeBoolean == nil)
        #expect(service.node["read_only"]?.composeBoolean == nil)
    }
}
