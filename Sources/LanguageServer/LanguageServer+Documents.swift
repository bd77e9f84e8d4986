import Diagnostics
import Driver

/// Text synchronisation and diagnostics: the open documents, linted at their latest text, and the
/// problems of the settings files they use.
extension LanguageServer {
    func didOpen(_ params: JSONValue) {
        guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else { return }
        documents[uri] = OpenDocument(uri: uri, version: item["version"]?.integer, text: text, encoding: encoding)
    }

    func didChange(_ params: JSONValue) {
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

    func didSave(_ params: JSONValue) {
        guard let uri = params.value(at: "textDocument", "uri")?.string, let path = DocumentURI.path(of: uri), Workspace.isSettingsFile(path) else { return }
        settingsChanged()
    }

    func didClose(_ params: JSONValue) {
        guard let uri = params.value(at: "textDocument", "uri")?.string, documents.removeValue(forKey: uri) != nil else { return }
        publish(uri)
    }

    func settingsChanged() {
        workspace.forget()
        for uri in documents.keys { documents[uri]?.needsLint = true }
    }

    func lint(_ uri: String) {
        guard var document = documents[uri] else { return }
        document.needsLint = false
        document.report = document.path.flatMap { path in workspace.settings(forFile: path).lint(path: path, bytes: document.bytes) }
        documents[uri] = document
    }

    /// Publishes a URI's findings: its document's, and the problems of a settings file at that path.
    func publish(_ uri: String) {
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
    func publishSettingsProblems() {
        let current = Set(workspace.settingsReports.keys.map(DocumentURI.uri(ofPath:)))
        for uri in current.union(publishedSettingsURIs).sorted() { publish(uri) }
        publishedSettingsURIs = current
    }

    func freshDocument(_ params: JSONValue) -> OpenDocument? {
        guard let uri = params.value(at: "textDocument", "uri")?.string, let document = documents[uri] else { return nil }
        guard document.needsLint else { return document }
        lint(uri)
        publish(uri)
        return documents[uri]
    }
}
