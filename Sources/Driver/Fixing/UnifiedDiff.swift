import Diagnostics

/// The unified diff (`diff -u`, three lines of context) between a file and its fixed text, which
/// `git apply` and `patch -p1` take. Fixes replace words and never add or remove a line, so the
/// changed lines are found line by line; texts whose line counts differ get one hunk of the whole file.
public enum UnifiedDiff {
    static let context = 3

    /// Empty when the texts are equal.
    public static func diff(_ old: [UInt8], _ new: [UInt8], path: String) -> String {
        guard old != new else { return "" }
        let before = lines(old), after = lines(new)
        var hunks: [Range<Int>] = []
        if before.count == after.count {
            for index in before.indices where before[index] != after[index] {
                let range = max(0, index - context)..<min(before.count, index + context + 1)
                if let last = hunks.last, last.upperBound >= range.lowerBound {
                    hunks[hunks.count - 1] = last.lowerBound..<range.upperBound
                } else {
                    hunks.append(range)
                }
            }
        }
        var text = "--- a/\(path)\n+++ b/\(path)\n"
        guard !hunks.isEmpty else {
            text += "@@ -\(header(0..<before.count)) +\(header(0..<after.count)) @@\n"
            return text + before.map { "-" + line($0) }.joined() + after.map { "+" + line($0) }.joined()
        }
        for hunk in hunks {
            text += "@@ -\(header(hunk)) +\(header(hunk)) @@\n"
            var removed = "", added = ""
            for index in hunk {
                if before[index] == after[index] {
                    text += removed + added + " " + line(before[index])
                    (removed, added) = ("", "")
                } else {
                    removed += "-" + line(before[index])
                    added += "+" + line(after[index])
                }
            }
            text += removed + added
        }
        return text
    }

    /// `start,count` with a 1-based start, as the hunk header writes a range.
    private static func header(_ range: Range<Int>) -> String {
        "\(range.isEmpty ? range.lowerBound : range.lowerBound + 1),\(range.count)"
    }

    /// The lines of a text, each with its terminator (`\n`, or `\r\n`, kept as written).
    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            result.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { result.append(bytes[start...]) }
        return result
    }

    /// A line as the diff prints it; a last line without a newline gets diff's marker.
    private static func line(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return bytes.last == UInt8(ascii: "\n") ? text : text + "\n\\ No newline at end of file\n"
    }
}
