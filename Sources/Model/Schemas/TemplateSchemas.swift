/// The schema of each template kind, as `lint` checks it and `stackc schema KIND` publishes it.
public enum TemplateSchemas {
    public struct Entry: Sendable {
        public let kind: DocumentKind
        public let type: FieldType
        public let description: String
    }

    /// Every kind's entry, for `stackc schema` and the published schema files.
    public static var kinds: [Entry] { DocumentKind.allCases.compactMap(entry(for:)) }

    /// The entry of one kind, whose schema alone is built: lint of a Compose file never pays for the
    /// pod and platform tables (a tenth of a small file's run).
    public static func entry(for kind: DocumentKind) -> Entry? {
        switch kind {
        case .compose:
            return Entry(kind: .compose, type: ComposeSchema.document,
                         description: "A Docker Compose file (Compose Specification layout, `services:`) with the aliyun dialect's service keys.")
        case .pod:
            return Entry(kind: .pod, type: PodSchema.template, description: "A podstack pod template: the `content` of the v2 podstack API.")
        case .application:
            return Entry(kind: .application, type: PlatformSchemas.application,
                         description: "A v2 application: the body of POST /v2/applications/{projectName}.")
        case .configmap:
            return Entry(kind: .configmap, type: PlatformSchemas.configMap, description: "A v2 configmap: the body of POST /v2/configmaps/{projectName}.")
        case .secret:
            return Entry(kind: .secret, type: PlatformSchemas.secret,
                         description: "A v2 secret: `data` (base64) and/or `stringData` (plain text stackc encodes).")
        case .alaudaService:
            return Entry(kind: .alaudaService, type: PlatformSchemas.alaudaService, description: "An Alauda service: the body of POST /v1/services/{namespace}.")
        case .aliyunVolume:
            return Entry(kind: .aliyunVolume, type: PlatformSchemas.aliyunVolume,
                         description: "An aliyun data volume: the body of POST /volumes/create (the nas or ossfs driver).")
        case .stack:
            return Entry(kind: .stack, type: .object(StackManifest.schema),
                         description: "A stackc stack manifest: the build target, the template file and the request metadata.")
        }
    }
}
