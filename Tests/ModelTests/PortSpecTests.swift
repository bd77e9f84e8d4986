import Model
import Testing

/// A parsed port as one line, `host IP | published | target | protocol`, or the problem's message.
func portSummary(_ spec: Result<PortSpec, PortSpec.Problem>) -> String {
    switch spec {
    case .success(let port):
        let published = port.published.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "-"
        return "\(port.hostIP ?? "-") | \(published) | \(port.target.lowerBound)-\(port.target.upperBound) | \(port.protocol)"
    case .failure(let problem):
        return problem.message
    }
}

/// Compose's short port syntax `[HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]`, read the
/// way Docker's `nat.ParsePortSpec` reads it. Every valid case is one Docker Compose v2.40.3 accepts
/// (except the ranges and numbers out of bounds, which `port-range` reports); every problem one it
/// refuses.
struct PortSpecTests {
    @Test(arguments: [
        ("80", "- | - | 80-80 | tcp"),
        ("8080:80", "- | 8080-8080 | 80-80 | tcp"),
        ("127.0.0.1:8080-8081:80-81/udp", "127.0.0.1 | 8080-8081 | 80-81 | udp"),
        ("[::1]:8080:80", "::1 | 8080-8080 | 80-80 | tcp"),
        ("[1.2.3.4]:80:80", "1.2.3.4 | 80-80 | 80-80 | tcp"),
        // Everything before the last two ':' is the address, so IPv6 needs no brackets.
        ("::1:18080:80", "::1 | 18080-18080 | 80-80 | tcp"),
        ("2001:db8::1:8080:80/udp", "2001:db8::1 | 8080-8080 | 80-80 | udp"),
        ("::1::80", "::1 | - | 80-80 | tcp"),
        ("::::80", ":: | - | 80-80 | tcp"),
        // The address is returned as written: `port-syntax` says that `1:2` is none.
        ("1:2:3:4", "1:2 | 3-3 | 4-4 | tcp"),
        // An empty host port lets Docker pick one; an empty host IP is kept as written.
        (":80", "- | - | 80-80 | tcp"),
        ("127.0.0.1::80", "127.0.0.1 | - | 80-80 | tcp"),
        ("::80", " | - | 80-80 | tcp"),
        // The protocol follows the first '/', tcp when empty; `port-syntax` checks it.
        ("80/", "- | - | 80-80 | tcp"),
        ("8080:80/tcp/udp", "- | 8080-8080 | 80-80 | tcp/udp"),
        // A second '-' ends a range; leading zeros are fine.
        ("1-2-3:80", "- | 1-2 | 80-80 | tcp"),
        ("80-81-82", "- | - | 80-81 | tcp"),
        ("0000000000080", "- | - | 80-80 | tcp"),
        // Ranges parse either way round, and numbers out of bounds parse (`port-range` reports them).
        ("81-80", "- | - | 80-81 | tcp"),
        ("123456789:0", "- | 123456789-123456789 | 0-0 | tcp"),
    ])
    func validSpecifications(text: String, expected: String) {
        #expect(portSummary(PortSpec.parse(text)) == expected)
    }

    @Test(arguments: [
        ("[::1:80", "'[::1:80' opens an IPv6 address with '[' but never closes it"),
        ("[::1]80", "'[::1]80' needs a host port and a container port after the IPv6 address; write [ADDRESS]:HOST_PORT:CONTAINER_PORT, or [ADDRESS]::CONTAINER_PORT for any host port"),
        ("[::1]", "'[::1]' needs a host port and a container port after the IPv6 address; write [ADDRESS]:HOST_PORT:CONTAINER_PORT, or [ADDRESS]::CONTAINER_PORT for any host port"),
        ("[::1]:80/sctp", "'[::1]:80/sctp' needs a host port and a container port after the IPv6 address; write [ADDRESS]:HOST_PORT:CONTAINER_PORT, or [ADDRESS]::CONTAINER_PORT for any host port"),
        ("[::1]:1:2:3", "'[::1]:1:2:3' has too many ':' after the IPv6 address; use [ADDRESS]:HOST_PORT:CONTAINER_PORT[/PROTOCOL]"),
        ("[::1]x:80:80", "'[::1]x:80:80' needs ':' right after the ']' that closes the IPv6 address"),
        ("[[::1]]:80:80", "'[[::1]]:80:80' needs ':' right after the ']' that closes the IPv6 address"),
        ("x:80", "'x:80' has an invalid host port 'x'"),
        ("80:x", "'80:x' has no valid container port; use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"),
        ("80:", "'80:' has no valid container port; use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"),
        ("80:/tcp", "'80:/tcp' has no valid container port; use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"),
        ("", "'' has no valid container port; use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"),
        ("1234567890", "'1234567890' has no valid container port; use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"),
        ("80-", "'80-' has no valid container port; use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"),
        ("+80", "'+80' has no valid container port; use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"),
        // Read by bytes as Compose's Go code reads it: a combining mark after '-' is not part of the
        // separator, so the high end is not a number.
        ("80-\u{301}81", "'80-\u{301}81' has no valid container port; use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"),
    ])
    func problems(text: String, expected: String) {
        #expect(portSummary(PortSpec.parse(text)) == expected)
    }
}
