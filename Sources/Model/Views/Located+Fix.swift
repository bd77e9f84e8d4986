import Diagnostics

extension Located where Value == String {
    /// The fix that writes `newValue` in place of this scalar, or nil when that is not certain (see
    /// `Fix.replacingScalar`: a value made by a substitution, or only part of its scalar, is never fixed).
    public func replacement(_ newValue: String, title: String? = nil) -> Fix? {
        Fix.replacingScalar(in: place.shared.tree.file, at: range, value: value, with: newValue,
                            title: title ?? "replace '\(value)' with '\(newValue)'")
    }
}
