import Diagnostics

extension Diagnostic {
    /// The message and its notes as one line, for formats whose finding has a single message field
    /// (GitLab Code Quality, Checkstyle): `duplicate key 'image'; note at 3:3: first defined here`.
    /// Control characters are visible escapes, as in every format.
    var messageWithNotes: String {
        let notes = notes.map { note in "; note" + (note.range.map { " at \($0.start)" } ?? "") + ": " + note.message }
        return Sanitizer.terminalSafe(message + notes.joined())
    }
}
