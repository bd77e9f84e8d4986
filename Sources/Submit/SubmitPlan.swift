import Diagnostics
import Lowering
import Model

/// Something `submit` can run against a session: one of the flows.
public protocol SubmitFlow {
    /// The requests the flow may send, for `--dry-run`.
    var plannedRequests: [(note: String, request: Request)] { get }
    func run(_ session: Session) -> SubmitOutcome
}

extension AliyunProjectFlow: SubmitFlow {
    public var plannedRequests: [(note: String, request: Request)] {
        if let finishing = finishRequest { return [finishing] }
        return [("look the project up", Request(method: "GET", path: "/projects/" + encodePathSegment(name), body: nil)),
                ("when it does not exist", create), ("when it exists", update)]
    }
}

extension RequestFlow: SubmitFlow {
    public var plannedRequests: [(note: String, request: Request)] { [(action == .created ? "create" : "update", request)] }
}

/// How each target is submitted: which flow, how to find out whether a create already happened, and
/// how the platform authenticates.
public enum SubmitPlan {
    public enum Authentication: Sendable, Equatable {
        /// aliyun cluster API: mutual TLS, no header.
        case clientCertificate
        /// `Authorization: <scheme> <token>` (v2: Bearer; Alauda: Token, the platform's convention).
        case token(scheme: String)
    }

    public static func authentication(for target: TargetID) -> Authentication {
        switch target.platform {
        case .aliyun: .clientCertificate
        case .alauda: .token(scheme: "Token")
        case .v2: .token(scheme: "Bearer")
        }
    }

    /// The flow for a target: create-or-update (`ChangeDecision`) wherever a documented GET shows what is
    /// deployed; the request as it is where none does.
    public static func flow(for target: TargetID, request: Request, update: Request?, operation: AliyunProjectFlow.Operation,
                            wait: WaitOptions?) -> any SubmitFlow {
        let name = resourceName(of: request)
        switch target {
        case .aliyunProject, .aliyunProjectUpdate:
            return AliyunProjectFlow(name: name, create: request, update: update ?? request, operation: operation, wait: wait)
        case .aliyunScale:
            return RequestFlow(request: request, target: label(of: target), name: request.path, action: .updated, lookupPath: nil)
        case .v2PodstackUpdate:
            return RequestFlow(request: request, target: label(of: target), name: name, action: .updated, lookupPath: nil, expectsCode: true)
        case .aliyunVolume, .alaudaService, .v2Compose, .v2Application, .v2ConfigMap, .v2Secret:
            return CreateOrUpdateFlow(target: target, label: label(of: target), name: name, create: request,
                                      lookupPath: DeployedRead.path(target, name: name, create: request) ?? request.path)
        case .v2Podstack:
            // No documented GET of a podstack: a create is repeated only when it cannot have arrived.
            return RequestFlow(request: request, target: label(of: target), name: name, action: .created, lookupPath: nil, expectsCode: true)
        }
    }

    /// How outcomes and plans name a target's resources.
    public static func label(of target: TargetID) -> String {
        switch target {
        case .aliyunProject, .aliyunProjectUpdate: AliyunProjectFlow.target
        case .aliyunVolume: "aliyun volume"
        case .aliyunScale: "aliyun service scale"
        case .v2PodstackUpdate: "v2 podstack"
        case .alaudaService: "alauda service"
        case .v2Podstack, .v2Compose, .v2Application, .v2ConfigMap, .v2Secret: target.rawValue
        }
    }

    /// The name the body gives its resource (or the last path segment for updates).
    public static func resourceName(of request: Request) -> String {
        for key in ["name", "stackInstanceName", "service_name"] {
            if let name = request.body?[key]?.text { return name }
        }
        let segments = request.path.split(separator: "/")
        let last = segments.last == "update" ? segments.dropLast().last : segments.last
        return last.map { String($0).removingPercentEncoding } ?? request.path
    }
}

extension String {
    /// The inverse of `encodePathSegment`, for names shown to people.
    var removingPercentEncoding: String {
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
