import Lowering

/// One documented operation of one target: its method, its path with `{project}`, `{name}`, `{key}` and
/// `{volume}` placeholders, the query parameters it takes and those it cannot go without, and its body.
public struct OperationEndpoint: Sendable {
    public var method: String
    public var path: String
    public var parameters: [OperationParameter]
    public var required: [OperationParameter]
    public var body: OperationBody?
    /// Whether a failed attempt may be repeated even when it may have reached the server: false where a
    /// second request acts a second time (a second SIGHUP is a second reload, a second redeploy redeploys
    /// again); such a request is repeated only when the first certainly never arrived.
    public var repeatable: Bool

    init(_ method: String, _ path: String, _ parameters: [OperationParameter] = [], required: [OperationParameter] = [], body: OperationBody? = nil,
         repeatable: Bool = true) {
        self.method = method
        self.path = path
        // In the documented order: `parameters` lists the required ones too where the source puts them first.
        self.parameters = parameters + required.filter { !parameters.contains($0) }
        self.required = required
        self.body = body
        self.repeatable = repeatable
    }

    /// The path's placeholders and the flags that fill them.
    private static var placeholders: [(placeholder: String, flag: String, value: KeyPath<OperationArguments, String?>)] { [
        ("{project}", "--project", \.project), ("{name}", "--name", \.name), ("{key}", "--key-name", \.key), ("{volume}", "--volume-id", \.volumeID),
    ] }

    /// The request, placeholders percent-encoded; call only when `problem(with:doing:)` finds none.
    public func request(_ arguments: OperationArguments) -> Request {
        let path = Self.placeholders.reduce(self.path) { path, slot in
            path.replacing(slot.placeholder, with: encodePathSegment(arguments[keyPath: slot.value] ?? ""))
        }
        let query = parameters.compactMap { parameter in arguments.value(of: parameter).map { (name: parameter.queryName, value: $0) } }
        guard let json = body?.json(arguments) else { return Request(method: method, path: path, query: query, body: nil) }
        return Request(method: method, path: path, query: query, headers: [("Content-Type", "application/json")], body: json)
    }

    /// The flags the path's placeholders need.
    private var pathFlags: [String] {
        Self.placeholders.filter { path.contains($0.placeholder) }.map(\.flag)
    }

    /// What is wrong with `arguments` for this endpoint — a value it needs missing, or a flag given that
    /// it does not take (refused, never silently dropped) — as a usage message.
    func problem(with arguments: OperationArguments, doing what: String) -> String? {
        let taken = Set(pathFlags + parameters.map(\.flag) + (body?.inputs.map(\.flag) ?? []))
        let stray = arguments.givenFlags.filter { !taken.contains($0) }
        if !stray.isEmpty { return "\(stray.joined(separator: ", ")) \(stray.count == 1 ? "does" : "do") not apply to \(what)" }
        let given = Set(arguments.givenFlags)
        let missing = pathFlags.filter { !given.contains($0) } + required.filter { arguments.value(of: $0) == nil }.map(\.requirement)
            + (body?.inputs.filter { $0.required && !given.contains($0.flag) }.map(\.flag) ?? [])
        return missing.first.map { "\(what) needs \($0)" }
    }
}
