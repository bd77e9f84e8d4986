// swift-tools-version:6.0
import PackageDescription

// Stages are separate targets so each can be tested alone and a later stage can never reach into an
// earlier one's internals (see DESIGN.md). The C libraries come from the system through pkg-config;
// `scripts/install-deps.sh` installs them, because SwiftPM only warns when one is missing.
let package = Package(
    name: "stackc",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stackc", targets: ["stackc"]),
        // The stages as one library, for the libFuzzer harness in `FuzzTesting/` (a separate package, so the
        // fuzzer flags never reach the normal build).
        .library(name: "StackcPipeline", targets: ["Driver", "Project", "Lowering", "Model", "Reporting", "Interpolation", "Syntax", "Diagnostics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // Headers only: the shims open libcurl and libcrypto when a request is sent or signed, so `lint`
        // never loads them (libcurl alone maps twenty libraries at start-up). No pkgConfig, which would link them.
        .systemLibrary(name: "CLibCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibCrypto", providers: [.apt(["libssl-dev"])]),

        .target(name: "Diagnostics"),
        .target(name: "Syntax", dependencies: ["Diagnostics", "CLibYAML"]),
        .target(name: "Interpolation", dependencies: ["Diagnostics", "Syntax"]),
        .target(name: "Reporting", dependencies: ["Diagnostics"]),
        .target(name: "Model", dependencies: ["Diagnostics", "Syntax"]),
        .target(name: "Project", dependencies: ["Diagnostics", "Syntax", "Interpolation", "Model"]),
        .target(name: "Rules", dependencies: ["Diagnostics", "Syntax", "Interpolation", "Model"]),
        .target(name: "Lowering", dependencies: ["Diagnostics", "Syntax", "Interpolation", "Model"]),
        .target(name: "Submit", dependencies: ["Diagnostics", "Model", "Lowering", "CLibCurl", "CLibCrypto"]),
        // Driver runs whole commands, `submit` and `trigger` too: the build, then the Submit flow.
        .target(name: "Driver", dependencies: ["Diagnostics", "Syntax", "Interpolation", "Model", "Project", "Rules", "Lowering", "Reporting", "Submit"]),
        .target(name: "LanguageServer", dependencies: ["Diagnostics", "Rules", "Driver"]),
        .executableTarget(
            name: "stackc",
            dependencies: ["Driver", "Reporting", "Diagnostics", "Syntax", "Model", "Rules", "Lowering", "Submit", "LanguageServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .target(name: "TestSupport", dependencies: ["Diagnostics"], path: "Tests/TestSupport"),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "TestSupport"]),
        .testTarget(name: "SyntaxTests", dependencies: ["Syntax", "TestSupport"]),
        .testTarget(name: "InterpolationTests", dependencies: ["Interpolation", "Syntax", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "Model", "Syntax", "Interpolation", "TestSupport"]),
        .testTarget(name: "LoweringTests", dependencies: ["Lowering", "Model", "Rules", "Syntax", "Interpolation", "Diagnostics", "TestSupport"]),
        .testTarget(name: "ProjectTests", dependencies: ["Project", "Syntax", "Interpolation", "TestSupport"]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "Syntax", "Interpolation", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "TestSupport"]),
        .testTarget(name: "DriverTests", dependencies: ["Driver", "Model", "Rules", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LanguageServerTests", dependencies: ["LanguageServer", "Diagnostics", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"], exclude: ["Fixtures"]),
        // The command module itself (its settings), imported as executable modules can be for tests.
        .testTarget(name: "CommandTests", dependencies: ["stackc"]),
        .testTarget(name: "SubmitTests", dependencies: ["Submit", "Driver", "Model", "Diagnostics", "TestSupport"]),
    ]
)
