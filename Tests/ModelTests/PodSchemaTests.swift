import Model
import Testing

/// The podstack pod template: the documented example is clean, and each kind of mistake is reported
/// where it was written.
struct PodSchemaTests {
    func findings(_ text: String) -> [String] {
        SchemaFindings.of(text, as: PodSchema.template)
    }

    /// PLATFORM_API.md §5, the podstack example, as printed.
    @Test func documentedExampleIsClean() {
        #expect(findings("""
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
        """).isEmpty)
    }

    /// The rest of a Kubernetes container and the common volume sources.
    @Test func fullContainerIsClean() {
        #expect(findings("""
        kind: pod
        restartPolicy: Always
        containers:
          - name: app
            image: registry.example.com/app:1.2
            imagePullPolicy: IfNotPresent
            command: [/app/server]
            args: [--port, "8080"]
            workingDir: /app
            envFrom:
              - configMapRef: {name: app-config}
              - secretRef: {name: app-secrets, optional: true}
                prefix: SECRET_
            env:
              - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
              - {name: MODE, valueFrom: {configMapKeyRef: {name: app-config, key: mode, optional: true}}}
              - {name: LIMIT, valueFrom: {resourceFieldRef: {containerName: app, resource: limits.memory, divisor: 1Mi}}}
            ports: [{containerPort: 8080, hostPort: 80, name: http, protocol: TCP, hostIP: 0.0.0.0}]
            resources:
              requests: {cpu: 0.5, memory: 256Mi}
              limits: {cpu: 1, memory: 1Gi, nvidia.com/gpu: 1}
            volumeMounts:
              - {name: data, mountPath: /data, readOnly: false, subPath: app}
            livenessProbe:
              httpGet: {path: /healthz, port: http, scheme: HTTP, httpHeaders: [{name: X-Probe, value: "1"}]}
              initialDelaySeconds: 10
              periodSeconds: 5
              failureThreshold: 3
            readinessProbe:
              tcpSocket: {port: 8080}
            startupProbe:
              exec: {command: [cat, /tmp/ready]}
            lifecycle:
              preStop: {exec: {command: [/bin/sh, -c, sleep 5]}}
              postStart: {sleep: {seconds: 1}}
            securityContext: {runAsNonRoot: true, capabilities: {drop: [ALL]}}
            terminationMessagePath: /dev/termination-log
            terminationMessagePolicy: FallbackToLogsOnError
            stdin: false
            tty: false
        volumes:
          - {name: data, persistentVolumeClaim: {claimName: data}}
          - {name: config, configMap: {name: app-config, items: [{key: app.yaml, path: app.yaml}], defaultMode: 0644}}
          - {name: secret, secret: {secretName: app-secrets}}
          - {name: host, hostPath: {path: /var/log, type: Directory}}
          - {name: share, nfs: {server: nfs.example.com, path: /exports}}
          - {name: scratch, emptyDir: {medium: Memory, sizeLimit: 64Mi}}
          - {name: projected, projected: {sources: [{downwardAPI: {items: []}}]}}
        """).isEmpty)
    }

    @Test func containerMistakes() {
        #expect(findings("""
        containers:
          - name: db
            env:
              - name: MYSQL_PORT
                value: 3306
              - valueFrom: {fieldRef: {fieldPath: metadata.name}}
            ports: [{containerPort: "3306"}, {name: admin}]
            resources: {requests: {cpu: true}}
            volumeMount:
              - {name: data, mountPath: /data}
            imagePullPolicy: always
            livenessProbe: {httpGet: {path: /}}
        """) == [
            "type-mismatch@5:16 containers[0].env[0].value must be a string, not an integer",
            "missing-field@6:9 containers[0].env[1] (a container env variable) needs the key 'name'",
            "type-mismatch@7:29 containers[0].ports[0].containerPort must be an integer, not a string",
            "missing-field@7:38 containers[0].ports[1] (a container port) needs the key 'containerPort'",
            "type-mismatch@8:33 containers[0].resources.requests.cpu must be a string or a number, not a boolean",
            "unknown-field@9:5 containers[0] (a container) has no key 'volumeMount'; did you mean 'volumeMounts'?",
            "type-mismatch@11:22 containers[0].imagePullPolicy must be one of 'Always', 'Never', 'IfNotPresent', not 'always'",
            "missing-field@12:30 containers[0].livenessProbe.httpGet (a web check (httpGet)) needs the key 'port'",
            "missing-field@2:5 containers[0] (a container) needs the key 'image'",
        ])
    }

    @Test func podLevelMistakes() {
        #expect(findings("""
        nodeSelector: {disk: ssd}
        replicas: "3"
        containers:
          - {name: app, image: app, volumeMounts: [{name: data}]}
        volumes:
          - emptyDir: {}
          - name: cache
            emptyDir:
          - name: logs
            hostpath: {path: /var/log}
        annotation:
          - {logPath: /var/log}
        """) == [
            "unknown-field@1:1 a pod template has no key 'nodeSelector' (stackc schema lists the keys it allows)",
            "type-mismatch@2:11 replicas must be an integer, not a string",
            "missing-field@4:44 containers[0].volumeMounts[0] (a volume mount) needs the key 'mountPath'",
            "missing-field@6:5 volumes[0] (a volume) needs the key 'name'",
            "type-mismatch@8:14 volumes[1].emptyDir must be a mapping, not null",
            "unknown-field@10:5 volumes[2] (a volume) has no key 'hostpath'; did you mean 'hostPath'?",
            "missing-field@12:5 annotation[0] (a container annotation) needs the key 'containerName'",
        ])
    }

    @Test func containersAreRequired() {
        #expect(findings("replicas: 2\n") == ["missing-field@1:1 a pod template needs the key 'containers'"])
        #expect(findings("containers: {name: app}\n") == ["type-mismatch@1:13 containers must be a list of mappings, not a mapping"])
    }
}
