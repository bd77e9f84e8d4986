/// A podstack pod template (PLATFORM_API.md §5; schema `PodSchema`): containers, volumes, replicas
/// and the platform's per-container log/data `annotation` list. Like the other kinds' views, each field
/// is declared once and read from its node when a rule asks.
public struct PodDocument: Sendable {
    public let root: NodeRef

    public init(root: NodeRef) {
        self.root = root
    }

    public var containers: [PodContainer] {
        mappings(root["containers"]).map(PodContainer.init)
    }

    /// Declared volumes.
    public var volumes: [PodVolume] {
        mappings(root["volumes"]).map(PodVolume.init)
    }

    public var annotations: [PodAnnotation] {
        mappings(root["annotation"]).map(PodAnnotation.init)
    }

    public var replicas: NodeRef? { root["replicas"] }
    /// `Always`, `OnFailure` or `Never`.
    public var restartPolicy: NodeRef? { root["restartPolicy"] }
}

/// The mapping items of a list; the schema reports any other item.
private func mappings(_ list: NodeRef?) -> [NodeRef] {
    (list?.items ?? []).filter(\.isMapping)
}

public struct PodContainer: Sendable {
    public let node: NodeRef

    public init(_ node: NodeRef) {
        self.node = node
    }

    public var nameNode: NodeRef? { node["name"] }
    public var name: Located<String>? { node["name"]?.string }
    public var imageNode: NodeRef? { node["image"] }
    public var image: Located<String>? { node["image"]?.string }
    public var env: [PodEnvironmentVariable] { mappings(node["env"]).map(PodEnvironmentVariable.init) }
    public var ports: [PodPort] { mappings(node["ports"]).map(PodPort.init) }
    public var volumeMounts: [PodVolumeMount] { mappings(node["volumeMounts"]).map(PodVolumeMount.init) }
    public var resources: PodResources? { node["resources"].map(PodResources.init) }
    public var securityContext: PodSecurityContext? { node["securityContext"].map(PodSecurityContext.init) }
    public var livenessProbe: NodeRef? { node["livenessProbe"] }
    public var readinessProbe: NodeRef? { node["readinessProbe"] }
}

public struct PodEnvironmentVariable: Sendable {
    public let node: NodeRef
    public var name: NodeRef? { node["name"] }
}

public struct PodPort: Sendable {
    public let node: NodeRef
    public var name: NodeRef? { node["name"] }
    public var containerPort: NodeRef? { node["containerPort"] }
    public var hostPort: NodeRef? { node["hostPort"] }
    public var hostIP: NodeRef? { node["hostIP"] }
    /// `TCP`, `UDP` or `SCTP`.
    public var `protocol`: NodeRef? { node["protocol"] }
}

public struct PodVolume: Sendable {
    public let node: NodeRef
    public var name: NodeRef? { node["name"] }
    /// `hostPath.path`: a folder of the node.
    public var hostPath: NodeRef? { node["hostPath"]?["path"] }
}

public struct PodVolumeMount: Sendable {
    public let node: NodeRef
    /// The pod volume it mounts.
    public var name: NodeRef? { node["name"] }
    public var mountPath: NodeRef? { node["mountPath"] }
}

/// Where the platform collects a container's logs and data.
public struct PodAnnotation: Sendable {
    public let node: NodeRef
    public var containerName: NodeRef? { node["containerName"] }
    public var logPath: NodeRef? { node["logPath"] }
    public var dataPath: NodeRef? { node["dataPath"] }
}

/// Kubernetes quantities by resource name (`cpu`, `memory` …).
public struct PodResources: Sendable {
    public let node: NodeRef
    public var requests: [(key: Located<String>, value: NodeRef)] { node["requests"]?.entries ?? [] }
    public var limits: [(key: Located<String>, value: NodeRef)] { node["limits"]?.entries ?? [] }
    public var memoryLimit: NodeRef? { node["limits"]?["memory"] }
}

public struct PodSecurityContext: Sendable {
    public let node: NodeRef
    public var privileged: NodeRef? { node["privileged"] }
    /// `capabilities.add`.
    public var addedCapabilities: NodeRef? { node["capabilities"]?["add"] }
}
