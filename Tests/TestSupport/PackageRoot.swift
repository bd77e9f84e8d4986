import Foundation

/// The package's root folder (the one holding Package.swift), found from this file's own location
/// (`Tests/TestSupport/PackageRoot.swift`), so tests find samples and schemas wherever the checkout is.
public let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()   // Tests/TestSupport
    .deletingLastPathComponent()   // Tests
    .deletingLastPathComponent()   // the package
    .standardized
