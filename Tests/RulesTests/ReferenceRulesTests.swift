@testable import Rules
import Testing

/// What the examples cannot say: repeats and conflicts carry a note at the first occurrence.
struct ReferenceRulesTests {
    func notes(_ rule: any Rule.Type, _ text: String) -> [String] {
        runRule(rule, on: text).findings.flatMap { finding in
            finding.notes.map { "\(finding.range!.start.line)→\($0.range!.start.line):\($0.range!.start.column) \($0.message)" }
        }
    }

    @Test func repeatsPointAtTheFirstOccurrence() {
        #expect(notes(DuplicateEnv.self, "services:\n  web:\n    image: x\n    environment:\n      - A=1\n      - A=2\n") == ["6→5:9 first set here"])
        #expect(notes(MountConflict.self, "containers:\n  - name: a\n    image: x\n    volumeMounts:\n      - {name: d, mountPath: /d}\n      - {name: e, mountPath: /d/}\n")
            == ["6→5:30 first mounted here"])
        #expect(notes(DuplicateName.self, "containers:\n  - {name: a, image: x}\n  - {name: a, image: y}\n") == ["3→2:12 first defined here"])
    }

    @Test func conflictsPointAtTheFirstPublisher() {
        #expect(notes(HostPortConflict.self, "services:\n  a: {image: x, ports: ['80:80']}\n  b: {image: x, ports: ['80:8080']}\n  c: {image: x, ports: ['80:80']}\n")
            == ["3→2:25 published here first", "4→2:25 published here first"])
    }
}
