import Diagnostics
import Lowering
import Submit

/// `submit --dry-run`: the requests a flow may send, as they would go out, credentials and secret
/// values redacted.
enum DryRun {
    static func render(_ planned: [(note: String, request: Request)], endpoint: String, headers: [(name: String, value: String)],
                       redactor: Redactor) -> String {
        planned.map { note, request in
            let query = request.query.isEmpty ? "" : "?" + request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
            var text = "# \(note)\n\(request.method) \(redactor.url(endpoint + request.path + query))\n"
            for (name, value) in headers + request.headers { text += "\(name): \(redactor.header(name: name, value: value))\n" }
            if let body = request.body { text += "\n" + redactor.json(body).rendered(indent: "  ") + "\n" }
            return text
        }.joined(separator: "\n")
    }
}
