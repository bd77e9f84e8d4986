import Diagnostics
import Model
import Syntax

/// A whole number too large for the integer the platform or YAML reads it into.
struct IntegerOverflow: Rule {
    static let description = RuleDescription(
        id: "integer-overflow", severity: .error, kinds: DocumentKind.allCases,
        summary: "counts and sizes must fit a 32-bit integer, and plain numbers must fit YAML's 64-bit integers",
        rationale: """
        The platforms' APIs take counts and sizes as `int` (PLATFORM_API.md §4 and §5: `instanceNum`, `target_num_instances`,
        `size_gb`, `volumeSize`, the `scale` bounds; Kubernetes declares `replicas` and its autoscaler fields `int32`), so
        a larger `replicas`, `scale`, `deploy.replicas`, `cpu_shares`, `aliyun.scale`, `instanceNum`, `networkType`,
        `volumeSize`, `size_gb` or autoscaling bound is refused by the server, or wraps around. stackc holds all of them
        to 32-bit signed integers (−2147483648 to 2147483647). Anywhere in a template, an unquoted whole number beyond 64
        bits (above 18446744073709551615 or below −9223372036854775808) is no integer to go-yaml, which Docker Compose
        and the Kubernetes tools use: it becomes a float and loses its last digits, so `ORDER_ID: 123456789012345678901`
        reaches the container as `1.2345678901234568e+20`. Quote such a value to keep its digits. Values written with a
        variable are not checked here.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                deploy:
                  replicas: ↓3000000000
                environment:
                  ORDER_ID: ↓123456789012345678901
            """, messages: [
                "deploy.replicas of service 'web' is 3000000000, more than a 32-bit integer holds; use a number up to 2147483647",
                "123456789012345678901 does not fit a 64-bit integer, so YAML reads it as the float 1.2345678901234568e+20 and loses digits; quote it to keep it as text, or use a smaller number",
            ]),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            instanceNum: ↓4294967296
            internalVolumes: [{allocateMode: new, fsType: ext4, volumeSize: ↓-4294967296, mountPath: /data}]
            """, messages: [
                "instanceNum is 4294967296, more than a 32-bit integer holds; use a number up to 2147483647",
                "internalVolumes[0].volumeSize is -4294967296, less than a 32-bit integer holds; use a number from -2147483648",
            ]),
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            target_num_instances: ↓2147483648
            volumes: [{app_volume_dir: /data, volume_type: EBS, size_gb: ↓10000000000}]
            autoscaling_config: {minimum_num_instances: "1", maximum_num_instances: ↓"99999999999999999999"}
            """),
            Example("""
            x-build-id: ↓99999999999999999999
            services:
              web: {image: nginx, cpu_shares: ↓-1e400, labels: {build: ↓-9223372036854775809}}
            """, messages: [
                "cpu_shares of service 'web' is -1e400, less than a 32-bit integer holds; use a number from -2147483648",
                "99999999999999999999 does not fit a 64-bit integer, so YAML reads it as the float 1e+20 and loses digits; quote it to keep it as text, or use a smaller number",
                "-9223372036854775809 does not fit a 64-bit integer, so YAML reads it as the float -9.223372036854776e+18 and loses digits; quote it to keep it as text, or use a smaller number",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
                cpu_shares: 1024
                deploy: {replicas: 2147483647}
                environment:
                  ORDER_ID: "123456789012345678901"
                  BIG: 18446744073709551615
                  RATIO: 1.5e300
            """),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            instanceNum: 2
            internalVolumes: [{allocateMode: new, fsType: xfs, volumeSize: 100, mountPath: /data}]
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        let groups = IntegerField.groups(in: document, sharedBy: context)
        for field in groups.joined() where field.reading != .absent {
            switch field.reading {
            case .tooLarge:
                let negative = field.value.value.hasPrefix(ascii: "-")
                context.report(Self.message(field.name, field.value.value, negative: negative), at: field.value)
            case .integer(let value) where Int32(exactly: value) == nil:
                context.report(Self.message(field.name, String(value), negative: value < 0), at: field.value)
            default:
                break
            }
        }
        let root = document.root
        guard Self.mayHoldHugeNumber(root.tree.file.bytes) else { return }
        // Fields read above are not read again by the walk; one whose value is of a type its schema
        // refuses (a huge literal is a float) is left to the walk, which explains why.
        let fields = Set(groups.joined().lazy.filter { $0.reading != .absent }.map(\.value.range.start.offset))
        var reported = Set<Int>()
        var stack = [root]
        while let node = stack.popLast() {
            if node.isMapping {
                stack += node.entries.reversed().map(\.value)
            } else if node.isSequence {
                stack += node.items.reversed()
            } else if let value = Self.floatFromHugeLiteral(node), !fields.contains(node.range.start.offset),
                      reported.insert(node.range.start.offset).inserted {
                context.report(Self.becomesFloat(node.node.text, value), at: node)
            }
        }
    }

    /// The float go-yaml makes of a plain whole number it cannot hold as an integer: above `UInt64.max`
    /// (it falls back to unsigned before it gives up) or below `Int64.min`. Nil for anything else.
    static func floatFromHugeLiteral(_ node: NodeRef) -> Double? {
        let scalar = node.node
        guard scalar.style == .plain, scalar.tag == nil, case .float(let value) = scalar.resolved, !node.isWrittenWithVariable else { return nil }
        var digits = Substring(scalar.text.filter { $0 != "_" })
        let negative = digits.hasPrefix(ascii: "-")
        if negative || digits.hasPrefix(ascii: "+") { digits = digits.dropFirst() }
        guard let first = digits.first, first != "0", digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let limit = negative ? "9223372036854775808" : "18446744073709551615"
        let exceeds = digits.count > limit.count || (digits.count == limit.count && String(digits) > limit)
        return exceeds ? value : nil
    }

    /// Whether the bytes hold a run of at least 19 digits (`_` allowed between them), the shortest
    /// number that can exceed 64 bits: most files have none, and then the tree need not be walked.
    static func mayHoldHugeNumber(_ bytes: [UInt8]) -> Bool {
        // This reads every file, so it skips: a run of 19 digits is at least 19 bytes of digits and
        // `_`, so when the 19th byte from where a run could start is neither, no run starts before
        // it, and the search goes on after it. Only a stretch of digits and `_` is read byte by byte.
        let runLength = 19
        return bytes.withUnsafeBufferPointer { buffer in
            func isDigitOrUnderscore(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "_") }
            // Invariant: no run starts before `start`, and the byte before it (if any) ends a stretch.
            var start = 0
            while start + runLength <= buffer.count {
                let probe = start + runLength - 1
                guard isDigitOrUnderscore(buffer[probe]) else {
                    start = probe + 1
                    continue
                }
                // The stretch around the probe: back to its start (not before `start`), then forward.
                var index = probe
                while index > start, isDigitOrUnderscore(buffer[index - 1]) { index -= 1 }
                var digits = 0
                while index < buffer.count, isDigitOrUnderscore(buffer[index]) {
                    if buffer[index] != UInt8(ascii: "_") {
                        digits += 1
                        if digits >= runLength { return true }
                    }
                    index += 1
                }
                start = index + 1
            }
            return false
        }
    }

    // MARK: Messages

    static func message(_ name: String, _ value: String, negative: Bool) -> String {
        negative ? "\(name) is \(excerpt(value)), less than a 32-bit integer holds; use a number from \(Int32.min)"
            : "\(name) is \(excerpt(value)), more than a 32-bit integer holds; use a number up to \(Int32.max)"
    }

    private static func becomesFloat(_ text: String, _ value: Double) -> String {
        "\(excerpt(text)) does not fit a 64-bit integer, so YAML reads it as the float \(value) and loses digits; quote it to keep it as text, or use a smaller number"
    }
}
