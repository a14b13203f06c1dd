import Foundation
import Logging
import ScorecardCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reduce stage on Apache Spark: writes the embedded job (spark/scorecard_job.py) and its spec into
/// a temporary folder, runs `spark-submit` in client mode against the configured master, and reads the
/// aggregate folder the job writes on this machine (the driver).
public struct SparkEngine: Sendable {
    public var config: Config
    public var dataDirectory: String
    public var logger: Logger

    public init(config: Config, dataDirectory: String, logger: Logger) {
        self.config = config
        self.dataDirectory = dataDirectory
        self.logger = logger
    }

    /// How many of Spark's last output lines a failure shows.
    static let lastLines = 12

    /// The embedded job's text.
    static var job: String { EmbeddedSparkJob.files["scorecard_job.py"] ?? "" }

    /// Runs the job and reads what it wrote.
    /// - Throws: `SparkFailure` (exit 1) when Spark cannot run or the job fails; `IngestProblems` (exit 2)
    ///   for the problems of the exports the job found (a missing source or column, an invalid file).
    public func reduce() throws -> AggregateFolder.Contents {
        guard let submit = Self.locate(config.spark.submit) else {
            throw SparkFailure("spark-submit \"\(config.spark.submit)\" is not found (spark.submit in the config, or on PATH): install "
                               + "Spark (pip install pyspark gives spark-submit), or name its path")
        }
        guard !Self.job.isEmpty else { throw SparkFailure("the Spark job is not embedded in this binary") }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-spark-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let jobPath = work.appendingPathComponent("scorecard_job.py").path
        let specPath = work.appendingPathComponent("spec.json").path
        let output = work.appendingPathComponent("aggregates").path
        let log = work.appendingPathComponent("spark.log").path
        try Data(Self.job.utf8).write(to: URL(fileURLWithPath: jobPath))
        let spec = SparkJobSpec.json(config: config, dataDirectory: dataDirectory, output: output)
        try JSONSerialization.data(withJSONObject: spec, options: [.sortedKeys, .prettyPrinted]).write(to: URL(fileURLWithPath: specPath))

        var arguments = ["--master", config.spark.master, "--deploy-mode", "client", "--name", "scorecard"]
        for (key, value) in config.spark.conf { arguments += ["--conf", "\(key)=\(value)"] }
        arguments += [jobPath, specPath]
        logger.info("running the Spark job on \(config.spark.master)")
        let status = try Self.run(submit, arguments, log: log)
        let tail = Self.tail(of: log)
        guard status == 0 else {
            throw SparkFailure("the Spark job failed (spark-submit exit status \(status)); the published site is unchanged", lastLines: tail)
        }
        let problems = try Self.problems(in: output)
        if !problems.isEmpty { throw SparkInputProblems(diagnostics: problems) }
        guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: output).appendingPathComponent("manifest.json").path) else {
            throw SparkFailure("the Spark job wrote no aggregates", lastLines: tail)
        }
        return try AggregateFolder.read(from: output, config: config)
    }

    /// `problems.csv` of the job: the exports' problems that fail a build (exit 2).
    static func problems(in output: String) throws(AggregateFolderError) -> [Diagnostic] {
        guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: output).appendingPathComponent("problems.csv").path) else { return [] }
        let r = try AggregateFileReader(directory: output, name: "problems.csv")
        let (file, line, source, message) = (try r.column("file"), try r.column("line"), try r.column("source"), try r.column("message"))
        var out: [Diagnostic] = []
        while try r.next() {
            out.append(Diagnostic(r.string(message), at: SourceLocation(file: r.string(file), line: Int(r.string(line)),
                                                                         source: SourceName(rawValue: r.string(source)))))
        }
        return out
    }

    /// The executable `name` names: a path, or the first match on PATH.
    static func locate(_ name: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if access(path, X_OK) == 0 { return path }
        }
        return nil
    }

    /// Runs a program with its output (and errors) in `log`, in a process group of its own that is killed
    /// afterwards (Spark's JVM and Python workers with it). Returns its exit status.
    static func run(_ executable: String, _ arguments: [String], log: String) throws -> Int32 {
        let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        let pid: pid_t
        switch ProcessGroup.spawn(executable, arguments, environment: environment, log: log) {
        case .success(let child): pid = child
        case .failure(let error): throw SparkFailure("cannot start \(executable): \(error.reason)")
        }
        defer { _ = kill(-pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return ProcessGroup.exitCode(status) ?? 128 + ProcessGroup.signal(status)
    }

    /// The last lines of Spark's output that say what went wrong (errors and exceptions first).
    static func tail(of log: String) -> [String] {
        guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return [] }
        // Stack frames (`\tat io.netty…`, `  File "…", line 3`) say where, not what; a cause repeated by
        // several threads is said once.
        var seen = Set<String>()
        let lines = text.split(whereSeparator: \.isNewline).map { $0.replacingOccurrences(of: "\t", with: " ") }.filter { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !(line.hasPrefix(" ") && (trimmed.hasPrefix("at ") || trimmed.hasPrefix("... "))) else { return false }
            return seen.insert(line).inserted
        }
        let errors = lines.filter { $0.contains("ERROR") || $0.contains("Exception") || $0.contains("Error:") || $0.hasPrefix("Traceback") }
        let chosen = errors.isEmpty ? Array(lines.suffix(lastLines)) : Array(errors.suffix(lastLines))
        return chosen.map { $0.count > 400 ? String($0.prefix(400)) + "…" : $0 }
    }
}

/// The exports' problems that the Spark job found and that fail a build like the built-in engine's
/// (exit 2): a required source missing, a missing column, an unreadable file.
public struct SparkInputProblems: ScorecardFailure, Error {
    public var diagnostics: [Diagnostic]
    public var isUserError: Bool { true }
}
