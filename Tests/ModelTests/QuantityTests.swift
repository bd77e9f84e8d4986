import Model
import Testing

/// Kubernetes quantities (`resource.ParseQuantity`) and Docker byte sizes (go-units `RAMInBytes`): the
/// forms each accepts, the amount each means, and the look-alikes each refuses.
struct QuantityTests {
    @Test(arguments: [
        ("100m", 0.1), ("128Mi", 134_217_728), ("0.5", 0.5), ("1e3", 1000), ("1Gi", 1_073_741_824), ("1", 1), ("+1", 1),
        ("-1", -1), (".5", 0.5), ("5.", 5), ("1E", 1e18), ("1E3", 1000), ("1e-3", 0.001), ("2Ki", 2048), ("500u", 0.0005),
        ("10n", 1e-8), ("1M", 1e6), ("1k", 1000), ("3Ei", 3 * 0x1p60),
    ] as [(String, Double)])
    func kubernetesQuantities(text: String, value: Double) {
        #expect(Quantity.kubernetes(Substring(text))?.value == value)
    }

    @Test(arguments: ["", "Mi", "1 Mi", "1mi", "1MB", "1.5.5", "1e", "1e1.5", "0x10", "1Kib", ".", "-", "1i", "1K", " 1", "1m "])
    func notKubernetesQuantities(text: String) {
        #expect(Quantity.kubernetes(Substring(text)) == nil)
    }

    @Test func kubernetesSuffixIsKeptAsWritten() {
        #expect(Quantity.kubernetes("128m")?.suffix == "m")
        #expect(Quantity.kubernetes("1e3")?.suffix == "e3")
        #expect(Quantity.kubernetes("7")?.suffix == "")
    }

    @Test(arguments: [
        ("256m", 268_435_456), ("1g", 1_073_741_824), ("512k", 524_288), ("1024b", 1024), ("1024", 1024), ("1.5G", 1_610_612_736),
        ("10000Mb", 10_485_760_000), ("512 KiB", 524_288), ("1gb", 1_073_741_824), ("1KIB", 1024), ("0", 0), ("1e3", 1000), ("+5", 5),
        ("2t", 0x1p41), ("1P", 0x1p50), ("1 b", 1), ("1 ", 1),
        // Go lowers the suffix Unicode-aware: the Kelvin sign is a `k` to Docker (checked with docker compose config).
        ("1\u{212A}", 1024),
    ] as [(String, Double)])
    func dockerByteSizes(text: String, value: Double) {
        #expect(Quantity.byteSize(Substring(text))?.value == value)
    }

    /// `1ki` and `1ib` as docker compose config refuses them (a two-letter suffix must end in `b`).
    @Test(arguments: ["", "-1", "12zz", "1  ", "1  k", "1kbb", "1i", "mb", "1x", "1.5.5", "1e", "1Ki B", "1kiB5", "1 kib ", "1E", "1ki", "1ib", "1bb"])
    func notDockerByteSizes(text: String) {
        #expect(Quantity.byteSize(Substring(text)) == nil)
    }
}
