import Diagnostics
import Driver

/// The protocol engine of `stackc lsp`: reads JSON-RPC messages, keeps the open documents, and writes
/// answers and `publishDiagnostics` through `send`. It does no I/O of its own apart from what linting
/// reads (configurations, `.env` files), so tests drive it message by message; `ServerLoop` feeds it
/// from a stream and decides when to lint.
///
/// Messages come in rounds (what arrived while the last round ran). Changes only mark a document
/// stale; `finishRound` lints each stale document once, whatever number of changes arrived, so fast
/// typing never queues work.
public final class LanguageServer {
    enum Phase { case uninitialized, running, shutDown }

    let send: (String) -> Void
    private let log: (String) -> Void
    private var phase = Phase.uninitialized
    var encoding = PositionEncoding.utf16
    var hoverMarkdown = false
    /// Whether the client can be asked to watch settings files (`didChangeWatchedFiles` registration).
    private var watchesFiles = false
    var documents: [String: OpenDocument] = [:]
    var workspace = Workspace()
    /// Settings-file problems last published, by URI, so that fixed ones are cleared.
    var publishedSettingsURIs: Set<String> = []
    private var nextRequestID: Int64 = 1
    /// Requests the client cancelled before they were answered, by their ids as JSON text.
    private var cancelled: Set<String> = []
    /// Set by `exit`: 0 after `shutdown`, 1 otherwise.
    public private(set) var exitCode: Int32?

    /// `send` writes a message body to the client; `log` a line for the user (standard error).
    public init(send: @escaping (String) -> Void, log: @escaping (String) -> Void = { _ in }) {
        self.send = send
        self.log = log
    }

    /// Handles one round of framed input in order, then lints what changed; a `$/cancelRequest` in
    /// the round cancels its request when that comes later in the round. Returns the exit status when
    /// the round held `exit` (what follows it is not read).
    public func handleRound(_ events: [MessageFramer.Event]) -> Int32? {
        let messages = events.map { event -> Result<RPCMessage, RPCError>? in
            guard case .message(let body) = event else { return nil }
            return RPCMessage.read(body)
        }
        for case .success(.notification("$/cancelRequest", let params)) in messages {
            if let id = params?["id"], id.isValidID { cancelled.insert(id.rendered()) }
        }
        for (event, message) in zip(events, messages) {
            if let message {
                receive(message)
            } else if case .problem(let problem) = event {
                receiveProblem(problem)
            }
            if let exitCode { return exitCode }
        }
        finishRound()
        return nil
    }

    /// Handles one message.
    private func receive(_ message: Result<RPCMessage, RPCError>) {
        switch message {
        case .failure(let error):
            send(RPCReply.error(error))
        case .success(.response):
            break
        case .success(.notification(let method, let params)):
            notification(method, params ?? .object([]))
        case .success(.request(let id, let method, let params)):
            if cancelled.remove(id.rendered()) != nil {
                return send(RPCReply.error(RPCError(id: id, code: .requestCancelled, message: "cancelled")))
            }
            switch request(method, params ?? .object([])) {
            case .success(let result): send(RPCReply.result(id: id, result))
            case .failure(let error): send(RPCReply.error(RPCError(id: id, code: error.code, message: error.message)))
            }
        }
    }

    /// A frame that could not be read is logged and answered as a parse error with no id (JSON-RPC's
    /// rule when the id is unknown).
    private func receiveProblem(_ message: String) {
        log("stackc lsp: \(message)")
        send(RPCReply.error(RPCError(id: .null, code: .parseError, message: message)))
    }

    /// Lints every document changed since its last lint and publishes the findings; cancellations
    /// of requests answered by now are forgotten.
    private func finishRound() {
        cancelled.removeAll()
        guard phase == .running else { return }
        let generation = workspace.generation
        for uri in documents.keys.sorted() where documents[uri]?.needsLint == true {
            lint(uri)
            publish(uri)
        }
        if workspace.generation != generation { publishSettingsProblems() }
    }

    /// True after `shutdown`: the end of the input is then a normal end.
    public var hasShutDown: Bool { phase == .shutDown }

    struct Failure: Error {
        let code: RPCError.Code
        let message: String
    }

    private func request(_ method: String, _ params: JSONValue) -> Result<JSONValue, Failure> {
        switch phase {
        case .uninitialized where method != "initialize":
            return .failure(Failure(code: .serverNotInitialized, message: "the first request must be 'initialize'"))
        case .running where method == "initialize":
            return .failure(Failure(code: .invalidRequest, message: "'initialize' was already received"))
        case .shutDown:
            return .failure(Failure(code: .invalidRequest, message: "the server is shut down; only 'exit' is accepted"))
        default: break
        }
        switch method {
        case "initialize": return .success(initialize(params))
        case "shutdown":
            phase = .shutDown
            return .success(.null)
        case "textDocument/hover": return hover(params)
        case "textDocument/codeAction": return codeActions(params)
        default: return .failure(Failure(code: .methodNotFound, message: "'\(method)' is not supported"))
        }
    }

    private func notification(_ method: String, _ params: JSONValue) {
        if method == "exit" {
            exitCode = phase == .shutDown ? 0 : 1
            return
        }
        guard phase == .running else { return }
        switch method {
        case "initialized": registerWatchers()
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didSave": didSave(params)
        case "textDocument/didClose": didClose(params)
        case "workspace/didChangeWatchedFiles": settingsChanged()
        default: break
        }
    }

    private func initialize(_ params: JSONValue) -> JSONValue {
        phase = .running
        encoding = PositionEncoding.negotiate(offered: params.value(at: "capabilities", "general", "positionEncodings")?.array?.compactMap(\.string))
        hoverMarkdown = params.value(at: "capabilities", "textDocument", "hover", "contentFormat")?.array?.first == .string("markdown")
        watchesFiles = params.value(at: "capabilities", "workspace", "didChangeWatchedFiles", "dynamicRegistration") == .bool(true)
        let sync = JSONValue.object([
            .init("openClose", .bool(true)),
            .init("change", .int(2)), // incremental
            .init("save", .object([.init("includeText", .bool(false))])),
        ])
        return .object([
            .init("capabilities", .object([
                .init("positionEncoding", .string(encoding.rawValue)),
                .init("textDocumentSync", sync),
                .init("hoverProvider", .bool(true)),
                .init("codeActionProvider", .object([.init("codeActionKinds", .array(CodeActions.kinds.map(JSONValue.string)))])),
            ])),
            .init("serverInfo", .object([.init("name", .string("stackc"))])),
        ])
    }

    /// Asks a client that can watch files to report changes to configurations and `.env` files;
    /// other clients' saves of those files (`didSave`) are noticed too.
    private func registerWatchers() {
        guard watchesFiles else { return }
        let watchers = ["**/.stackc.yaml", "**/.stackc.yml", "**/*.env", "**/.env"].map { JSONValue.object([.init("globPattern", .string($0))]) }
        let registration = JSONValue.object([
            .init("id", .string("stackc-settings-files")),
            .init("method", .string("workspace/didChangeWatchedFiles")),
            .init("registerOptions", .object([.init("watchers", .array(watchers))])),
        ])
        send(RPCReply.request(id: .string("stackc-\(nextRequestID)"), "client/registerCapability",
                              .object([.init("registrations", .array([registration]))])))
        nextRequestID += 1
    }

}
