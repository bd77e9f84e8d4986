import Diagnostics
import Model
import Syntax

/// Rules about numbers and amounts: counts, ports, sizes, quantities and durations within what the
/// platform takes.
let boundRules: [any Rule.Type] = [
    DiskSize.self,
    DurationFormat.self,
    IntegerOverflow.self,
    PortRange.self,
    QuantityFormat.self,
    ScaleBounds.self,
]

// Helpers the rules of this folder share; they live beside the list because every other file of the
// folder holds exactly one rule.

/// How a scalar reads where the API wants a whole number. Compose casts strings of digits to the
/// integers they spell (`replicas: "2"`), and the Alauda and aliyun APIs send counts as strings (`"5"`),
/// so those are integers here. A value of a type the field's schema does not take at all
/// (`replicas: true`) is a `type-mismatch`, reported by the schema check, and reads as `absent`.
enum IntegerReading: Equatable {
    case integer(Int64)
    /// A whole number beyond 64 bits, which neither Go nor YAML holds as an integer.
    case tooLarge
    /// Text or a fraction where a whole number belongs.
    case notInteger
    /// Nothing to check: no value, null, a type error, or a value an unset variable left empty (the
    /// `unset-variable` warning's business).
    case absent

    /// The YAML types a field's schema takes (`FieldType.integer`, `.integerOrString`, `.numberOrString`,
    /// and `.convertedInteger`, whose strings Compose converts with `strconv.Atoi`: one that does not
    /// convert is the schema's `type-mismatch`, so it reads as `absent` here).
    enum Accepted {
        case integers, integersOrStrings, numbersOrStrings, convertedIntegers
    }

    init(_ node: NodeRef?, accepts types: Accepted) {
        guard let node, let value = node.checkableValue else {
            self = .absent
            return
        }
        switch (value, types) {
        case (.int(let value), _): self = .integer(value)
        case (.float(let value), .numbersOrStrings): self = Self(float: value, text: node.text)
        case (.string(let text), .integersOrStrings), (.string(let text), .numbersOrStrings): self = Self(text: text)
        case (.string(let text), .convertedIntegers):
            if case .int(let value)? = ComposeConversion.integer.convert(text) { self = .integer(value) } else { self = .absent }
        default: self = .absent
        }
    }

    /// Reads the text of a label value or a string field as YAML would read it unquoted (digits beyond
    /// 64 bits read as a float, so they come out `tooLarge`).
    init(text: String) {
        switch ScalarValue.resolve(text, style: .plain, tag: nil) {
        case .int(let value): self = .integer(value)
        case .float(let value): self = Self(float: value, text: text)
        default: self = .notInteger
        }
    }

    /// A literal beyond what a Double holds (`1e400`, a thousand digits) reads as infinity: it is a
    /// huge number all the same, unlike the words `.inf` and `.nan`.
    private init(float value: Double, text: String) {
        if let integer = Int64(exactly: value) {
            self = .integer(integer)
        } else if value.isFinite {
            self = value.rounded() == value ? .tooLarge : .notInteger
        } else {
            self = value.isNaN || text.lowercased().contains("inf") ? .notInteger : .tooLarge
        }
    }

    /// The value when it fits the platforms' 32-bit integers; larger ones are `integer-overflow`'s.
    var within32Bits: Int64? {
        guard case .integer(let value) = self, Int32(exactly: value) != nil else { return nil }
        return value
    }
}

/// A whole-number field of a template: its value, how messages name it, and the values the platform
/// takes. `scale-bounds` checks the bounds of counts, `integer-overflow` that every such field fits
/// the platform's 32-bit integers.
struct IntegerField {
    /// The key as messages show it: `deploy.replicas`, `scale.minReplicas`, `label aliyun.scale`.
    let key: String
    /// The Compose service that holds the field; nil for the document itself. Only the name is kept:
    /// `name` spells the owner out for the few fields that end up in a message.
    let service: String?
    let value: Located<String>
    let reading: IntegerReading
    /// The values the platform takes; nil for sizes and weights (disk sizes are `disk-size`'s).
    let bounds: CountBounds?

    var name: String { service.map { "\(key) of service '\($0)'" } ?? key }

    /// `groups(in:)`, worked out once per check for the two rules that read the fields.
    static func groups(in document: Document, sharedBy context: RuleContext) -> [[IntegerField]] {
        context.shared.value(for: IntegerField.self) { groups(in: document) }
    }

    /// The fields of one document, grouped by what holds them (a Compose service, or the document).
    static func groups(in document: Document) -> [[IntegerField]] {
        switch document {
        case .compose(let compose):
            return compose.services.map { service in
                let owner = service.name.value
                // Appended one by one: arrays of specs built for every service cost more than reading the fields.
                var fields: [IntegerField] = []
                func add(_ key: String, _ node: NodeRef?, _ types: IntegerReading.Accepted, _ bounds: CountBounds?) {
                    if let field = field(key, node, accepts: types, bounds: bounds, service: owner) { fields.append(field) }
                }
                // `deploy` is common; the others are ruled out together for most services.
                let mayHoldFields = service.node.containsAnyKey(serviceFields)
                func serviceField(_ read: (ComposeService) -> NodeRef?) -> NodeRef? { mayHoldFields ? read(service) : nil }
                add("replicas", serviceField(\.replicas), .integersOrStrings, .zeroOrMore)
                add("scale", serviceField(\.scale), .convertedIntegers, .zeroOrMore)
                add("deploy.replicas", service.deploy?.replicas, .convertedIntegers, .zeroOrMore)
                add("cpu_shares", serviceField(\.cpuShares), .numbersOrStrings, nil)
                for label in service.aliyunLabels where countLabels.contains(label.name.value) && !label.valueHasVariable {
                    guard let value = label.value else { continue }
                    fields.append(IntegerField(key: "label \(label.name.value)", service: owner, value: value,
                                               reading: IntegerReading(text: value.value), bounds: .zeroOrMore))
                }
                return fields
            }
        case .pod(let pod):
            return [fields([("replicas", pod.replicas, .zeroOrMore)], accepts: .integers)]
        case .application(let application):
            let scale = application.scale
            return [fields([("instanceNum", application.instanceNum, .zeroOrMore), ("scale.minReplicas", scale?.minReplicas, .oneOrMore),
                            ("scale.maxReplicas", scale?.maxReplicas, .oneOrMore), ("scale.targetCPUUtilization", scale?.targetCPUUtilization, .percentage),
                            ("networkType", application.networkType, nil)]
                + application.internalVolumes.enumerated().map { ("internalVolumes[\($0)].volumeSize", $1.volumeSize, nil) }, accepts: .integers)]
        case .alaudaService(let service):
            let autoscaling = service.autoscalingConfig
            // The documentation sends the autoscaling settings as strings ("2"), and the schema takes numbers too.
            return [fields([("target_num_instances", service.targetNumInstances, .zeroOrMore)]
                + service.volumes.enumerated().map { ("volumes[\($0)].size_gb", $1.sizeGB, nil) }, accepts: .integers)
                + fields([("autoscaling_config.minimum_num_instances", autoscaling?.minimumNumInstances, .zeroOrMore),
                          ("autoscaling_config.maximum_num_instances", autoscaling?.maximumNumInstances, .zeroOrMore),
                          ("autoscaling_config.increase_delta", autoscaling?.increaseDelta, .oneOrMore),
                          ("autoscaling_config.decrease_delta", autoscaling?.decreaseDelta, .oneOrMore)], accepts: .numbersOrStrings)]
        case .configmap, .secret, .aliyunVolume, .stack:
            return []
        }
    }

    /// The whole-number keys of a Compose service, `deploy` aside.
    static let serviceFields = KeySet(["replicas", "scale", "cpu_shares"])

    /// - Parameter types: what the fields' schema takes, the same for all of them.
    private static func fields(_ specs: [(key: String, node: NodeRef?, bounds: CountBounds?)], accepts types: IntegerReading.Accepted,
                               owner service: String? = nil) -> [IntegerField] {
        specs.compactMap { field($0.key, $0.node, accepts: types, bounds: $0.bounds, service: service) }
    }

    /// The field under `key` when the node is present.
    private static func field(_ key: String, _ node: NodeRef?, accepts types: IntegerReading.Accepted, bounds: CountBounds?,
                              service: String?) -> IntegerField? {
        node.map { IntegerField(key: key, service: service, value: $0.located($0.text), reading: IntegerReading($0, accepts: types), bounds: bounds) }
    }

    /// The aliyun labels that hold counts or thresholds (ALIYUN.md §3.2: "integers as strings").
    static let countLabels: Set<String> = Set(["aliyun.scale", "aliyun.auto_scaling.step", "aliyun.auto_scaling.period"]
        + autoScalingMetrics.flatMap { ["aliyun.auto_scaling.min_\($0)", "aliyun.auto_scaling.max_\($0)"] })

    /// Metrics of aliyun auto-scaling, each with a `min_` and a `max_` label.
    static let autoScalingMetrics = ["cpu", "memory", "internetInRate", "internetOutRate", "instances"]
}

/// The least and greatest value a count may take.
struct CountBounds {
    let minimum: Int64
    let maximum: Int64?

    static let zeroOrMore = CountBounds(minimum: 0, maximum: nil)
    static let oneOrMore = CountBounds(minimum: 1, maximum: nil)
    /// A percentage of CPU, as Kubernetes' autoscaler takes it.
    static let percentage = CountBounds(minimum: 1, maximum: 100)

    func contains(_ value: Int64) -> Bool {
        value >= minimum && value <= (maximum ?? .max)
    }

    /// How a fix names the bounds: `of 0 or more`, `from 1 to 100`.
    var phrase: String {
        maximum.map { "from \(minimum) to \($0)" } ?? "of \(minimum) or more"
    }
}

extension NodeRef {
    /// Whether this is a value to check: a scalar that is not null, not left empty by an unset variable
    /// (`unset-variable`'s business) and holds no `$` left for later substitution (`--no-interpolate`,
    /// or names the aliyun server substitutes). Collections where a number belongs are type errors,
    /// reported elsewhere.
    var isCheckableScalar: Bool {
        checkableScalar { $0.isNullScalar ? nil : () } != nil
    }

    /// The resolved value of a checkable scalar (see `isCheckableScalar`); nil for anything else. One
    /// resolution answers both (a scalar is null when it resolves to null), where asking
    /// `isCheckableScalar` and then `resolved` resolves a quoted scalar three times.
    var checkableValue: ScalarValue? {
        checkableScalar { node in
            let value = node.resolved
            if case .null = value { return nil }
            return value
        }
    }

    /// A checkable scalar that is a number or a string. Booleans where an amount belongs are the schema's
    /// `type-mismatch`, not a bound.
    var isNumberOrString: Bool {
        switch checkableValue {
        case .int?, .float?, .string?: return true
        case .bool?, .null?, nil: return false
        }
    }

    /// `read` of a scalar node, when it gives a value (not for null) and the scalar is not one an
    /// unset variable left empty or with a `$`; else nil. The source text is searched for a variable
    /// only when the value is empty or holds a `$`, which almost no value does.
    private func checkableScalar<Result>(_ read: (YAMLNode) -> Result?) -> Result? {
        let reading: (result: Result, mayBeLeftByVariable: Bool)? = withNode { address in
            guard address.pointee.isScalar else { return nil }
            // Copied once: each call into the node's readers (`isNullScalar`, `resolved`) through the
            // address would copy it again.
            let node = address.pointee
            guard let result = read(node) else { return nil }
            return (result, node.text.isEmpty || node.text.contains(ascii: "$"))
        }
        guard let reading, !(reading.mayBeLeftByVariable && isWrittenWithVariable) else { return nil }
        return reading.result
    }
}
