/// How Docker Compose's Go types (compose-go v2.9.1 `types`) hold and print a value: each struct's
/// fields in declaration order with their JSON names, which is the key order of
/// `docker compose config --format json`, and whether a field is left out when empty (`omitempty`).
indirect enum ComposeShape: Sendable {
    case string
    /// int, int64, uint32 …: a string field's text is cast (`"80"`), zero is empty.
    case integer
    /// float32 (`cpus`, `max_failure_ratio`): printed with a 32-bit float's digits.
    case float32
    case bool
    /// `*T`: kept when set, even to its zero value (`init: false`, `retries: 0`).
    case pointer(ComposeShape)
    /// `UnitBytes`: a size (`1g`) or a number, printed as the string of its bytes.
    case bytes
    /// `Duration`: printed as Go's `time.Duration.String` (`1m30s`, `24h0m0s`).
    case duration
    /// `NanoCPUs`: a float32 written as a number or a string.
    case nanoCPUs
    /// `FileMode`: an octal number, printed as a string (`"0440"`).
    case fileMode
    /// `ShellCommand`: a string split as a shell splits it, or a list; never left out (null when unset).
    case shellCommand
    /// `StringList`/`StringOrNumberList`: a string alone becomes a list of one.
    case stringList
    /// `HealthCheckTest`: a string becomes `["CMD-SHELL", string]`.
    case healthTest
    /// `HostsList`: `host=ip` entries, sorted.
    case hosts
    /// `UlimitsConfig`: a number alone (0 prints as `{}`), or `{soft, hard}`.
    case ulimit
    /// `DeviceCount`: a number, or `all` (-1).
    case deviceCount
    /// `MappingWithEquals` (`environment`, build `args`): `KEY=value` entries or a mapping, an entry
    /// without a value kept as null.
    case mappingWithEquals
    /// `Labels`, `Mapping`, `Options`: `KEY=value` entries or a mapping, a missing value as "".
    case stringMap
    /// An `x-` extension or anything Compose keeps as decoded from YAML.
    case raw
    /// `SSHConfig`: the keys of build `ssh` (`default`, `id=path`), sorted.
    case sshKeys
    case list(ComposeShape)
    /// A map of names to values, printed with sorted keys.
    case map(ComposeShape)
    /// A Go struct; never left out, as Go's `omitempty` keeps structs.
    case object([ComposeField])
}

struct ComposeField: Sendable {
    /// The name Compose prints.
    let key: String
    /// The name in the file, where it differs (`path` for a blkio device's `Path`: Go's decoder
    /// matches field names without regard to case).
    let source: String
    let shape: ComposeShape
    /// A field without `omitempty`: printed even when empty.
    let always: Bool

    init(_ key: String, _ shape: ComposeShape, always: Bool = false, from source: String? = nil) {
        self.key = key
        self.source = source ?? key
        self.shape = shape
        self.always = always
    }
}
