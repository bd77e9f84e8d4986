import Diagnostics
import Driver
import Interpolation
import Testing
import TestSupport

/// `env_file` and `label_file` must exist, as Docker Compose reads them when it loads the file.
struct ReferencedFilesTests {
    private func errors(_ compose: String, files: [String: String] = [:], in folder: TemporaryDirectory) throws -> [String] {
        for (name, text) in files { _ = try folder.write(name, text) }
        let path = try folder.write("compose.yaml", compose)
        let outcome = LintPipeline.lint(.file(path), environment: Environment(), options: FrontEndOptions())
        return outcome.reports.flatMap(\.diagnostics).filter { $0.severity == .error }.map { "\($0.range?.start.description ?? "") \($0.message) [\($0.rule)]" }
    }

    @Test func aMissingEnvFileOrLabelFileIsAnError() throws {
        let folder = try TemporaryDirectory()
        let found = try errors("""
            services:
              web:
                image: nginx
                env_file: [app.env, {path: local.env, required: false}, present.env]
                label_file: labels
            """, files: ["present.env": "A=1\n"], in: folder)
        // Named as written and as resolved against the project's folder.
        #expect(found == [
            "4:16 env file 'app.env' (\(folder.path("app.env"))) of service 'web' does not exist; create it, fix the path, or mark it optional with {path: …, required: false} [missing-file]",
            "5:17 label file 'labels' (\(folder.path("labels"))) of service 'web' does not exist; create it or fix the path [missing-file]",
        ])
    }

    @Test func presentOptionalAndProfileOnlyFilesAreFine() throws {
        #expect(try errors("""
            services:
              web:
                image: nginx
                env_file: [app.env, {path: missing.env, required: false}]
              tool:
                image: tool
                profiles: [debug]
                env_file: debug.env
            """, files: ["app.env": "A=1\n"], in: TemporaryDirectory()).isEmpty)
    }
}
