#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Driver
import Submit

/// The few facts about the process's terminal the commands need.
enum Terminal {
    /// Colour only for a terminal, and never when `NO_COLOR` is set (no-color.org); `choice` is `--color`.
    static func wantsColor(stdoutDescriptor: Int32, choice: ColorChoice = .auto) -> Bool {
        choice.enabled(isTerminal: isatty(stdoutDescriptor) == 1, noColor: environment("NO_COLOR"))
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The absolute working folder, which report paths are made relative to.
    static func workingDirectory() -> String {
        AbsolutePath.currentDirectory() ?? ""
    }

    static func coreCount() -> Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    static let standardOutput: Int32 = 1
    static let standardError: Int32 = 2

    /// Writes all of `text` to a file descriptor, retrying short writes. Reports arrive a file at a time,
    /// so one system call per file is the natural buffer.
    static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { write(buffer: $0, to: descriptor) }
    }

    static func write(bytes: borrowing [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBufferPointer { write(buffer: $0, to: descriptor) }
    }

    private static func write(buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    /// The process's own streams for a flow (`submit`, `trigger`, `sign`).
    static var commandOutput: CommandOutput {
        CommandOutput(standardOutput: { write($0, to: standardOutput) }, standardError: { write($0, to: standardError) },
                      errorIsTerminal: isatty(standardError) == 1, colors: wantsColor(stdoutDescriptor: standardError))
    }
}
