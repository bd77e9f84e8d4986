import Diagnostics
import Interpolation
import Syntax

/// The template string that goes inside a request body.
public enum TemplateText {
    /// The interpolated tree as YAML (libyaml's emitter, scalar styles kept, `\n` line breaks). With
    /// `escapeDollars`, every `$` a scalar still holds becomes `$$` — except inside expressions kept for
    /// the server (`${ACS_DEFAULT_DOMAIN}`), which must reach it intact.
    public static func emit(_ interpolated: InterpolatedTree, escapeDollars: Bool) throws(YAMLEmitter.Failure) -> String {
        guard escapeDollars else { return try YAMLEmitter.emit(interpolated.tree) }
        let escaped = interpolated.tree.replacingScalars { id, node in
            guard node.text.utf8.contains(UInt8(ascii: "$")) else { return nil }
            var copy = node
            copy.text = escape(node.text, keeping: interpolated.originals[id]?.preservedRanges ?? [])
            return copy
        }
        return try YAMLEmitter.emit(escaped)
    }

    /// The file as the author wrote it, with `\n` line breaks (the `keep` mode).
    public static func asWritten(_ file: SourceFile) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(file.bytes.count)
        var index = file.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < file.bytes.count {
            let byte = file.bytes[index]
            if byte == 0x0D {
                bytes.append(0x0A)
                if index + 1 < file.bytes.count, file.bytes[index + 1] == 0x0A { index += 1 }
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `$` → `$$` outside the given UTF-8 ranges.
    static func escape(_ text: String, keeping preserved: [Range<Int>]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 4)
        for (offset, byte) in text.utf8.enumerated() {
            output.append(byte)
            if byte == UInt8(ascii: "$"), !preserved.contains(where: { $0.contains(offset) }) {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
