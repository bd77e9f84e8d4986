import Model
import Testing

struct IPAddressTests {
    @Test(arguments: ["0.0.0.0", "127.0.0.1", "255.255.255.255", "10.0.0.10"])
    func ipv4(text: String) {
        #expect(IPAddress.isIPv4(Substring(text)))
        #expect(IPAddress.isValid(Substring(text)))
    }

    @Test(arguments: ["::", "::1", "1::", "fe80::1", "2001:db8:0:0:0:0:2:1", "::ffff:192.0.2.1", "1:2:3:4:5:6:7::", "1:2:3:4:5:6:1.2.3.4"])
    func ipv6(text: String) {
        #expect(IPAddress.isIPv6(Substring(text)))
    }

    @Test(arguments: ["", "localhost", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.4 ", ":1", "1:", "1:2", "1::2::3", "1:::2",
                      "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4::5:6:7:8", "fe80::1%eth0", "::1.2.3", "g::1"])
    func invalid(text: String) {
        #expect(!IPAddress.isValid(Substring(text)))
    }
}
