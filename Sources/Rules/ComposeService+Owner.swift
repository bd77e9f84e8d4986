import Model

extension ComposeService {
    /// How messages name the service (`service 'web'`). Computed where a message is built, never ahead of
    /// the checks: spelling it out for each of thousands of services that have no finding cost more than
    /// the checks themselves.
    var owner: String { "service '\(name.value)'" }
}
