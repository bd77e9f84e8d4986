import Diagnostics
import Interpolation
import Model
import Syntax

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
