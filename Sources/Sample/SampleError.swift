#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ScorecardCore

/// Why the sample could not be written, with the path concerned.
public struct SampleError: ScorecardFailure {
    public enum Reason: Sendable, Equatable {
        case invalidOption(String)
        case cannotCreateDirectory(errno: Int32)
        case cannotOpen(errno: Int32)
        case cannotWrite(errno: Int32)
    }

    public var reason: Reason
    /// The file or folder concerned; empty for an invalid option.
    public var path: String

    public init(_ reason: Reason, path: String = "") {
        self.reason = reason
        self.path = path
    }

    public var message: String {
        switch reason {
        case .invalidOption(let text): return text
        case .cannotCreateDirectory(let code): return "cannot create the folder (\(SampleError.text(errno: code)))"
        case .cannotOpen(let code): return "cannot create the file (\(SampleError.text(errno: code)))"
        case .cannotWrite(let code): return "cannot write the file (\(SampleError.text(errno: code)))"
        }
    }

    public var diagnostics: [Diagnostic] {
        [Diagnostic(message, at: path.isEmpty ? nil : SourceLocation(file: path))]
    }

    /// A bad option or an unwritable output folder is the user's to fix.
    public var isUserError: Bool { true }

    static func text(errno code: Int32) -> String {
        guard let c = strerror(code) else { return "errno \(code)" }
        return String(cString: c)
    }
}
