import Diagnostics
import Model

/// Compose's canonical model decoded into its Go types and printed as `encoding/json` prints them:
/// struct fields in declaration order (`ComposeShape`), map keys sorted, empty `omitempty` fields
/// left out, and each value converted as compose-go's decoder converts it (sizes to bytes, durations
/// to Go's notation, command strings split into words, `KEY=value` lists into mappings …).
enum ComposeEncoder {
    /// The JSON of `value` as `shape`, and whether Go counts it empty (left out of an `omitempty` field).
    static func encode(_ value: ComposeValue, as shape: ComposeShape) -> (json: JSONValue, isEmpty: Bool) {
        switch shape {
        case .string:
            let text = value.printed ?? ""
            return (.string(text), text.isEmpty)
        case .integer:
            let number = integer(value) ?? 0
            return (.int(number), number == 0)
        case .float32, .nanoCPUs:
            let number = float(value) ?? 0
            return (.number(GoNumber.formatJSON(number, bits: 32)), number == 0)
        case .bool:
            let flag = value == .bool(true)
            return (.bool(flag), !flag)
        case .pointer(let pointee):
            return (encode(value, as: pointee).json, false)
        case .bytes:
            let bytes = byteCount(value)
            return (.string(String(bytes)), bytes == 0)
        case .duration:
            let nanoseconds = duration(value)
            return (.string(GoDuration.string(nanoseconds)), nanoseconds == 0)
        case .fileMode:
            return (.string("0" + String(fileMode(value), radix: 8)), false)
        case .shellCommand:
            return (commandWords(value).map { .array($0.map(JSONValue.string)) } ?? .null, false)
        case .stringList:
            let items = value.list ?? [value]
            return (.array(items.map { .string($0.printed ?? "") }), items.isEmpty)
        case .healthTest:
            if case .string(let command) = value { return (.array([.string("CMD-SHELL"), .string(command)]), false) }
            let items = value.list ?? []
            return (.array(items.map { .string($0.printed ?? "") }), items.isEmpty)
        case .hosts:
            let entries = hosts(value)
            return (.array(entries.map(JSONValue.string)), entries.isEmpty)
        case .ulimit:
            if let single = integer(value), single != 0 { return (.int(single), false) }
            let limits = ComposeShape.object([.init("soft", .integer), .init("hard", .integer)])
            return (encode(value, as: limits).json, false)
        case .deviceCount:
            let count = value.printed?.lowercased() == "all" ? -1 : integer(value) ?? 0
            return (.int(count), count == 0)
        case .mappingWithEquals:
            let mapping = keyValues(value, missing: nil)
            return (.object(mapping.map { .init($0.key, $0.value.map(JSONValue.string) ?? .null) }), mapping.isEmpty)
        case .stringMap:
            let mapping = keyValues(value, missing: "")
            return (.object(mapping.map { .init($0.key, .string($0.value ?? "")) }), mapping.isEmpty)
        case .raw:
            return (raw(value), false)
        case .sshKeys:
            // Compose cannot print a key with a path (its JSON would be `"id": path` inside a list); stackc
            // writes it `id=path`, as it is written in the list form.
            let keys = (value.map ?? [:]).map { id, path in path.printed.map { "\(id)=\($0)" } ?? id }.sorted()
            return (.array(keys.map(JSONValue.string)), keys.isEmpty)
        case .list(let item):
            let items = value.list ?? []
            return (.array(items.map { element($0, as: item) }), items.isEmpty)
        case .map(let member):
            let members = ComposeNormalizer.sorted(value.map ?? [:])
            return (.object(members.map { .init($0.key, element($0.value, as: member)) }), members.isEmpty)
        case .object(let fields):
            return (.object(object(value.map ?? [:], fields: fields)), false)
        }
    }

    /// A list item or map value: a null one stays null (a nil pointer in Go).
    private static func element(_ value: ComposeValue, as shape: ComposeShape) -> JSONValue {
        if value == .null, case .pointer = shape { return .null }
        return encode(value, as: shape).json
    }

    private static func object(_ members: [String: ComposeValue], fields: [ComposeField]) -> [JSONValue.Member] {
        var result: [JSONValue.Member] = []
        for field in fields {
            guard let value = members[field.source], value != .null else {
                switch field.shape {
                case .object: result.append(.init(field.key, encode(.map([:]), as: field.shape).json))
                default: if field.always { result.append(.init(field.key, encode(.null, as: field.shape).json)) }
                }
                continue
            }
            let (json, isEmpty) = encode(value, as: field.shape)
            if field.always || !isEmpty { result.append(.init(field.key, json)) }
        }
        return result
    }

    /// A value Compose keeps as YAML decoded it (`x-` extensions): mappings with sorted keys.
    static func raw(_ value: ComposeValue) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .int(let number): .int(number)
        case .float(let number): number.isFinite ? .number(GoNumber.formatJSON(number)) : .string(GoNumber.formatG(number))
        case .bool(let flag): .bool(flag)
        case .null: .null
        case .list(let items): .array(items.map(raw))
        case .map(let members):
            .object(ComposeNormalizer.sorted(members).map { .init($0.key, raw($0.value)) })
        }
    }

    private static func integer(_ value: ComposeValue) -> Int64? {
        switch value {
        case .int(let number): number
        case .float(let number): number.isFinite ? Int64(exactly: number.rounded(.towardZero)) : nil
        case .string(let text): Int64(text)
        default: nil
        }
    }

    private static func float(_ value: ComposeValue) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .float(let number): number
        case .string(let text): Double(text)
        default: nil
        }
    }

    /// A size in bytes: a number as it is, a string as go-units `RAMInBytes` reads it.
    private static func byteCount(_ value: ComposeValue) -> Int64 {
        switch value {
        case .int(let number): number
        case .string(let text): Quantity.byteSize(Substring(text)).flatMap { Int64(exactly: $0.value.rounded(.towardZero)) } ?? 0
        default: 0
        }
    }

    private static func duration(_ value: ComposeValue) -> Int64 {
        guard let text = value.printed, let parsed = Duration(composeSyntax: Substring(text)) else { return 0 }
        let (seconds, attoseconds) = parsed.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// A file mode: a number as YAML read it, a string as octal digits.
    private static func fileMode(_ value: ComposeValue) -> Int64 {
        switch value {
        case .int(let number): number
        case .string(let text): Int64(text, radix: 8) ?? 0
        default: 0
        }
    }

    private static func commandWords(_ value: ComposeValue) -> [String]? {
        switch value {
        case .string(let text): try? ComposeSyntax.shellWords(text).get()
        case .list(let items): items.map { $0.printed ?? "" }
        default: nil
        }
    }

    /// `extra_hosts` as compose-go's `HostsList` prints it: `host=ip`, one per address, sorted.
    private static func hosts(_ value: ComposeValue) -> [String] {
        var addresses: [String: [String]] = [:]
        switch value {
        case .map(let members):
            for (host, ips) in members { addresses[host] = ips.list?.map { $0.printed ?? "" } ?? [ips.printed ?? ""] }
        case .list(let entries):
            for entry in entries {
                guard let text = entry.printed, let separator = text.firstIndex(of: "=") ?? text.firstIndex(of: ":") else { continue }
                let ips = text[text.index(after: separator)...].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                addresses[String(text[..<separator]), default: []] += ips
            }
        default:
            break
        }
        let unbracketed = addresses.mapValues { $0.map { $0.count > 2 && $0.hasPrefix("[") && $0.hasSuffix("]") ? String($0.dropFirst().dropLast()) : $0 } }
        return unbracketed.flatMap { host, ips in ips.map { "\(host)=\($0)" } }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// `KEY=value` entries or a mapping, sorted by key; `missing` stands for an entry with no value.
    private static func keyValues(_ value: ComposeValue, missing: String?) -> [(key: String, value: String?)] {
        var mapping: [String: String?] = [:]
        switch value {
        case .map(let members):
            for (key, member) in members { mapping[key] = member == .null ? missing : member.printed }
        case .list(let entries):
            for entry in entries {
                guard let text = entry.printed else { continue }
                if let equals = text.firstIndex(of: "=") {
                    mapping[String(text[..<equals])] = String(text[text.index(after: equals)...])
                } else {
                    mapping[text] = missing
                }
            }
        default:
            break
        }
        return ComposeNormalizer.sorted(mapping)
    }
}
