import Diagnostics

/// The requests about a document's findings: hover and code actions, answered on its latest text.
extension LanguageServer {
    func hover(_ params: JSONValue) -> Result<JSONValue, Failure> {
        guard let position = TextPosition(params["position"]) else {
            return .failure(Failure(code: .invalidParams, message: "hover needs 'textDocument' and 'position'"))
        }
        guard let document = freshDocument(params), let report = document.report else { return .success(.null) }
        return .success(Hover.json(for: report.diagnostics, at: document.lines.byteOffset(of: position), lines: document.lines, markdown: hoverMarkdown))
    }

    func codeActions(_ params: JSONValue) -> Result<JSONValue, Failure> {
        guard let start = TextPosition(params.value(at: "range", "start")), let end = TextPosition(params.value(at: "range", "end")) else {
            return .failure(Failure(code: .invalidParams, message: "codeAction needs 'textDocument' and 'range'"))
        }
        let only = params.value(at: "context", "only")?.array?.compactMap(\.string)
        let wanted = CodeActions.kinds.filter { CodeActions.isWanted($0, only: only) }
        guard !wanted.isEmpty, let document = freshDocument(params), let path = document.path, document.report != nil else { return .success(.array([])) }
        let settings = workspace.settings(forFile: path)
        var fixing = document
        if fixing.proven == nil { fixing.proven = fixing.report.map(settings.provingFixes) }
        guard let proven = fixing.proven else { return .success(.array([])) }
        var actions: [JSONValue] = []
        if wanted.contains(CodeActions.quickFix) {
            actions += CodeActions.quickFixes(for: proven, uri: document.uri, lines: start.line, through: end.line, index: document.lines)
        }
        if wanted.contains(CodeActions.fixAll), proven.diagnostics.contains(where: { $0.fix != nil }) {
            if fixing.fixed == nil { fixing.fixed = settings.fix(path: path, bytes: document.bytes) }
            if let fixed = fixing.fixed, let action = CodeActions.fixAll(fixed, uri: document.uri, index: document.lines) { actions.append(action) }
        }
        documents[document.uri] = fixing
        return .success(.array(actions))
    }
}
