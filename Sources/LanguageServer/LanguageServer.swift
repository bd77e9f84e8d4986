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

    private let send: (String) -> Void
    private let log: (String) -> Void
    private var phase = Phase.uninitialized
    private var encoding = PositionEncoding.utf16
    private var hoverMarkdown = false
    /// Whether the client can be asked to watch settings files (`didChangeWatchedFiles` registration).
    private var watchesFiles = false
    private var documents: [String: OpenDocument] = [:]
    private var workspace = Workspace()
    /// Settings-file problems last published, by URI, so that fixed ones are cleared.
    private var publishedSettingsURIs: Set<String> = []
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
        for case .message(let body) in events { noteCancellation(in: body) }
        for event in events {
            switch event {
            case .message(let body): receive(body)
            case .problem(let problem): receiveProblem(problem)
            }
            if let exitCode { return exitCode }
        }
        finishRound()
        return nil
    }

    /// What the client's `$/cancelRequest` names.
    private func noteCancellation(in body: [UInt8]) {
        guard case .success(.notification("$/cancelRequest", let params)) = RPCMessage.read(body), let id = params?["id"], id.isValidID else { return }
        cancelled.insert(id.rendered())
    }

    /// Handles one message body.
    func receive(_ body: [UInt8]) {
        switch RPCMessage.read(body) {
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
                .init("codeActionProvider", .object([.init("codeActionKinds", .array([.string(CodeActions.quickFix)]))])),
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

    private func didOpen(_ params: JSONValue) {
        guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else { return }
        documents[uri] = OpenDocument(uri: uri, version: item["version"]?.integer, text: text, encoding: encoding)
    }

    private func didChange(_ params: JSONValue) {
        guard let uri = params.value(at: "textDocument", "uri")?.string, var document = documents[uri],
              let changes = params["contentChanges"]?.array else { return }
        for change in changes where !document.apply(change) {
            // A change that cannot be applied leaves the text unknown: its findings are withdrawn and
            // nothing more is said about it until it is opened again.
            documents[uri] = nil
            send(RPCReply.notification("window/logMessage", .object([
                .init("type", .int(1)), .init("message", .string("stackc: a malformed change to \(uri); reopen the document")),
            ])))
            return publish(uri)
        }
        document.version = params.value(at: "textDocument", "version")?.integer
        documents[uri] = document
    }

    private func didSave(_ params: JSONValue) {
        guard let uri = params.value(at: "textDocument", "uri")?.string, let path = DocumentURI.path(of: uri), Workspace.isSettingsFile(path) else { return }
        settingsChanged()
    }

    private func didClose(_ params: JSONValue) {
        guard let uri = params.value(at: "textDocument", "uri")?.string, documents.removeValue(forKey: uri) != nil else { return }
        publish(uri)
    }

    private func settingsChanged() {
        workspace.forget()
        for uri in documents.keys { documents[uri]?.needsLint = true }
    }

    private func lint(_ uri: String) {
        guard var document = documents[uri] else { return }
        document.needsLint = false
        document.report = document.path.flatMap { path in workspace.settings(forFile: path).lint(path: path, bytes: document.bytes) }
        documents[uri] = document
    }

    /// Publishes a URI's findings: its document's, and the problems of a settings file at that path.
    private func publish(_ uri: String) {
        var diagnostics: [JSONValue] = []
        if let document = documents[uri], let report = document.report {
            diagnostics += report.diagnostics.map { DiagnosticConversion.json($0, uri: uri, lines: document.lines) }
        }
        if let path = DocumentURI.path(of: uri), let report = workspace.settingsReports[path] {
            let lines = LineIndex(bytes: report.file.bytes, encoding: encoding)
            diagnostics += report.diagnostics.map { DiagnosticConversion.json($0, uri: uri, lines: lines) }
        }
        var params: [JSONValue.Member] = [.init("uri", .string(uri))]
        if let version = documents[uri]?.version { params.append(.init("version", .int(Int64(version)))) }
        params.append(.init("diagnostics", .array(diagnostics)))
        send(RPCReply.notification("textDocument/publishDiagnostics", .object(params)))
    }

    /// Publishes the problems of configuration and env files, and clears those no longer found.
    private func publishSettingsProblems() {
        let current = Set(workspace.settingsReports.keys.map(DocumentURI.uri(ofPath:)))
        for uri in current.union(publishedSettingsURIs).sorted() { publish(uri) }
        publishedSettingsURIs = current
    }

    private func freshDocument(_ params: JSONValue) -> OpenDocument? {
        guard let uri = params.value(at: "textDocument", "uri")?.string, let document = documents[uri] else { return nil }
        guard document.needsLint else { return document }
        lint(uri)
        publish(uri)
        return documents[uri]
    }

    private func hover(_ params: JSONValue) -> Result<JSONValue, Failure> {
        guard let position = TextPosition(params["position"]) else {
            return .failure(Failure(code: .invalidParams, message: "hover needs 'textDocument' and 'position'"))
        }
        guard let document = freshDocument(params), let report = document.report else { return .success(.null) }
        return .success(Hover.json(for: report.diagnostics, at: document.lines.byteOffset(of: position), lines: document.lines, markdown: hoverMarkdown))
    }

    private func codeActions(_ params: JSONValue) -> Result<JSONValue, Failure> {
        guard let start = TextPosition(params.value(at: "range", "start")), let end = TextPosition(params.value(at: "range", "end")) else {
            return .failure(Failure(code: .invalidParams, message: "codeAction needs 'textDocument' and 'range'"))
        }
        if let only = params.value(at: "context", "only")?.array?.compactMap(\.string),
           !only.contains(where: { CodeActions.quickFix.hasPrefix($0) }) {
            return .success(.array([]))
        }
        guard let document = freshDocument(params), let report = document.report else { return .success(.array([])) }
        return .success(CodeActions.json(for: report, uri: document.uri, lines: start.line, through: end.line, index: document.lines))
    }
}
