/// The schema of each template kind, as `lint` checks it and `stackc schema KIND` publishes it.
public enum TemplateSchemas {
    public struct Entry: Sendable {
        public let kind: DocumentKind
        public let type: FieldType
        public let description: String
    }

    public static let kinds: [Entry] = [
        Entry(kind: .stack, type: .object(StackManifest.schema),
              description: "A stackc stack manifest: the build target, the template file and the request metadata."),
    ]
}
