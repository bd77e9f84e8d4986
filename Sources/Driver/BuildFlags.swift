import Model

/// What the command line says about a build: the target, and the request values typed there as text.
/// They are assembled with the stack manifest, the template and the defaults (`RequestValues`, where
/// flags win) and checked like every other value, so a flag gets the same finding a manifest line would.
public struct BuildFlags: Sendable {
    public var target: TargetID?
    public var values: [RequestField: String]

    public init(target: TargetID? = nil, values: [RequestField: String] = [:]) {
        self.target = target
        self.values = values
    }
}
