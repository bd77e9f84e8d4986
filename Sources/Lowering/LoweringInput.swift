import Diagnostics
import Interpolation
import Model
import Syntax

/// Request metadata that is not part of the template: from flags or a stack manifest.
public struct RequestMetadata: Sendable, Equatable {
    public var name: String?
    /// projectName (v2) or namespace (Alauda) or the aliyun project of a service.
    public var project: String?
    public var description: String?
    /// An explicit version, or `auto` for one derived from the content.
    public var version: String?
    public var appID: String?
    public var service: String?
    public var minReplicas: Int?
    public var maxReplicas: Int?
    public var targetCPU: Int?
    public var blueGreen: Bool
    public var latestImage: Bool?
    public var variables: VariablesMode

    public init(name: String? = nil, project: String? = nil, description: String? = nil, version: String? = nil, appID: String? = nil,
                service: String? = nil, minReplicas: Int? = nil, maxReplicas: Int? = nil, targetCPU: Int? = nil,
                blueGreen: Bool = false, latestImage: Bool? = nil, variables: VariablesMode = .local) {
        self.name = name
        self.project = project
        self.description = description
        self.version = version
        self.appID = appID
        self.service = service
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.targetCPU = targetCPU
        self.blueGreen = blueGreen
        self.latestImage = latestImage
        self.variables = variables
    }
}

/// Everything a target needs: the validated document, the tree as written and as interpolated, the
/// variables, and the metadata.
public struct LoweringInput: Sendable {
    public let document: Document
    public let file: SourceFile
    public let interpolated: InterpolatedTree
    public let environment: Environment
    public let metadata: RequestMetadata

    public init(document: Document, file: SourceFile, interpolated: InterpolatedTree, environment: Environment, metadata: RequestMetadata) {
        self.document = document
        self.file = file
        self.interpolated = interpolated
        self.environment = environment
        self.metadata = metadata
    }
}

/// Why a request cannot be built from otherwise valid input: missing metadata or a template of the
/// wrong kind. A usage problem (exit status 2), stated with the flag that fixes it.
public struct LoweringFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
