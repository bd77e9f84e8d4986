// swift-tools-version:6.0
import PackageDescription

// The libFuzzer harness lives in its own package so `swift build` of stackc never sees it: it has no
// `main` (libFuzzer supplies one) and only links with `-sanitize=fuzzer`. `scripts/fuzz.sh` builds it.
// SwiftPM names a path dependency after its folder, so the checkout's folder name is the package to use.
let checkout = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "stackc").lowercased()

let package = Package(
    name: "StackcFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzerEntry"),
        .executableTarget(name: "StackcFuzz", dependencies: ["FuzzerEntry", .product(name: "StackcPipeline", package: checkout)]),
    ]
)
