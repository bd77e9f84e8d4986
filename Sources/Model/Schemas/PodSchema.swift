/// The podstack pod template (PLATFORM_API.md §5): `containers`, `volumes`, `replicas` and the platform's
/// `annotation` list. Containers and volumes are Kubernetes' own (core/v1 `Container` and `Volume`), so
/// their fields and types are Kubernetes': integers are integers, booleans are booleans, and an env
/// `value` is a string (`value: 3306` is refused by the API server, so it is refused here too).
///
/// No `x-` keys anywhere: the template is sent to the platform as it is written, and Kubernetes has no
/// extension keys. The podstack format is a subset of a pod spec, so other pod-spec keys
/// (`nodeSelector`, `initContainers`, …) are unknown here: the platform would not apply them.
public enum PodSchema {
    public static let template: FieldType = .object(pod)

    static let pod = ObjectSchema("pod template", allowsExtensions: false, required: ["containers"], fields: [
        // The explicit kind marker that document detection reads (`kind: pod`).
        ("kind", .string),
        ("containers", .list(.object(container))),
        ("volumes", .list(.object(volume))),
        ("replicas", .integer),
        ("annotation", .list(.object(annotation))),
        // The one pod-level key beyond the four of the example: how the containers restart, which
        // the restart-policy rule checks (`Always`, `OnFailure`, `Never`).
        ("restartPolicy", .string),
    ])

    /// Where the platform collects a container's logs and data. Without `containerName` the entry
    /// applies to nothing.
    static let annotation = ObjectSchema("container annotation", allowsExtensions: false, required: ["containerName"], fields: [
        ("containerName", .string),
        ("logPath", .string),
        ("dataPath", .string),
    ])

    // MARK: Container

    /// `name` and `image` are required. Kubernetes makes `image` optional only so that controllers can
    /// fill it in; a pod without one cannot start, and the podstack template is the final pod.
    public static let container = ObjectSchema("container", allowsExtensions: false, required: ["name", "image"], fields: [
        ("name", .string),
        ("image", .string),
        ("command", .stringList),
        ("args", .stringList),
        ("workingDir", .string),
        ("ports", .list(.object(containerPort))),
        ("envFrom", .list(.object(envFromSource))),
        ("env", .list(.object(envVar))),
        ("resources", .object(resources)),
        ("resizePolicy", .list(.object(ObjectSchema("resize policy", allowsExtensions: false, required: ["resourceName", "restartPolicy"], fields: [
            ("resourceName", .string), ("restartPolicy", .string),
        ])))),
        // `Always` on an init container makes it a sidecar; kept for completeness.
        ("restartPolicy", .string),
        ("volumeMounts", .list(.object(volumeMount))),
        ("volumeDevices", .list(.object(ObjectSchema("volume device", allowsExtensions: false, required: ["name", "devicePath"], fields: [
            ("name", .string), ("devicePath", .string),
        ])))),
        ("livenessProbe", .object(probe)),
        ("readinessProbe", .object(probe)),
        ("startupProbe", .object(probe)),
        ("lifecycle", .object(lifecycle)),
        ("terminationMessagePath", .string),
        ("terminationMessagePolicy", .enumeration(["File", "FallbackToLogsOnError"])),
        ("imagePullPolicy", .enumeration(["Always", "Never", "IfNotPresent"])),
        // A deep, platform-dependent object (capabilities, SELinux, seccomp …): its shape is checked
        // by the API server, stackc only asks for a mapping.
        ("securityContext", .map(.any)),
        ("stdin", .boolean),
        ("stdinOnce", .boolean),
        ("tty", .boolean),
    ])

    static let containerPort = ObjectSchema("container port", allowsExtensions: false, required: ["containerPort"], fields: [
        ("containerPort", .integer),
        ("hostPort", .integer),
        ("name", .string),
        // `TCP`, `UDP` or `SCTP`: the port-syntax rule checks the value, with a suggestion for `udp`.
        ("protocol", .string),
        ("hostIP", .string),
    ])

    /// A resource quantity: `100m`, `128Mi`, or a bare number (`cpu: 1`, `cpu: 0.5`).
    static let quantity: FieldType = .oneOf([.string, .number])

    static let resources = ObjectSchema("resources section", allowsExtensions: false, fields: [
        ("limits", .map(quantity)),
        ("requests", .map(quantity)),
        ("claims", .list(.object(ObjectSchema("resource claim", allowsExtensions: false, required: ["name"], fields: [
            ("name", .string), ("request", .string),
        ])))),
    ])

    static let volumeMount = ObjectSchema("volume mount", allowsExtensions: false, required: ["name", "mountPath"], fields: [
        ("name", .string),
        ("mountPath", .string),
        ("readOnly", .boolean),
        ("recursiveReadOnly", .string),
        ("subPath", .string),
        ("subPathExpr", .string),
        ("mountPropagation", .string),
    ])

    // MARK: Environment

    static let envVar = ObjectSchema("container env variable", allowsExtensions: false, required: ["name"], fields: [
        ("name", .string),
        ("value", .string),
        ("valueFrom", .object(envVarSource)),
    ])

    static let envVarSource = ObjectSchema("value source", allowsExtensions: false, fields: [
        ("fieldRef", .object(ObjectSchema("field reference", allowsExtensions: false, required: ["fieldPath"], fields: [
            ("apiVersion", .string), ("fieldPath", .string),
        ]))),
        ("resourceFieldRef", .object(ObjectSchema("resource field reference", allowsExtensions: false, required: ["resource"], fields: [
            ("containerName", .string), ("resource", .string), ("divisor", quantity),
        ]))),
        ("configMapKeyRef", .object(keySelector("configmap key reference"))),
        ("secretKeyRef", .object(keySelector("secret key reference"))),
        ("fileKeyRef", .object(ObjectSchema("file key reference", allowsExtensions: false, required: ["volumeName", "path", "key"], fields: [
            ("volumeName", .string), ("path", .string), ("key", .string), ("optional", .boolean),
        ]))),
    ])

    static func keySelector(_ name: String) -> ObjectSchema {
        ObjectSchema(name, allowsExtensions: false, required: ["key"], fields: [
            ("name", .string), ("key", .string), ("optional", .boolean),
        ])
    }

    static let envFromSource = ObjectSchema("container envFrom source", allowsExtensions: false, fields: [
        ("prefix", .string),
        ("configMapRef", .object(namedReference("configmap reference"))),
        ("secretRef", .object(namedReference("secret reference"))),
    ])

    static func namedReference(_ name: String) -> ObjectSchema {
        ObjectSchema(name, allowsExtensions: false, fields: [("name", .string), ("optional", .boolean)])
    }

    // MARK: Probes and lifecycle

    static let probe = ObjectSchema("probe", allowsExtensions: false, fields: handlerFields + [
        ("grpc", .object(ObjectSchema("gRPC check", allowsExtensions: false, required: ["port"], fields: [
            ("port", .integer), ("service", .string),
        ]))),
        ("initialDelaySeconds", .integer),
        ("timeoutSeconds", .integer),
        ("periodSeconds", .integer),
        ("successThreshold", .integer),
        ("failureThreshold", .integer),
        ("terminationGracePeriodSeconds", .integer),
    ])

    static let lifecycle = ObjectSchema("lifecycle section", allowsExtensions: false, fields: [
        ("postStart", .object(lifecycleHandler)),
        ("preStop", .object(lifecycleHandler)),
        ("stopSignal", .string),
    ])

    static let lifecycleHandler = ObjectSchema("lifecycle handler", allowsExtensions: false, fields: handlerFields + [
        ("sleep", .object(ObjectSchema("sleep action", allowsExtensions: false, required: ["seconds"], fields: [("seconds", .integer)]))),
    ])

    /// What a probe and a lifecycle hook can run.
    static let handlerFields: [(String, FieldType)] = [
        ("exec", .object(ObjectSchema("command action (exec)", allowsExtensions: false, fields: [("command", .stringList)]))),
        ("httpGet", .object(ObjectSchema("web check (httpGet)", allowsExtensions: false, required: ["port"], fields: [
            ("path", .string),
            // A number or the name of a container port.
            ("port", .integerOrString),
            ("host", .string),
            ("scheme", .enumeration(["HTTP", "HTTPS"])),
            ("httpHeaders", .list(.object(ObjectSchema("request header", allowsExtensions: false, required: ["name", "value"], fields: [
                ("name", .string), ("value", .string),
            ])))),
        ]))),
        ("tcpSocket", .object(ObjectSchema("socket check (tcpSocket)", allowsExtensions: false, required: ["port"], fields: [
            ("port", .integerOrString), ("host", .string),
        ]))),
    ]

    // MARK: Volumes

    /// A pod volume: its `name` and one source. The common sources are spelt out; the rest are
    /// accepted as any mapping (their shapes are deep and the API server checks them).
    public static let volume = ObjectSchema("volume", allowsExtensions: false, required: ["name"], fields: [
        ("name", .string),
        ("emptyDir", .object(ObjectSchema("volume source (emptyDir)", allowsExtensions: false, fields: [
            ("medium", .string), ("sizeLimit", quantity),
        ]))),
        ("hostPath", .object(ObjectSchema("volume source (hostPath)", allowsExtensions: false, required: ["path"], fields: [
            ("path", .string), ("type", .string),
        ]))),
        ("configMap", .object(ObjectSchema("volume source (configMap)", allowsExtensions: false, fields: [
            ("name", .string), ("items", .list(.object(keyToPath))), ("defaultMode", .integer), ("optional", .boolean),
        ]))),
        ("secret", .object(ObjectSchema("volume source (secret)", allowsExtensions: false, fields: [
            ("secretName", .string), ("items", .list(.object(keyToPath))), ("defaultMode", .integer), ("optional", .boolean),
        ]))),
        ("persistentVolumeClaim", .object(ObjectSchema("volume source (persistentVolumeClaim)", allowsExtensions: false, required: ["claimName"], fields: [
            ("claimName", .string), ("readOnly", .boolean),
        ]))),
        ("nfs", .object(ObjectSchema("volume source (nfs)", allowsExtensions: false, required: ["server", "path"], fields: [
            ("server", .string), ("path", .string), ("readOnly", .boolean),
        ]))),
    ] + deepVolumeSources.map { ($0, .map(.any)) })

    static let keyToPath = ObjectSchema("key-to-file mapping", allowsExtensions: false, required: ["key", "path"], fields: [
        ("key", .string), ("path", .string), ("mode", .integer),
    ])

    /// The other volume sources of core/v1 `Volume`, checked only for being mappings.
    static let deepVolumeSources = [
        "awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "csi", "downwardAPI", "ephemeral", "fc",
        "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", "image", "iscsi", "photonPersistentDisk",
        "portworxVolume", "projected", "quobyte", "rbd", "scaleIO", "storageos", "vsphereVolume",
    ]
}
