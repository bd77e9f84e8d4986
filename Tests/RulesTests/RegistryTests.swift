import Foundation
@testable import Rules
import Testing

/// The catalogue is complete, sorted, documented, and matches the rule files on disk.
struct RegistryTests {
    @Test func idsAreUniqueKebabCaseAndSorted() {
        let ids = RuleRegistry.all.map { $0.description.id.name }
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } && !id.hasPrefix("-") && !id.hasSuffix("-"), "\(id)")
        }
    }

    @Test func everyRuleIsDocumentedWithEnoughExamples() {
        for rule in RuleRegistry.all {
            let description = rule.description
            #expect(description.triggering.count >= 2, "\(description.id) needs 2 triggering examples")
            #expect(description.nonTriggering.count >= 2, "\(description.id) needs 2 non-triggering examples")
            #expect(!description.summary.isEmpty && !description.summary.hasSuffix("."), "\(description.id) summary")
            #expect(description.rationale.count > 40, "\(description.id) rationale")
            #expect(!description.kinds.isEmpty, "\(description.id) kinds")
        }
    }

    /// Every file under Sources/Rules/<Category>/ except the category list (`*Rules.swift`) holds one registered rule
    /// type of the same name.
    @Test func registryMatchesTheRuleFiles() throws {
        let rulesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/Rules").standardized
        let categories = try FileManager.default.contentsOfDirectory(atPath: rulesFolder.path).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: rulesFolder.appendingPathComponent($0).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        var fileTypes: [String] = []
        for category in categories {
            for file in try FileManager.default.contentsOfDirectory(atPath: rulesFolder.appendingPathComponent(category).path)
            where file.hasSuffix(".swift") && !file.hasSuffix("Rules.swift") {
                fileTypes.append(String(file.dropLast(".swift".count)))
            }
        }
        let registered = RuleRegistry.all.map { String(describing: $0) }
        #expect(fileTypes.sorted() == registered.sorted())
    }
}
