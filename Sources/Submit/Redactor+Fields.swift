import Diagnostics

extension Redactor {
    /// One value taken from a body at `steps` (a changed field `plan` lists), masked as it would be in
    /// the whole body: the value is put back at its place, redacted with `json`, and taken out again, so
    /// a field is hidden by the same names (`instance_envvars`, `dockerEnv[…].value`, `data`) either way.
    public func json(_ value: JSONValue, at steps: [FieldChange.Step], plain: Set<String> = []) -> JSONValue {
        let placed = steps.reversed().reduce(value) { inner, step in
            switch step {
            case .key(let key): .object([.init(key, inner)])
            case .index: .array([inner])
            }
        }
        return steps.reduce(json(placed, plain: plain)) { outer, step in
            switch (step, outer) {
            case (.key(let key), _): outer[key] ?? .null
            case (.index, .array(let items)): items.first ?? .null
            default: .null
            }
        }
    }
}
