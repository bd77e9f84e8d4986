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
        if let only = params.value(at: "context", "only")?.array?.compactMap(\.string),
           !only.contains(where: { CodeActions.quickFix.hasPrefix($0) }) {
            return .success(.array([]))
        }
        guard let document = freshDocument(params), let report = document.report else { return .success(.array([])) }
        return .success(CodeActions.json(for: report, uri: document.uri, lines: start.line, through: end.line, index: document.lines))
    }
}
