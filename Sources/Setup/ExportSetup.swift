#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ScorecardCore

/// `scorecard init`: inspects every CSV file under a data folder and writes a commented `scorecard.yml`
/// that maps them to the scorecard's sources; never overwrites a file.
public struct ExportSetup: Sendable {
    /// The data folder, as given on the command line.
    public var dataDirectory: String
    /// The config file to write.
    public var configPath: String
    var limits = FileSample.Limits()

    public init(dataDirectory: String, configPath: String) {
        self.dataDirectory = dataDirectory
        self.configPath = configPath
    }

    /// Inspects, writes the config, and reports.
    /// - Throws: `SetupFailure` when the data folder cannot be read or the config file exists or cannot
    ///   be created (nothing is written then).
    public func run() throws(SetupFailure) -> SetupReport {
        let fm = FileManager.default
        let cwd = fm.currentDirectoryPath
        let data = Self.absolute(dataDirectory, base: cwd)
        let config = Self.absolute(configPath, base: cwd)
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: data, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SetupFailure(diagnostics: [Diagnostic("the data folder does not exist or is not a folder", at: SourceLocation(file: dataDirectory))])
        }
        if fm.fileExists(atPath: config) || (try? fm.destinationOfSymbolicLink(atPath: config)) != nil {
            throw SetupFailure(diagnostics: [Diagnostic("already exists; scorecard init never overwrites a config (remove it or pass --config NEW_FILE)",
                                                        at: SourceLocation(file: configPath))])
        }
        let plan = SetupPlan.make(ExportInspection.inspect(dataDirectory: data, limits: limits))
        let folder = URL(fileURLWithPath: config).deletingLastPathComponent().path
        let dataValue = Self.relative(data, from: folder)
        let text = ConfigWriter(plan: plan, data: dataValue, dataShown: dataDirectory).text()
        try write(text, to: config)
        return SetupReport(plan: plan, configPath: configPath, text: text, dataValue: dataValue)
    }

    /// Creates the file; fails when it exists, even when another process made it a moment ago.
    private func write(_ text: String, to path: String) throws(SetupFailure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            let why = errno == EEXIST ? "already exists; scorecard init never overwrites a config" : String(cString: strerror(errno))
            throw SetupFailure(diagnostics: [Diagnostic("cannot write the config: \(why)", at: SourceLocation(file: configPath))])
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Glibc_write(fd, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                throw SetupFailure(diagnostics: [Diagnostic("cannot write the config: \(String(cString: strerror(errno)))", at: SourceLocation(file: configPath))])
            }
            done += n
        }
    }

    private func Glibc_write(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.write(fd, p, n)
        #elseif canImport(Musl)
        return Musl.write(fd, p, n)
        #else
        return Glibc.write(fd, p, n)
        #endif
    }

    static func absolute(_ path: String, base: String) -> String {
        let expanded = NSString(string: path).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL.path }
        return URL(fileURLWithPath: base).appendingPathComponent(expanded).standardizedFileURL.path
    }

    /// `path` relative to the folder `base` (both absolute): `exports`, `.`, `../exports`.
    static func relative(_ path: String, from base: String) -> String {
        let p = path.split(separator: "/"), b = base.split(separator: "/")
        var k = 0
        while k < p.count, k < b.count, p[k] == b[k] { k += 1 }
        // Only a few levels up; beyond that the absolute path reads better.
        if k == 0 || b.count - k > 2 { return path }
        let parts = Array(repeating: "..", count: b.count - k) + p[k...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}

/// `scorecard init` could not run (exit status 2): the data folder is missing, or the config exists.
public struct SetupFailure: ScorecardFailure {
    public var diagnostics: [Diagnostic]
    public var isUserError: Bool { true }
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
