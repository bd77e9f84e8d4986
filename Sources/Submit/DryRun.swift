import Diagnostics
import Lowering

/// `submit --dry-run`: the requests a flow may send, as they would go out — the query percent-encoded
/// as on the wire — with credentials and secret values redacted (key names stay: they say what is sent).
public enum DryRun {
    public static func render(_ planned: [(note: String, request: Request)], endpoint: String, headers: [(name: String, value: String)],
                              redactor: Redactor) -> String {
        let text = planned.map { note, request in
            var text = "# \(note)\n\(request.method) \(redactor.url(endpoint + request.path + encodedQuery(request.query)))\n"
            for (name, value) in headers + request.headers { text += "\(name): \(redactor.header(name: name, value: value))\n" }
            if let body = request.body { text += "\n" + redactor.json(body).rendered(indent: "  ") + "\n" }
            return text
        }.joined(separator: "\n")
        // Whatever the parts missed, the whole is redacted once more on its way out.
        return redactor.text(text)
    }
}
