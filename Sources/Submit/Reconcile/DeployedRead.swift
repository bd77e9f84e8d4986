import Diagnostics
import Lowering
import Model

/// The one GET of what a submission creates — shared by `plan`, the create-or-update flows and the
/// lookup that judges a lost create — so all of them read the same resource the same way.
enum DeployedRead {
    /// The documented GET of the resource `create` makes; nil for targets without one (a podstack).
    static func path(_ target: TargetID, name: String, create: Request) -> String? {
        let resource = encodePathSegment(name)
        switch target {
        case .aliyunProject, .aliyunProjectUpdate: return "/projects/" + resource
        case .aliyunVolume: return "/volumes/" + resource
        case .alaudaService: return create.path + "/" + resource + "/"
        case .v2Compose, .v2Application, .v2ConfigMap, .v2Secret: return create.path + "/" + resource
        case .aliyunScale, .v2Podstack, .v2PodstackUpdate: return nil
        }
    }

    /// The deployed resource (nil: 404, absent), or why it could not be read. Only GET is sent.
    static func read(_ session: Session, _ path: String, name: String) -> Result<JSONValue?, SubmitFailure> {
        let response: HTTPResponse
        switch session.send("GET", path) {
        case .failure(let failure): return .failure(failure)
        case .success(let answer): response = answer
        }
        if response.status == 404 { return .success(nil) }
        guard (200..<300).contains(response.status) else { return .failure(rejection(session, response, doing: "look up \(name)")) }
        guard let deployed = JSONParser.parse(response.body) else {
            return .failure(SubmitFailure(.unreachable, "the answer to the lookup of \(name) is not JSON (\(session.summary(of: response)))",
                                          status: response.status, requestID: session.requestID(of: response)))
        }
        if let code = deployed["Code"], code.text != "0" {
            return .failure(SubmitFailure(.rejected, "the server refused the lookup of \(name): Code \(code.text ?? "?"): \(session.summary(of: response))",
                                          status: response.status, requestID: session.requestID(of: response)))
        }
        return .success(deployed)
    }
}
