/// A configmap or a secret (PLATFORM_API.md §2; schemas `PlatformSchemas.configMap` and `.secret`): a
/// name and keyed data. A secret's `data` is base64 and its `stringData` plain text; a configmap has no
/// `stringData` (the schema reports one), but reads the same here, so its keys are checked too.
public struct KeyedDataDocument: Sendable {
    public let root: NodeRef

    public init(root: NodeRef) {
        self.root = root
    }

    public var name: NodeRef? { root["name"] }
    public var data: [(key: Located<String>, value: NodeRef)] { root["data"]?.entries ?? [] }
    public var stringData: [(key: Located<String>, value: NodeRef)] { root["stringData"]?.entries ?? [] }
}
