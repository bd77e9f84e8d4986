/// The platform family a template is meant for (`lint --target`, and the family of each `build`
/// target). Rules that only matter for one platform (aliyun labels, keys a platform ignores) run only
/// when it is targeted, and lowering escapes variables only for the platform that substitutes them.
public enum Platform: String, Sendable, CaseIterable {
    case aliyun
    case v2
    case alauda
}
